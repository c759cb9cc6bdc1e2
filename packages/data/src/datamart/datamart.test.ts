import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSql, openDatamart, queryModel, sqlString } from './datamart.ts';

test('loadSql: literals are quoted, numbers written, identifiers checked, missing values refused', () => {
  assert.equal(sqlString("o'brien.csv"), "'o''brien.csv'");
  const sql = loadSql('stg_spend', { path: "it's.csv", impressions: 'impressions', clicks: 'NULL', geo: 'NULL', product: 'NULL', drop_rows: '' });
  assert.ok(sql.includes("read_csv('it''s.csv'"));
  assert.ok(sql.includes('mixwise_number(nullif(exposure_text(impressions), \'\'))'));
  assert.ok(sql.includes('mixwise_number(nullif(exposure_text(NULL), \'\'))'));
  assert.throws(() => loadSql('stg_spend', { path: 'a.csv', impressions: 'x; DROP TABLE t', clicks: 'NULL', geo: 'NULL', product: 'NULL', drop_rows: '' }), /must be an identifier/);
  assert.throws(() => loadSql('stg_spend', { path: 'a.csv' }), /no value for \{\{(@impressions|drop_rows)\}\}/);
  assert.throws(() => loadSql('int_calendar', { step_days: Number.NaN, week_start: 1 }), /not finite/);
});

test('openDatamart: an in-memory DuckDB instance answers a model query', async () => {
  const dm = await openDatamart();
  try {
    await dm.connection.run('CREATE TABLE t (a INTEGER, b VARCHAR)');
    assert.deepEqual((await queryModel(dm, 'table_columns', { table: 't' })).map((r) => r.column_name), ['a', 'b']);
  } finally {
    dm.close();
  }
});

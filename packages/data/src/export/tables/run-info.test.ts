import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel } from '@mixwise/engine';
import { fittedFixture } from '../fitted-fixture.ts';
import { runInfoTable, withRunId } from './run-info.ts';
import { EXPORT_SCHEMA_VERSION } from '../run-id.ts';
import { exportTable } from '../export-table.ts';

let model: MmmModel;
before(async () => {
  model = (await fittedFixture()).model;
});

test('run_info: one row naming the KPI, its kind, the window, the method and seed, the schema and mixwise versions', () => {
  const t = runInfoTable(model);
  assert.equal(t.rows.length, 1);
  const row = Object.fromEntries(t.columns.map((c, j) => [c.name, t.rows[0][j]]));
  assert.deepEqual(row, {
    target: 'revenue', kpi_kind: 'revenue', frequency: 'weekly', window_start: model.dates[0], window_end: model.dates[155], periods: 156, holdout: 13,
    method: 'ridge', seed: 1, source_file: null, source_sha256: null, model_schema_version: model.schemaVersion, schema_version: EXPORT_SCHEMA_VERSION,
    mixwise_version: '0.1.0', currency: null,
  });
  // The currency given to fit --currency, for BI tools that label the (plain) amounts.
  const euros = runInfoTable({ ...model, money: { currency: 'EUR', locale: 'de-DE' } });
  assert.equal(euros.rows[0][euros.columns.findIndex((c) => c.name === 'currency')], 'EUR');
  const counted = runInfoTable({ ...model, target: { name: 'orders', kind: 'count' }, spec: { ...model.spec, method: 'bayes' } });
  assert.deepEqual(counted.rows[0].slice(0, 2), ['orders', 'count']);
  assert.equal(counted.rows[0][7], 'bayes');
});

test('withRunId appends run_id to every row, once', () => {
  const t = exportTable('t', [{ name: 'x', type: 'real' }], [[1], [2]]);
  const once = withRunId(t, 'abc');
  assert.deepEqual(once.columns.map((c) => c.name), ['x', 'run_id']);
  assert.deepEqual(once.rows, [[1, 'abc'], [2, 'abc']]);
  assert.equal(withRunId(once, 'def'), once);
});

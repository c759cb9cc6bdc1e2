import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataError, type Issue } from '../issue.ts';
import { parseCsvText } from '../read/read-csv.ts';
import { baseCells, toText } from '../../test/make-csv.ts';
import type { TableRoles } from './resolve-roles.ts';
import { tableFromCsv } from './table-from-csv.ts';

/** baseCells with the price and promo columns renamed. */
function errors(price: string, promo: string, roles: TableRoles): Issue[] {
  const cells = baseCells(30);
  cells[0] = ['date', 'sales', 'tv_spend', 'search_spend', price, promo];
  try {
    tableFromCsv(parseCsvText(toText(cells), 'data.csv'), roles);
  } catch (err) {
    assert.ok(err instanceof DataError, String(err));
    return err.issues.filter((i) => i.severity === 'error');
  }
  return [];
}

test('a control named like a channel is a NAME_CONFLICT before fitting (decomposition.csv would repeat the name)', () => {
  const got = errors('Search', 'promo', { target: 'sales', controls: ['Search'], events: ['promo'] });
  assert.deepEqual(got.map((i) => [i.code, i.at.column]), [['NAME_CONFLICT', 'Search']]);
  assert.match(got[0].message, /control "Search" has the same name as the channel "search" \(column search_spend\)/);
  assert.match(got[0].hint, /rename the column "Search"/);
});

test('events and controls with a reserved output or model-term name are RESERVED_NAME errors', () => {
  const got = errors('trend', 'holdout', { target: 'sales', controls: ['trend'], events: ['holdout'] });
  assert.deepEqual(got.map((i) => [i.code, i.at.column]), [['RESERVED_NAME', 'trend'], ['RESERVED_NAME', 'holdout']]);
  for (const name of ['actual', 'fitted', 'date_x', 'intercept', 'sin1', 'cos2', 'dow_mon']) {
    const codes = errors('price', name, { target: 'sales', controls: ['price'], events: [name] }).map((i) => i.code);
    assert.deepEqual(codes, name === 'date_x' ? [] : ['RESERVED_NAME'], name);
  }
});

test('a channel named like a model term (trend_spend) gets a rename that keeps it a channel, not trend_spend_x (a control)', () => {
  const cells = baseCells(30);
  cells[0] = ['date', 'sales', 'trend_spend', 'search_spend', 'price', 'promo'];
  const csv = parseCsvText(toText(cells), 'data.csv');
  assert.throws(() => tableFromCsv(csv, { target: 'sales' }), (err: unknown) => {
    assert.ok(err instanceof DataError);
    const reserved = err.issues.find((i) => i.code === 'RESERVED_NAME');
    assert.match(reserved?.hint ?? '', /keeping its "spend" marker so it stays a channel, e\.g\. to "trend_media_spend"/);
    return true;
  });
  cells[0][2] = 'trend_media_spend';
  const fixed = tableFromCsv(parseCsvText(toText(cells), 'data.csv'), { target: 'sales' });
  assert.deepEqual(fixed.table.channels.map((c) => c.name), ['trend_media', 'search']);
  // The old advice: the spend column with "_x" is not a channel, and not silently a control either.
  cells[0][2] = 'trend_spend_x';
  const old = tableFromCsv(parseCsvText(toText(cells), 'data.csv'), { target: 'sales' });
  assert.ok(!old.roles.controls.includes('trend_spend_x'));
  assert.match(old.warnings.find((i) => i.code === 'UNUSED_COLUMNS')?.message ?? '', /trend_spend_x \("spend" is a word of its name/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../read/read-csv.ts';
import { tableFromCsv } from './table-from-csv.ts';
import { baseCells, toText } from '../../test/make-csv.ts';

/** The base table with Meridian-style `tv_impression` (singular) beside tv_spend; search has none. */
function withImpressions(n = 30): string[][] {
  return baseCells(n).map((r, i) => [...r, i === 0 ? 'tv_impression' : String(1000 * (i + 3))]);
}

const ROLES = { target: 'sales', controls: ['price'], events: ['promo'] };

test('pairExposure: each channel gets the exposure column named for it, as init pairs them; the others none', () => {
  const { table, warnings } = tableFromCsv(parseCsvText(toText(withImpressions()), 'data.csv'), ROLES, { pairExposure: true });
  const [tv, search] = table.channels;
  assert.equal(tv.exposureColumn, 'tv_impression');
  assert.deepEqual(Array.from(tv.exposure ?? []).slice(0, 2), [4000, 5000]);
  assert.equal(search.exposure, undefined);
  // The paired column is modelled, so it is not listed as unused.
  assert.ok(!warnings.some((w) => w.code === 'UNUSED_COLUMNS' && w.message.includes('tv_impression')), JSON.stringify(warnings));
});

test('without pairExposure the column is left out, and a column already given a role is never paired', () => {
  const csv = parseCsvText(toText(withImpressions()), 'data.csv');
  assert.equal(tableFromCsv(csv, ROLES).table.channels[0].exposure, undefined);
  const asControl = tableFromCsv(csv, { ...ROLES, controls: ['price', 'tv_impression'] }, { pairExposure: true });
  assert.equal(asControl.table.channels[0].exposure, undefined);
});

test('an empty exposure cell is worded as exposure (not spend), and the paired column is not listed as unused', () => {
  const cells = withImpressions();
  cells[5][cells[5].length - 1] = '';
  let err: unknown;
  try { tableFromCsv(parseCsvText(toText(cells), 'data.csv'), ROLES, { pairExposure: true }); } catch (e) { err = e; }
  const issues = (err as { issues: { code: string; message: string; hint: string }[] }).issues;
  const empty = issues.find((i) => i.code === 'EMPTY_CELL');
  assert.match(empty?.message ?? '', /the exposure value is empty/);
  assert.match(empty?.hint ?? '', /write 0 for periods with no exposure, or use --clean fill_gaps/);
  assert.ok(!issues.some((i) => i.code === 'UNUSED_COLUMNS' && i.message.includes('tv_impression')), JSON.stringify(issues));
});

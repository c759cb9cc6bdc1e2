import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { located, ruleCase } from '../../../test/rule-case.ts';
import { unsortedDates } from './unsorted-dates.ts';

test('unsortedDates: two swapped rows give one error on the row that goes back', () => {
  const cells = baseCells();
  [cells[7], cells[8]] = [cells[8], cells[7]];
  const { csv, roles } = ruleCase(cells);
  const issues = unsortedDates(csv, roles);
  assert.deepEqual(located(issues), [['UNSORTED_DATES', 9, 'date']]);
  assert.equal(issues[0].message, 'dates are not in increasing order: 2024-02-12 comes after 2024-02-19 (row 8)');
});

test('unsortedDates: silent on increasing dates', () => {
  const { csv, roles } = ruleCase(baseCells());
  assert.deepEqual(unsortedDates(csv, roles), []);
});

/** Cells of a geo panel, 16 weeks × north/south from 2024-01-01, sorted by geo and then by date (north on file lines 2–17, south on 18–33). */
function sortedByGeo(): string[][] {
  const cells = [['date', 'geo', 'tv_spend', 'sales']];
  for (const [k, g] of ['north', 'south'].entries()) {
    for (let w = 0; w < 16; w++) cells.push([new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10), g, String(10 + w + k), String(100 + 3 * w + k)]);
  }
  return cells;
}

test('unsortedDates: a panel sorted by geo and then by date is in order (each geo\'s dates increase)', () => {
  const { csv, roles } = ruleCase(sortedByGeo(), { target: 'sales' });
  assert.deepEqual(unsortedDates(csv, roles), []);
});

test('unsortedDates: a panel sorted by geo keeps the error when a geo\'s own dates go back', () => {
  const cells = sortedByGeo();
  [cells[20], cells[21]] = [cells[21], cells[20]]; // south, weeks 3 and 4 swapped (lines 21, 22)
  const { csv, roles } = ruleCase(cells, { target: 'sales' });
  assert.deepEqual(unsortedDates(csv, roles).map((i) => i.code), ['UNSORTED_DATES']);
});

test('unsortedDates: a row of a panel sorted by geo pasted again at the end is a repeat (DUPLICATE_PANEL_ROW), not a date out of order', () => {
  const cells = sortedByGeo();
  cells.push([...cells[5]]);
  const { csv, roles } = ruleCase(cells, { target: 'sales' });
  assert.deepEqual(unsortedDates(csv, roles), []);
});

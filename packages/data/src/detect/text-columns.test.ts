import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../read/read-csv.ts';
import { describeTextColumn, unusedTextColumns } from './text-columns.ts';

/** A weekly file with the given extra columns, each a function of the row index. */
function file(columns: Record<string, (i: number) => string>, n = 20) {
  const names = Object.keys(columns);
  const rows = Array.from({ length: n }, (_, i) => [
    new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10), String(1000 + i), String(100 + i),
    ...names.map((c) => columns[c](i)),
  ].join(','));
  return parseCsvText(['date,revenue,tv_spend,' + names.join(','), ...rows].join('\n'), 'f.csv');
}

test('unused text columns: a few values beside a "no event" marker read as events; free text, dates and numbers do not', () => {
  const csv = file({
    events: (i) => (i === 3 ? 'event1' : i === 9 ? 'event2' : 'na'),
    promo: (i) => (i % 5 === 0 ? 'spring sale' : ''),
    note: (i) => `week ${i}`,
    region: () => 'north',
    launch: (i) => (i === 2 ? '2024-01-15' : ''),
    price: (i) => String(10 + i),
    price_typo: (i) => (i === 4 ? 'abc' : String(10 + i)),
  });
  const got = unusedTextColumns(csv, new Set(['date', 'revenue', 'tv_spend']));
  assert.deepEqual(got.map((t) => [t.column, t.events, t.dates]), [
    ['events', true, false], ['promo', true, false], ['note', false, false], ['region', false, false], ['launch', false, true],
  ]);
  assert.equal(describeTextColumn(got[0]), 'events (values: na, event1, event2)');
  assert.equal(describeTextColumn(got[2]), 'note (values: week 0, week 1, week 2, week 3, week 4, … (20 values))');
  assert.equal(describeTextColumn(got[4]), 'launch (dates)');
});

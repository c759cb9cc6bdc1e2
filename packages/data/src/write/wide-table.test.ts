import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelingTable } from '@mixwise/engine';
import { wideTable } from './wide-table.ts';
import { toCsv } from './write-csv.ts';
import { parseCsvText } from '../read/read-csv.ts';
import { tableFromCsv } from '../build/table-from-csv.ts';
import { isoFromDays } from '../read/date.ts';

function sampleTable(n: number): ModelingTable {
  const series = (f: (t: number) => number) => Float64Array.from({ length: n }, (_, t) => f(t));
  return {
    dates: Array.from({ length: n }, (_, t) => isoFromDays(19723 + 7 * t)),
    frequency: 'weekly',
    target: { name: 'revenue', kind: 'revenue', values: series((t) => 1000 + 0.1 * t * t) },
    channels: [
      { name: 'tv', column: 'tv_spend', spend: series((t) => (t % 3) * 100.25) },
      { name: 'search', column: 'search_spend', spend: series((t) => 1 / (t + 3)), exposure: series((t) => 10 * t) },
    ],
    controls: [{ name: 'price', values: series((t) => 49.9 + (t % 2) / 3), sign: 'negative' }],
    events: [{ name: 'black_friday', values: series((t) => (t === 5 ? 1 : 0)) }],
  };
}

test('layout: date, target, <channel>_spend (+ _exposure), controls, events, extras', () => {
  const { columns, rows } = wideTable(sampleTable(3), [{ name: 'pipeline', values: [1, 2, 3] }]);
  assert.deepEqual(columns, ['date', 'revenue', 'tv_spend', 'search_spend', 'search_exposure', 'price', 'black_friday', 'pipeline']);
  assert.deepEqual(rows[1], ['2024-01-08', 1000.1, 100.25, 0.25, 10, 49.9 + 1 / 3, 0, 2]);
});

test('round trip: wide CSV read back with the same roles gives the same table, bit for bit', () => {
  const table = sampleTable(30);
  const { columns, rows } = wideTable(table);
  const csv = parseCsvText(toCsv(columns, rows), 'data.csv');
  const back = tableFromCsv(csv, { target: 'revenue', controls: ['price'], events: ['black_friday'], controlSigns: { price: 'negative' } }).table;
  assert.deepEqual(back.dates, table.dates);
  assert.deepEqual(back.target, table.target);
  assert.deepEqual(back.channels.map((c) => [c.name, c.column, c.spend]), table.channels.map((c) => [c.name, c.column, c.spend]));
  assert.deepEqual(back.controls, table.controls);
  assert.deepEqual(back.events, table.events);
  assert.equal(back.frequency, 'weekly');
});

test('rejects a wrong-length extra column and duplicate names', () => {
  assert.throws(() => wideTable(sampleTable(3), [{ name: 'x', values: [1] }]), RangeError);
  assert.throws(() => wideTable(sampleTable(3), [{ name: 'price', values: [1, 2, 3] }]), /two columns are named "price"/);
});

test('organic media are written under their column after the events, and read back with roles.organic', () => {
  const base = sampleTable(30);
  const sends = Float64Array.from({ length: 30 }, (_, t) => 100 * (t % 4));
  const table: ModelingTable = { ...base, organic: [{ name: 'newsletter', column: 'newsletter', values: sends }] };
  const { columns, rows } = wideTable(table);
  assert.deepEqual(columns.slice(-2), ['black_friday', 'newsletter']);
  const back = tableFromCsv(parseCsvText(toCsv(columns, rows), 'm.csv'), { target: 'revenue', controls: ['price'], events: ['black_friday'], organic: ['newsletter'] }).table;
  assert.deepEqual(back.organic?.map((o) => [o.name, Array.from(o.values)]), [['newsletter', Array.from(sends)]]);
});

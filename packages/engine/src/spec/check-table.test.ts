import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFittedRows, checkTable } from './check-table.ts';
import { EngineError } from '../errors.ts';
import { fitMmm } from '../fit/fit-mmm.ts';
import type { ModelingTable } from './modeling-table.ts';
import { defaultModelSpec } from './model-spec.ts';

const N = 12;
function table(): ModelingTable {
  const dates = Array.from({ length: N }, (_, i) => new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10));
  return {
    dates, frequency: 'weekly',
    target: { name: 'revenue', kind: 'revenue', values: Float64Array.from(dates, (_, i) => 100 + i) },
    channels: [
      { name: 'tv', column: 'tv_spend', spend: Float64Array.from(dates, (_, i) => (i % 3) * 10) },
      { name: 'search', column: 'search_spend', spend: Float64Array.from(dates, (_, i) => 5 + (i % 2)) },
    ],
    controls: [{ name: 'price', values: new Float64Array(N).fill(1), sign: 'negative' }], events: [],
  };
}

/** The EngineError a call throws (fails the test when it throws nothing or something else). */
function caught(f: () => unknown): EngineError {
  try { f(); } catch (e) { if (e instanceof EngineError) return e; throw e; }
  assert.fail('expected an EngineError');
}

test('checkTable accepts a good table, NaN KPI (a missing period) and plain number arrays', () => {
  checkTable(table());
  const t = table();
  (t.target.values as Float64Array)[0] = NaN;
  checkTable(t);
  checkTable({ ...t, target: { ...t.target, values: Array.from(t.target.values) as unknown as Float64Array } });
});

test('checkTable names the series, row and date of a bad cell', () => {
  const cell = (f: (t: ModelingTable) => void) => { const t = table(); f(t); return caught(() => checkTable(t)); };
  const nan = cell((t) => { (t.channels[1].spend as Float64Array)[3] = NaN; });
  assert.equal(nan.code, 'NON_FINITE');
  assert.deepEqual(nan.at, { series: 'search', row: 3, date: '2024-01-22' });
  assert.match(nan.message, /spend of channel "search" is NaN in row 3 \(2024-01-22\)/);
  const neg = cell((t) => { (t.channels[0].spend as Float64Array)[2] = -5; });
  assert.equal(neg.code, 'INVALID_ARGUMENT');
  assert.match(neg.message, /channel "tv" is negative \(-5\) in row 2/);
  const inf = cell((t) => { (t.target.values as Float64Array)[5] = Infinity; });
  assert.equal(inf.code, 'NON_FINITE');
  assert.deepEqual(inf.at, { series: 'revenue', row: 5, date: '2024-02-05' });
  const control = cell((t) => { (t.controls[0].values as Float64Array)[0] = NaN; });
  assert.match(control.message, /control "price" is NaN in row 0/);
});

test('checkTable: lengths, dates, names, channels and frequency', () => {
  const t = table();
  const short = caught(() => checkTable({ ...t, target: { ...t.target, values: t.target.values.subarray(0, 10) } }));
  assert.equal(short.code, 'SHAPE_MISMATCH');
  assert.match(short.message, /target "revenue" has 10 values but the table has 12 dates/);
  const swapped = [...t.dates];
  [swapped[3], swapped[4]] = [swapped[4], swapped[3]];
  assert.match(caught(() => checkTable({ ...t, dates: swapped })).message, /not in increasing order/);
  const dup = [...t.dates];
  dup[4] = dup[3];
  const twice = caught(() => checkTable({ ...t, dates: dup }));
  assert.match(twice.message, /appears twice/);
  assert.equal(twice.at?.row, 4);
  const names = caught(() => checkTable({ ...t, channels: [t.channels[0], { ...t.channels[1], name: 'tv' }] }));
  assert.match(names.message, /two channels are named "tv"/);
  assert.equal(caught(() => checkTable({ ...t, channels: [] })).code, 'NO_CHANNELS');
  const monthly = caught(() => checkTable({ ...t, frequency: 'monthly' as 'weekly' }));
  assert.match(monthly.message, /unsupported frequency "monthly".*'weekly' or 'daily'/);
});

test('checkFittedRows: a constant KPI or a channel without spend variation over the fitted rows', () => {
  const t = table();
  checkFittedRows(t, { start: 0, end: N });
  const flat = { ...t, target: { ...t.target, values: new Float64Array(N).fill(0) } };
  assert.match(caught(() => checkFittedRows(flat, { start: 0, end: N })).message, /target "revenue" is 0 in every fitted period/);
  const idle = { ...t, channels: [t.channels[0], { ...t.channels[1], spend: new Float64Array(N) }] };
  const e = caught(() => checkFittedRows(idle, { start: 0, end: N }));
  assert.match(e.message, /channel "search" spends the same amount \(0\) in every fitted period/);
  assert.equal(e.at?.series, 'search');
  // Varying only in warm-up rows before the window is still no variation in the fit.
  assert.throws(() => checkFittedRows({ ...t, channels: [{ ...t.channels[0], spend: Float64Array.from(t.channels[0].spend, (v, i) => (i < 4 ? v : 7)) }] }, { start: 4, end: N }), /spends the same amount \(7\)/);
});

test('checkFittedRows: a channel on exposure must vary in exposure, not spend (a fixed fee buying varying impressions is fine)', () => {
  const t = table();
  const fee = { ...t.channels[1], spend: new Float64Array(N).fill(20000), exposure: Float64Array.from({ length: N }, (_, i) => 1e6 + 1000 * (i % 5)), exposureColumn: 'search_impressions' };
  const fixed = { ...t, channels: [t.channels[0], fee] };
  checkFittedRows(fixed, { start: 0, end: N }, ['search']);
  assert.match(caught(() => checkFittedRows(fixed, { start: 0, end: N })).message, /spends the same amount \(20000\)/);
  const still = { ...t, channels: [t.channels[0], { ...t.channels[1], exposure: new Float64Array(N).fill(5e5), exposureColumn: 'search_impressions' }] };
  const e = caught(() => checkFittedRows(still, { start: 0, end: N }, ['search']));
  assert.match(e.message, /channel "search" has the same exposure \(500000 in search_impressions\) in every fitted period .*modelled on exposure/);
  assert.equal(e.at?.series, 'search');
});

test('fitMmm fits a fixed-fee channel on its exposure, and refuses it on spend', async () => {
  const t = table();
  const fee = { ...t.channels[1], spend: new Float64Array(N).fill(20000), exposure: Float64Array.from({ length: N }, (_, i) => 1e6 + 1000 * (i % 5)), exposureColumn: 'search_impressions' };
  const fixed = { ...t, channels: [t.channels[0], fee] };
  const channels = defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: ['tv', 'search'] }).channels.map((c) => ({ ...c, media: c.name === 'search' ? 'exposure' as const : 'spend' as const }));
  const fast = { search: { iterations: 50, trials: 1, bootstrap: 0, posterior: 0 } };
  const model = await fitMmm(fixed, { ...fast, channels });
  assert.equal(model.channels[1].media?.column, 'search_impressions');
  await assert.rejects(fitMmm(fixed, fast), /channel "search" spends the same amount \(20000\)/);
});

test('fitMmm reports the bad cell, not "the starting point has zero density"', async () => {
  const t = table();
  (t.channels[1].spend as Float64Array)[3] = NaN;
  await assert.rejects(fitMmm(t, { search: { iterations: 10, trials: 1, bootstrap: 0, posterior: 0 } }), (e: unknown) => e instanceof EngineError && e.code === 'NON_FINITE' && /"search"/.test(e.message));
  const flat = { ...table(), target: { ...table().target, values: new Float64Array(N).fill(1000) } };
  await assert.rejects(fitMmm(flat, { search: { iterations: 10 } }), /target "revenue" is 1000 in every fitted period/);
});

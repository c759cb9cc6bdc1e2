import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayNumber } from '../../calendar/dates.ts';
import { toCents } from '../round-cents.ts';
import { presetNames, simulatePreset } from './index.ts';

function steps(dates: readonly string[]): number[] {
  return dates.slice(1).map((d, i) => dayNumber(d) - dayNumber(dates[i]));
}

test('presetNames lists the presets; an unknown name throws listing them', () => {
  assert.deepEqual([...presetNames], ['retail', 'b2b', 'ecommerce', 'geo']);
  assert.throws(() => simulatePreset('nope', 1), (e: Error & { code?: string }) =>
    e.code === 'INVALID_ARGUMENT' && e.message.includes('retail, b2b, ecommerce, geo'));
});

test('retail: 156 Monday weeks from 2022-01-03, ROIs differ by ≥ 2×, realistic media weight', () => {
  for (const seed of [1, 2, 3]) {
    const { table, truth } = simulatePreset('retail', seed);
    assert.equal(table.dates.length, 156);
    assert.equal(table.dates[0], '2022-01-03');
    assert.ok(steps(table.dates).every((s) => s === 7));
    const rois = truth.channels.map((c) => c.roi);
    assert.ok(Math.max(...rois) / Math.min(...rois) >= 2, `ROI spread ${rois.join(', ')}`);
    const spend = truth.channels.reduce((a, c) => a + c.spend, 0);
    const ratio = spend / (truth.kpiMean * truth.nTimes);
    assert.ok(ratio > 0.05 && ratio < 0.15, `media / revenue ${ratio}`);
    for (const c of truth.channels) {
      const weekly = c.spend / truth.nTimes;
      assert.ok(weekly >= 5_000 && weekly <= 200_000, `${c.name} ${weekly}`);
    }
    assert.deepEqual(table.events.map((e) => e.name), ['black_friday', 'christmas', 'easter']);
    assert.deepEqual(table.controls.map((c) => [c.name, c.sign]), [['price', 'negative'], ['promo', 'positive']]);
    assert.ok(truth.controls[0].coefficient < 0 && truth.controls[1].coefficient > 0);
    // Three Black Fridays and three Easters in 2022–2024.
    assert.equal(table.events[0].values.reduce((a, b) => a + b), 3);
    assert.equal(table.events[2].values.reduce((a, b) => a + b), 3);
  }
});

test('b2b: the geo × product long table reconciles with the national series to the cent', () => {
  const r = simulatePreset('b2b', 2);
  const long = r.long;
  assert.ok(long !== undefined);
  const channelCols = r.table.channels.map((c) => c.column);
  assert.deepEqual(long.columns, ['date', 'geo', 'product', ...channelCols, 'pipeline', 'revenue', 'market_index', 'thanksgiving', 'christmas', 'year_end']);
  // Controls and events are the national values, repeated on every row of their date.
  const nationalByName = new Map<string, Float64Array>([...r.table.controls.map((c) => [c.name, c.values] as const), ...r.table.events.map((e) => [e.name, e.values] as const)]);
  for (const name of ['market_index', 'thanksgiving', 'christmas', 'year_end']) {
    const j = long.columns.indexOf(name);
    long.rows.forEach((row, i) => assert.equal(row[j], nationalByName.get(name)?.[Math.floor(i / 16)], `${name} row ${i}`));
  }
  assert.equal(long.rows.length, 208 * 16);
  const pipeline = r.extraColumns?.find((x) => x.name === 'pipeline')?.values;
  assert.ok(pipeline !== undefined);
  const national: Float64Array[] = [...r.table.channels.map((c) => c.spend), pipeline, r.table.target.values];
  const totals = new Map<string, number[]>();
  for (const row of long.rows) {
    const acc = totals.get(row[0] as string) ?? new Array<number>(national.length).fill(0);
    for (let j = 0; j < national.length; j++) acc[j] += toCents(row[3 + j] as number);
    totals.set(row[0] as string, acc);
  }
  r.table.dates.forEach((d, t) => {
    const acc = totals.get(d);
    assert.ok(acc !== undefined, d);
    national.forEach((x, j) => assert.equal(acc[j], toCents(x[t]), `${d} ${long.columns[3 + j]}`));
  });
  const geos = new Set(long.rows.map((row) => row[1]));
  const products = new Set(long.rows.map((row) => row[2]));
  assert.deepEqual([...geos], ['NA', 'EMEA', 'APAC', 'LATAM']);
  assert.equal(products.size, 4);
  // Long Weibull-PDF lags: almost none of the effect is immediate.
  assert.ok(r.truth.channels.every((c) => c.maxLag === 52 && c.immediateShare < 0.1));
});

test('ecommerce: consecutive days over 2023–2024 and integer orders', () => {
  const r = simulatePreset('ecommerce', 4);
  const { dates } = r.table;
  assert.equal(r.table.frequency, 'daily');
  assert.equal(dates.length, 731);
  assert.equal(dates[0], '2023-01-01');
  assert.equal(dates[730], '2024-12-31');
  assert.ok(steps(dates).every((s) => s === 1));
  const orders = r.extraColumns?.find((x) => x.name === 'orders')?.values;
  assert.ok(orders !== undefined && orders.every((v) => Number.isInteger(v) && v >= 0));
  // Average order value ≈ 62 (drifting by a few percent).
  const aov = r.table.target.values.reduce((a, b) => a + b) / orders.reduce((a, b) => a + b);
  assert.ok(aov > 55 && aov < 70, `aov ${aov}`);
  // Influencer spend comes in bursts: many zero days.
  const influencer = r.table.channels.find((c) => c.name === 'influencer');
  assert.ok(influencer !== undefined && influencer.spend.filter((v) => v === 0).length > 200);
});

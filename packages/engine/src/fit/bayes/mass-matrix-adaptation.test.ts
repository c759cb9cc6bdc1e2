import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createDiagonalMetricAdapter, createWelfordVariance, regularizeVariance, warmupSchedule, MIN_METRIC_WARMUP,
} from './mass-matrix-adaptation.ts';
import { EngineError } from '../../errors.ts';

const invalid = (e: unknown): boolean => e instanceof EngineError && e.code === 'INVALID_ARGUMENT';

test('Welford: mean and sample variance of known sequences, stable on a large offset', () => {
  const w = createWelfordVariance(2);
  for (const v of [1, 2, 3, 4, 5]) w.add([v, 1e9 + v]);
  assert.equal(w.count, 5);
  assert.deepEqual([...w.mean()], [3, 1e9 + 3]);
  // Σ(x − 3)²/4 = 10/4 in both coordinates; the one-pass Σx² − n·m² formula would lose every digit
  // on the 1e9 offset (x² ≈ 1e18, whose spacing is 128).
  assert.deepEqual([...w.variance()], [2.5, 2.5]);
  w.reset();
  assert.equal(w.count, 0);
  w.add([7, 7]);
  assert.deepEqual([...w.variance()], [0, 0]); // n < 2
  assert.throws(() => w.add([1]), invalid);
  assert.throws(() => createWelfordVariance(0), invalid);
});

test('regularised variance is (n/(n+5))·var + 1e-3·(5/(n+5))', () => {
  const out = regularizeVariance([4, 0], 20);
  assert.ok(Math.abs(out[0] - 3.2002) < 1e-15); // 0.8·4 + 1e-3·0.2
  assert.ok(Math.abs(out[1] - 0.0002) < 1e-18);
  const inPlace = Float64Array.of(1);
  regularizeVariance(inPlace, 5, inPlace);
  assert.ok(Math.abs(inPlace[0] - (0.5 + 0.0005)) < 1e-15);
  assert.throws(() => regularizeVariance([1], 0), invalid);
});

test('window schedule for warmup 1000: fast 75, slow 25/50/100/200/500, terminal 50', () => {
  const s = warmupSchedule(1000);
  assert.equal(s.adaptMetric, true);
  assert.equal(s.initialFast, 75);
  assert.deepEqual(s.slowWindows, [25, 50, 100, 200, 500]);
  assert.equal(s.terminalFast, 50);
  assert.deepEqual(s.windowEnds, [99, 149, 249, 449, 949]);
  assert.equal(s.initialFast + s.slowWindows.reduce((a, b) => a + b, 0) + s.terminalFast, 1000);
});

test('window schedules for other warmups: sums, doubling, last window absorbs the rest; < 150 adapts no metric', () => {
  assert.deepEqual(warmupSchedule(150).slowWindows, [25]);
  assert.deepEqual(warmupSchedule(2000).slowWindows, [25, 50, 100, 200, 400, 1100]);
  assert.deepEqual(warmupSchedule(300).slowWindows, [25, 50, 100]); // 100 + 50 + 100 = 250 still fits
  assert.deepEqual(warmupSchedule(320).slowWindows, [25, 50, 120]); // 150 + 100 + 200 > 270: stretch
  for (let warmup = MIN_METRIC_WARMUP; warmup <= 5000; warmup += 7) {
    const s = warmupSchedule(warmup);
    const slow = s.slowWindows;
    assert.equal(s.initialFast + slow.reduce((a, b) => a + b, 0) + s.terminalFast, warmup, `warmup ${warmup}`);
    for (let k = 1; k < slow.length - 1; k++) assert.equal(slow[k], 2 * slow[k - 1]);
    if (slow.length > 1) assert.ok(slow[slow.length - 1] >= 2 * slow[slow.length - 2], `warmup ${warmup}`);
    assert.equal(s.windowEnds[slow.length - 1], warmup - 51);
  }
  const short = warmupSchedule(149);
  assert.equal(short.adaptMetric, false);
  assert.equal(short.initialFast, 149);
  assert.deepEqual(short.slowWindows, []);
  assert.equal(warmupSchedule(0).initialFast, 0);
  assert.throws(() => warmupSchedule(-1), invalid);
  assert.throws(() => warmupSchedule(2.5), invalid);
});

test('the adapter updates the metric exactly at the window ends, each time from that window only', () => {
  const adapt = createDiagonalMetricAdapter(1, 200); // fast [0,75), slow [75,100) and [100,150), terminal [150,200)
  assert.deepEqual(adapt.schedule.slowWindows, [25, 50]);
  const invMass = Float64Array.of(1);
  const updates: number[] = [];
  const afterFirst: number[] = [];
  for (let it = 0; it < 200; it++) {
    // Fast windows see wild values; the slow windows see 0, 2, …, 48 and then 0, 1, …, 49.
    const x = it < 75 || it >= 150 ? 1e6 : it < 100 ? 2 * (it - 75) : it - 100;
    if (adapt.observe(it, [x], invMass)) {
      updates.push(it);
      if (updates.length === 1) afterFirst.push(invMass[0]);
    }
  }
  assert.deepEqual(updates, [99, 149]);
  // Sample variance of 0, 2, …, 48 is 4·25·26/12; regularised with n = 25.
  assert.ok(Math.abs(afterFirst[0] - ((25 / 30) * (4 * 25 * 26 / 12) + 1e-3 * (5 / 30))) < 1e-9, `${afterFirst[0]}`);
  // Sample variance of 0…49 is 50·51/12 = 212.5; regularised with n = 50.
  assert.ok(Math.abs(invMass[0] - ((50 / 55) * 212.5 + 1e-3 * (5 / 55))) < 1e-9, `${invMass[0]}`);
});

test('with warmup < 150 the adapter never touches the metric', () => {
  const adapt = createDiagonalMetricAdapter(2, 149);
  const invMass = Float64Array.of(3, 4);
  for (let it = 0; it < 149; it++) assert.equal(adapt.observe(it, [it, -it], invMass), false);
  assert.deepEqual([...invMass], [3, 4]);
});

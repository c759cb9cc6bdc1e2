import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../random/rng.ts';
import { flightSchedule } from './flight-schedule.ts';

/** Lengths of the maximal runs of on (f ≥ 0) and off (f < 0) periods, excluding the first and last run. */
function interiorRuns(f: Int32Array): { on: number[]; off: number[] } {
  const runs: { on: boolean; len: number }[] = [];
  for (let t = 0; t < f.length; t++) {
    const on = f[t] >= 0;
    const last = runs.at(-1);
    if (last !== undefined && last.on === on && (!on || f[t] === f[t - 1])) last.len++;
    else runs.push({ on, len: 1 });
  }
  const inner = runs.slice(1, -1);
  return { on: inner.filter((r) => r.on).map((r) => r.len), off: inner.filter((r) => !r.on).map((r) => r.len) };
}

test('interior flights and gaps have lengths inside their ranges', () => {
  for (let seed = 1; seed <= 20; seed++) {
    const f = flightSchedule(createRng(seed), 300, [2, 5], [1, 4]);
    const { on, off } = interiorRuns(f);
    assert.ok(on.length > 20);
    for (const l of on) assert.ok(l >= 2 && l <= 5, `flight ${l}`);
    for (const l of off) assert.ok(l >= 1 && l <= 4, `gap ${l}`);
  }
});

test('fixed lengths give a strict 3-on / 2-off rhythm with increasing flight numbers', () => {
  const f = flightSchedule(createRng(5), 60, [3, 3], [2, 2]);
  const { on, off } = interiorRuns(f);
  assert.ok(on.every((l) => l === 3) && off.every((l) => l === 2));
  const numbers = Array.from(f).filter((x) => x >= 0);
  for (let i = 1; i < numbers.length; i++) assert.ok(numbers[i] >= numbers[i - 1]);
});

test('at least one period is on, and bad ranges throw', () => {
  for (let seed = 1; seed <= 30; seed++) assert.ok(flightSchedule(createRng(seed), 3, [1, 1], [50, 60]).some((x) => x >= 0));
  assert.throws(() => flightSchedule(createRng(1), 10, [0, 2], [1, 2]), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => flightSchedule(createRng(1), 10, [2, 1], [1, 2]), { code: 'INVALID_ARGUMENT' });
});

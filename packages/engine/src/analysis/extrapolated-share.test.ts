import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extrapolatedShare } from './extrapolated-share.ts';

const hill = { type: 'hill' as const, halfSaturation: 1, shape: 1 };
const noCarry = { adstock: { type: 'geometric' as const, alpha: 0 }, maxLag: 0, saturation: hill, scale: 100, coef: 7 };

test('spend alternating between 100 and 300, no carryover, Hill K=1 s=1: share = 2 f(1) / (f(1) + f(3)) = 0.8', () => {
  const spend = Array.from({ length: 20 }, (_, t) => (t % 2 === 0 ? 100 : 300));
  const r = extrapolatedShare({ ...noCarry, spend }, 0, 20);
  assert.ok(r);
  assert.ok(Math.abs(r.share - 0.8) < 1e-12, String(r.share));
  assert.equal(r.low, 100);
  assert.equal(r.meanSpend, 200);
});

test('constant spend: all of the contribution is at the one level seen (share 1); periods at zero spend anchor it (share 0)', () => {
  const flat = extrapolatedShare({ ...noCarry, spend: new Array(30).fill(250) }, 0, 30);
  assert.ok(flat && Math.abs(flat.share - 1) < 1e-12);
  const dark = extrapolatedShare({ ...noCarry, spend: Array.from({ length: 30 }, (_, t) => (t % 2 === 0 ? 0 : 250)) }, 0, 30);
  assert.ok(dark && dark.share === 0 && dark.low === 0);
});

test('carryover raises the lowest level: geometric α = 0.5 over 100/300 alternation, by hand', () => {
  // maxLag 1, weights (1, 0.5)/1.5: A_t = (2 x_t + x_{t−1}) / 3 ∈ {500/3 (x_t = 100), 700/3}. Rows 1..19 (row 0 has no past).
  const spend = Array.from({ length: 20 }, (_, t) => (t % 2 === 0 ? 100 : 300));
  const ch = { ...noCarry, adstock: { type: 'geometric' as const, alpha: 0.5 }, maxLag: 1, spend };
  const r = extrapolatedShare(ch, 1, 20);
  assert.ok(r);
  const f = (x: number) => x / (1 + x);
  const lo = 500 / 300, hi = 700 / 300;
  // Rows 1..19: ten at the high level (odd t), nine at the low one.
  const expected = (19 * f(lo)) / (9 * f(lo) + 10 * f(hi));
  assert.ok(Math.abs(r.low - 500 / 3) < 1e-9);
  assert.ok(Math.abs(r.share - expected) < 1e-12, `${r.share} vs ${expected}`);
});

test('a sparse channel (a few bursts) or no contribution: null', () => {
  const bursts = Array.from({ length: 100 }, (_, t) => (t === 10 || t === 50 ? 1000 : 0));
  assert.equal(extrapolatedShare({ ...noCarry, spend: bursts }, 0, 100), null);
  assert.equal(extrapolatedShare({ ...noCarry, coef: 0, spend: new Array(30).fill(250) }, 0, 30), null);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shapiroWilk } from './shapiro-wilk.ts';
import { AR200, LOGNORM25, NORMAL200, SKEWED60, SMALL, close, normals } from '../../test/reference-data.ts';

test('shapiroWilk matches scipy.stats.shapiro on the fixed datasets', () => {
  // scipy.stats.shapiro(x) → (statistic, pvalue), scipy 1.17 (same Royston AS R94 algorithm)
  const ref: [string, number[], number, number][] = [
    ['SMALL', SMALL, 0.8961388190448037, 0.19861401769105946],
    ['NORMAL200', NORMAL200, 0.9923145821954583, 0.37650707191182936],
    ['SKEWED60', SKEWED60, 0.8958317103803335, 9.303476534157708e-5],
    ['LOGNORM25', LOGNORM25, 0.900744614386172, 0.01904475173008218],
    ['AR200', AR200, 0.9930621145669913, 0.46842619998677043],
  ];
  for (const [name, x, w, p] of ref) {
    const r = shapiroWilk(x);
    close(r.statistic, w, 1e-6, `${name} W`);
    assert.ok(Math.abs(r.pValue - p) < 1e-4, `${name} p: ${r.pValue} vs ${p}`);
  }
});

test('shapiroWilk across the small-sample branches (n = 3 … 12)', () => {
  // x = normals(31 + n, n)·2 + 10; scipy.stats.shapiro(x)
  const ref: [number, number, number][] = [
    [3, 0.769986668236335, 0.044697062717105274], [4, 0.9661381652792156, 0.8174427496806024],
    [5, 0.8183753842980105, 0.1134379617138161], [6, 0.9284692314782854, 0.5683334489588864],
    [7, 0.9762746659270073, 0.9395808001014131], [11, 0.923297345020891, 0.3470667301257528],
    [12, 0.901719125092684, 0.1669318445083665],
  ];
  for (const [n, w, p] of ref) {
    const r = shapiroWilk(normals(31 + n, n).map((z) => z * 2 + 10));
    close(r.statistic, w, 1e-6, `n = ${n} W`);
    assert.ok(Math.abs(r.pValue - p) < 1e-4, `n = ${n} p: ${r.pValue} vs ${p}`);
  }
});

test('shapiroWilk at large n (1000 and the 5000 limit), normal and log-normal', () => {
  // x = normals(5 + n, n); scipy.stats.shapiro(x) and scipy.stats.shapiro(numpy.exp(x))
  const ref: [number, number, number, number, number][] = [
    [1000, 0.9982978853148956, 0.4302836703146616, 0.48925692462429315, 1.0764246609409064e-46],
    [5000, 0.9996790184252994, 0.6429245352715449, 0.6291475968240353, 8.033655070287218e-74],
  ];
  for (const [n, w, p, wExp, pExp] of ref) {
    const x = normals(5 + n, n);
    const r = shapiroWilk(x);
    close(r.statistic, w, 1e-6, `n = ${n} W`);
    assert.ok(Math.abs(r.pValue - p) < 1e-4, `n = ${n} p: ${r.pValue} vs ${p}`);
    const e = shapiroWilk(x.map(Math.exp));
    close(e.statistic, wExp, 1e-6, `n = ${n} log-normal W`);
    close(e.pValue, pExp, 1e-4, `n = ${n} log-normal p`);
  }
});

test('shapiroWilk is location/scale invariant and order free; doc example', () => {
  const a = shapiroWilk(SKEWED60);
  const b = shapiroWilk(SKEWED60.map((v) => 1000 - 3 * v).reverse());
  close(b.statistic, a.statistic, 1e-12, 'W invariance');
  // scipy.stats.shapiro([1, 2, 3.5, 4, 7, 8.2, 9, 15])
  const d = shapiroWilk([1, 2, 3.5, 4, 7, 8.2, 9, 15]);
  close(d.statistic, 0.9293517423492776, 1e-6, 'doc W');
  assert.ok(Math.abs(d.pValue - 0.510193566903978) < 1e-4);
  // n = 3 with equally spaced values has W = 1 and p = 1
  const e = shapiroWilk([1, 2, 3]);
  close(e.statistic, 1, 1e-12, 'W');
  close(e.pValue, 1, 1e-9, 'p');
});

test('shapiroWilk rejects tiny, constant and non-finite samples', () => {
  assert.throws(() => shapiroWilk([1, 2]), /at least 3/);
  assert.throws(() => shapiroWilk([5, 5, 5, 5]), /zero range/);
  assert.throws(() => shapiroWilk([1, 2, NaN]), /NaN/);
});

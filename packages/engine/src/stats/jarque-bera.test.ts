import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jarqueBera } from './jarque-bera.ts';
import { AR200, LOGNORM25, NORMAL200, SKEWED60, SMALL, close } from '../../test/reference-data.ts';

test('the generated data match the python datasets', () => {
  // numpy: NORMAL200[:3], SKEWED60[:3], AR200[:3]
  close(NORMAL200[0], -0.24467609, 1e-7, 'NORMAL200[0]');
  close(SKEWED60[0], 4.047536, 1e-6, 'SKEWED60[0]');
  close(AR200[1], 1.42056693, 1e-7, 'AR200[1]');
});

test('jarqueBera matches scipy.stats.jarque_bera', () => {
  // scipy.stats.jarque_bera(x) → (statistic, pvalue)
  const ref: [string, number[], number, number][] = [
    ['SMALL', SMALL, 2.2155666378741286, 0.3302902984547223],
    ['NORMAL200', NORMAL200, 0.928174165441352, 0.6287088024101272],
    ['SKEWED60', SKEWED60, 10.034734608066449, 0.006621937328522155],
    ['LOGNORM25', LOGNORM25, 9.195586614035914, 0.010074041551716316],
    ['AR200', AR200, 2.9996994056779287, 0.22316369849833784],
  ];
  for (const [name, x, stat, p] of ref) {
    const r = jarqueBera(x);
    close(r.statistic, stat, 1e-9, `${name} statistic`);
    close(r.pValue, p, 1e-9, `${name} p`);
  }
});

test('jarqueBera by hand and invalid input', () => {
  const r = jarqueBera([1, 2, 3, 4]);
  assert.equal(r.skewness, 0);
  close(r.excessKurtosis, -1.36, 1e-14, 'kurtosis');
  close(r.statistic, (4 / 6) * (1.36 * 1.36 / 4), 1e-14, 'JB');
  assert.throws(() => jarqueBera([2, 2, 2]), /constant/);
  assert.throws(() => jarqueBera([1]), /at least 2/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { durbinWatson } from './durbin-watson.ts';
import { AR200, NORMAL200, SKEWED60, SMALL, close, normals } from '../../test/reference-data.ts';
import { normalCdf } from './normal-cdf.ts';

test('durbinWatson matches the textbook formula computed with numpy', () => {
  // d = sum(diff(e)**2) / sum(e**2); z = sqrt(n)(d − 2)/2; p = 2·scipy.stats.norm.cdf(−|z|)
  const ref: [string, number[], number, number][] = [
    ['SMALL', SMALL, 0.11053984575835478, 0.002812703826555524],
    ['NORMAL200', NORMAL200, 2.095252199877228, 0.5006071395485392],
    ['AR200', AR200, 0.9429112767495033, 7.735308920266353e-14],
    ['SKEWED60', SKEWED60, 0.8309473607302237, 5.962311758249025e-6],
  ];
  for (const [name, e, d, p] of ref) {
    const r = durbinWatson(e);
    close(r.statistic, d, 1e-12, `${name} d`);
    close(r.pValue, p, 1e-9, `${name} p`);
    close(r.autocorrelation, 1 - d / 2, 1e-12, `${name} rho`);
  }
});

test('durbinWatson by hand: alternating and constant-sign residuals', () => {
  assert.equal(durbinWatson([1, -1, 1, -1]).statistic, 3);
  assert.equal(durbinWatson([1, 1, 1, 1]).statistic, 0);
  assert.throws(() => durbinWatson([0, 0, 0]), /all zero/);
  assert.throws(() => durbinWatson([1]), /at least 2/);
});

test('durbinWatson with missing periods: no difference across a gap, closed form', () => {
  // Pairs (1, −1) and (1, −1): d = (4 + 4) / 4 = 2. n = 4, P = 2, T = 0: centre 2P/n = 1,
  // E d² = (8·2 + 0 + 4·4)/(4·6) = 4/3, variance 4/3 − 1 = 1/3, z = (2 − 1)·√3.
  const r = durbinWatson([1, -1, NaN, 1, -1]);
  assert.equal(r.statistic, 2);
  assert.equal(r.n, 4);
  assert.equal(r.pairs, 2);
  assert.equal(r.centre, 1);
  assert.equal(r.autocorrelation, -1); // 1 − d/centre: each observed pair flips sign exactly
  close(r.pValue, 2 * normalCdf(-Math.sqrt(3)), 1e-12, 'p');
  // Closed up, the pair (−1, 1) across the gap would add 4: d = 3.
  assert.equal(durbinWatson([1, -1, 1, -1]).statistic, 3);
  assert.throws(() => durbinWatson([1, NaN, 2, NaN, 3]), /successive/);
  assert.throws(() => durbinWatson([NaN, 1, NaN]), /at least 2 observed/);
});

test('durbinWatson with missing periods equals the sum over true successive pairs, by hand', () => {
  const e: number[] = NORMAL200.map((v, t) => (t % 17 === 3 || (t >= 90 && t < 104) ? NaN : v));
  let num = 0;
  let den = 0;
  let pairs = 0;
  for (let t = 0; t < e.length; t++) {
    if (Number.isNaN(e[t])) continue;
    den += e[t] ** 2;
    if (t > 0 && !Number.isNaN(e[t - 1])) { num += (e[t] - e[t - 1]) ** 2; pairs++; }
  }
  const r = durbinWatson(e);
  close(r.statistic, num / den, 1e-14, 'd');
  assert.equal(r.n, e.filter((v) => !Number.isNaN(v)).length);
  assert.equal(r.pairs, pairs);
  close(r.centre, (2 * pairs) / r.n, 1e-15, 'centre');
  // Without NaN, pairs = n − 1 and the figures are the textbook ones, to the bit.
  const full = durbinWatson(NORMAL200);
  assert.equal(full.pairs, 199);
  assert.equal(full.centre, 2);
});

test('durbinWatson with many gaps keeps its size on independent residuals', () => {
  // 731 daily residuals, 58 single days missing (every 12th or so): each gap takes a pair out of the
  // numerator, so d centres near 2·P/n ≈ 1.83, not 2. A test centred on 2 would flag white noise often.
  const missing = new Set(Array.from({ length: 58 }, (_, i) => 7 + i * 12));
  let flagged = 0;
  let sumD = 0;
  let sumCentre = 0;
  const reps = 400;
  for (let rep = 0; rep < reps; rep++) {
    const z = normals(1000 + rep, 731);
    const r = durbinWatson(z.map((v, t) => (missing.has(t) ? NaN : v)));
    if (r.pValue < 0.05) flagged++;
    sumD += r.statistic;
    sumCentre += r.centre;
  }
  assert.ok(Math.abs(sumD / reps - sumCentre / reps) < 0.01, `mean d ${sumD / reps} vs centre ${sumCentre / reps}`);
  // 5% of 400 = 20; binomial sd ≈ 4.4.
  assert.ok(flagged >= 8 && flagged <= 34, `flagged ${flagged} of ${reps}`);
});

test('durbinWatson with missing periods: the implied autocorrelation recovers an AR(1) coefficient', () => {
  // e_t = 0.6·e_{t−1} + z_t over 4000 periods, every 7th missing: 1 − d/centre ≈ 0.6 (1 − d/2 would not be).
  const z = normals(77, 4000);
  const e: number[] = [];
  z.forEach((v, t) => { e.push(t === 0 ? v : 0.6 * e[t - 1] + v); });
  const r = durbinWatson(e.map((v, t) => (t % 7 === 3 ? NaN : v)));
  assert.ok(r.centre < 1.8);
  close(r.autocorrelation, 0.6, 0.03, 'rho with gaps');
  close(durbinWatson(e).autocorrelation, 0.6, 0.03, 'rho without gaps');
});


import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hyperLogPosterior, sampleHyperPosterior } from './hyper-posterior.ts';
import { buildSearchProblem, searchParams } from '../search/search-problem.ts';
import { defaultModelSpec, type ModelSpec } from '../../spec/model-spec.ts';
import type { ModelingTable } from '../../spec/modeling-table.ts';
import { toUnit } from '../../transforms/param-spec.ts';
import { applyAdstock } from '../../transforms/adstock/adstock.ts';
import { hillSaturation } from '../../transforms/saturation/hill.ts';
import { leastSquares } from '../../linalg/least-squares.ts';
import { N, ALPHA, HILL, fixture } from '../../../test/two-channel-fixture.ts';

function specFor(_table: ModelingTable): ModelSpec {
  const base = defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: ['c0', 'c1'] });
  return {
    ...base, seasonalityOrder: 0, validationShare: 0.15, lambda: { lower: 1e-12, upper: 2e-12 },
    channels: base.channels.map((c) => ({ ...c, adstock: 'geometric' as const, maxLag: 8 })),
  };
}

/**
 * OLS residual sum of squares of y on [1, trend, hill(adstock(spend)/scale)] built independently, and
 * log det of the correlation matrix of [trend, media…] (the standardised Gram matrix as λ → 0).
 */
function olsFit(table: ModelingTable, trend: Float64Array, y: Float64Array, alphas: number[], hills: { halfSaturation: number; shape: number }[]): { rss: number; logDetCorr: number } {
  const cols = table.channels.map((ch, c) => {
    const a = applyAdstock(ch.spend, { type: 'geometric', alpha: alphas[c] }, { maxLag: 8, normalised: true });
    let s = 0, k = 0;
    const floor = 1e-12 * Math.max(...a);
    for (const v of a) if (v > floor) { s += v; k++; }
    const out = new Float64Array(N);
    hillSaturation.apply(a.map((v) => v / (s / k)), { type: 'hill', ...hills[c] }, out);
    return out;
  });
  const x = new Float64Array(N * 4);
  for (let t = 0; t < N; t++) { x[t * 4] = 1; x[t * 4 + 1] = trend[t]; x[t * 4 + 2] = cols[0][t]; x[t * 4 + 3] = cols[1][t]; }
  const b = leastSquares(x, N, 4, y).coefficients;
  assert.ok(b[2] > 0 && b[3] > 0, 'media coefficients must be positive for the box fit to equal OLS');
  let rss = 0;
  for (let t = 0; t < N; t++) { let f = 0; for (let j = 0; j < 4; j++) f += x[t * 4 + j] * b[j]; rss += (y[t] - f) ** 2; }
  const z = [trend, ...cols].map((v) => {
    const m = v.reduce((a, w) => a + w, 0) / N;
    const sd = Math.sqrt(v.reduce((a, w) => a + (w - m) ** 2, 0) / N);
    return v.map((w) => (w - m) / sd);
  });
  const corr = new Float64Array(9);
  for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) corr[j * 3 + k] = z[j].reduce((a, w, t) => a + w * z[k][t], 0) / N;
  const det = corr[0] * (corr[4] * corr[8] - corr[5] * corr[7]) - corr[1] * (corr[3] * corr[8] - corr[5] * corr[6]) + corr[2] * (corr[3] * corr[7] - corr[4] * corr[6]);
  return { rss, logDetCorr: Math.log(det) };
}

test('log density differences are those of the marginal likelihood as λ → 0: (n/2)·log of OLS RSS ratios plus half the log det ratio of the correlation matrices, on all rows (validation split ignored)', () => {
  const { table, trend, y } = fixture([40, 25], 2);
  const spec = specFor(table);
  const problem = buildSearchProblem(table, spec);
  const ps = searchParams(problem);
  const toU = (vals: number[]): Float64Array => Float64Array.from(ps.map((p, i) => (i < vals.length ? toUnit(p.param, vals[i]) : 0)));
  const other = { halfSaturation: 1.5, shape: 2.2 };
  const u1 = toU([ALPHA[0], HILL[0].halfSaturation, HILL[0].shape, ALPHA[1], HILL[1].halfSaturation, HILL[1].shape]);
  const u2 = toU([0.3, other.halfSaturation, other.shape, ALPHA[1], HILL[1].halfSaturation, HILL[1].shape]);
  const lp = hyperLogPosterior(problem);
  const f1 = olsFit(table, trend, y, ALPHA, HILL);
  const f2 = olsFit(table, trend, y, [0.3, ALPHA[1]], [other, HILL[1]]);
  const expected = (N / 2) * Math.log(f2.rss / f1.rss) + 0.5 * (f2.logDetCorr - f1.logDetCorr);
  assert.ok(Math.abs(f2.logDetCorr - f1.logDetCorr) > 1e-3, 'the Occam term differs between the two designs');
  assert.ok(expected > 1, 'the true curves fit better');
  assert.ok(Math.abs(lp(u1) - lp(u2) - expected) < 1e-6 * expected, `${lp(u1) - lp(u2)} vs ${expected}`);
});

test('zero density outside the unit box', () => {
  const { table } = fixture([40, 25], 2);
  const problem = buildSearchProblem(table, specFor(table));
  const u = new Float64Array(searchParams(problem).length).fill(0.5);
  const lp = hyperLogPosterior(problem);
  assert.ok(Number.isFinite(lp(u)));
  u[0] = 1.01;
  assert.equal(lp(u), -Infinity);
});

test('posterior of a well-identified Hill shape concentrates near the truth', async () => {
  // Low noise: the sampled shape of channel 0 (truth 1.4) must sit close to it.
  const { table } = fixture([40, 25], 0.5);
  const problem = buildSearchProblem(table, specFor(table));
  const ps = searchParams(problem);
  const start = Float64Array.from(ps.map(() => 0.5));
  const res = await sampleHyperPosterior(problem, start, { iterations: 6000, seed: 2, thin: 10 });
  const d = ps.length;
  let m = 0;
  for (let i = 0; i < res.nSamples; i++) m += res.samples[i * d + 2];
  const shape = ps[2].param.lower + (m / res.nSamples) * (ps[2].param.upper - ps[2].param.lower);
  assert.ok(Math.abs(shape - HILL[0].shape) < 0.25, `posterior mean shape ${shape}`);
  assert.ok(res.acceptance > 0.05 && res.acceptance < 0.8, `acceptance ${res.acceptance}`);
});

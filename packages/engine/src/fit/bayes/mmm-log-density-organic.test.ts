/**
 * The Bayesian density with organic media: each series gets curve coordinates and a log share (no
 * ROI prior), the gradient is still the density's, and decode gives the organic contribution in KPI units.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gradientMismatches } from './gradient-check.test-support.ts';
import { mmmLogDensity, ORGANIC_SHARE_SD } from './mmm-log-density.ts';
import { bayesRoiPrior } from './bayes-roi-prior.ts';
import { buildSearchProblem } from '../search/search-problem.ts';
import { defaultModelSpec, type ModelSpec } from '../../spec/model-spec.ts';
import { randomScenario } from '../../simulate/random-scenario.ts';
import { channelContribution } from '../../model/channel-response.ts';
import { sumRange } from '../../analysis/decomposition.ts';
import { createRng } from '../../random/rng.ts';
import { normal } from '../../random/distributions.ts';
import { DEFAULT_ROI_PRIOR } from '../posterior/roi-prior.ts';
import type { ModelingTable } from '../../spec/modeling-table.ts';

const sim = randomScenario(11, { nTimes: 80, nChannels: 2, noise: 0.05 });
const rng = createRng(5);
const exposure = Float64Array.from({ length: 80 }, () => (rng.next() < 0.4 ? 1000 + 3000 * rng.next() : 20));
const table: ModelingTable = { ...sim.table, organic: [{ name: 'newsletter', column: 'newsletter_sends', values: exposure }] };
const names = table.channels.map((c) => c.name);

function problem() {
  const base = defaultModelSpec({ nTimes: 80, frequency: 'weekly', channels: names, organic: ['newsletter'] });
  const spec: ModelSpec = {
    ...base,
    channels: base.channels.map((c) => ({ ...c, adstock: 'geometric' as const, maxLag: 12 })),
    organic: base.organic!.map((c) => ({ ...c, adstock: 'geometric' as const, maxLag: 8 })),
  };
  return buildSearchProblem(table, spec);
}

function randomPosition(dim: number, seed: number): Float64Array {
  const r = createRng(seed);
  return Float64Array.from({ length: dim }, () => normal(r, 0, 0.7));
}

test('organic media: a log share after the paid channels, and the gradient matches central differences', () => {
  const d = mmmLogDensity(problem(), { roi: DEFAULT_ROI_PRIOR });
  const blk = d.layout.channels.at(-1)!;
  assert.equal(blk.organic, true);
  assert.equal(d.layout.names[blk.effectOffset], 'newsletter.log_share');
  assert.deepEqual(d.layout.channels.map((c) => c.organic), [false, false, true]);
  for (const seed of [1, 2, 3]) {
    const x = randomPosition(d.layout.dim, seed);
    x[d.layout.logSigma] = -1;
    assert.deepEqual(gradientMismatches(d, x), [], `seed ${seed}`);
  }
});

test('organic media: the share prior is half-normal in the share, with the log-share Jacobian (closed form)', () => {
  // An organic series with no exposure contributes nothing (q = 0), so its log share ρ moves only the
  // prior: share = e^ρ ~ half-normal(sd) and dρ-density e^ρ·exp(−e^{2ρ}/(2sd²)), i.e.
  //   log p(ρ_b) − log p(ρ_a) = (ρ_b − ρ_a) − (e^{2ρ_b} − e^{2ρ_a}) / (2 sd²).
  const dark: ModelingTable = { ...table, organic: [{ name: 'newsletter', column: 'newsletter_sends', values: new Float64Array(80) }] };
  const base = defaultModelSpec({ nTimes: 80, frequency: 'weekly', channels: names, organic: ['newsletter'] });
  const p = buildSearchProblem(dark, { ...base, channels: base.channels.map((c) => ({ ...c, adstock: 'geometric' as const, maxLag: 12 })), organic: base.organic!.map((c) => ({ ...c, adstock: 'geometric' as const, maxLag: 8 })) });
  const x = randomPosition(mmmLogDensity(p, { roi: DEFAULT_ROI_PRIOR }).layout.dim, 8);
  const closed = (a: number, b: number, sd: number) => (Math.log(b) - Math.log(a)) - (b * b - a * a) / (2 * sd * sd);
  for (const [priors, sd] of [[{ roi: DEFAULT_ROI_PRIOR }, ORGANIC_SHARE_SD], [{ roi: { median: 50, sdLog: 0.1 }, organicShareSd: 0.2 }, 0.2]] as const) {
    const d = mmmLogDensity(p, priors);
    const offset = d.layout.channels.at(-1)!.effectOffset, grad = new Float64Array(d.layout.dim);
    const lp = (share: number) => { const v = Float64Array.from(x); v[offset] = Math.log(share); return d.logDensity(v, grad); };
    for (const [a, b] of [[0.05, 0.3], [0.2, 0.9], [1.5, 0.1]]) {
      const want = closed(a, b, sd);
      assert.ok(Math.abs(lp(b) - lp(a) - want) < 1e-9 * (1 + Math.abs(want)), `sd ${sd}, shares ${a} → ${b}: ${lp(b) - lp(a)} vs ${want}`);
    }
  }
});

test('organic media: the share prior takes no part of the ROI prior, decode gives share × mean KPI × n as the contribution, encode inverts it', () => {
  const p = problem();
  const d = mmmLogDensity(p, { roi: DEFAULT_ROI_PRIOR });
  const blk = d.layout.channels.at(-1)!;
  const x = randomPosition(d.layout.dim, 7);
  const grad = new Float64Array(d.layout.dim);
  // Moving log share by δ changes the prior by δ − (e^{2(ρ+δ)} − e^{2ρ}) / (2 sd²); the ROI prior's median plays no part.
  const other = mmmLogDensity(p, { roi: { median: 50, sdLog: 0.1 } });
  const lp = (dd: typeof d, z: number) => { const v = Float64Array.from(x); v[blk.effectOffset] = z; return dd.logDensity(v, grad); };
  const z0 = x[blk.effectOffset];
  assert.ok(Math.abs((lp(d, z0 + 0.3) - lp(d, z0)) - (lp(other, z0 + 0.3) - lp(other, z0))) < 1e-9);

  const draw = d.decode(x);
  assert.equal(draw.channels.length, 2);
  assert.equal(draw.organic.length, 1);
  const o = draw.organic[0];
  assert.ok(Math.abs(o.share - Math.exp(x[blk.effectOffset])) < 1e-12);
  const contribution = channelContribution({ ...o, spend: exposure, maxLag: 8 });
  let yMean = 0;
  for (let t = p.fitStart; t < p.fitEnd; t++) yMean += p.target[t];
  yMean /= p.fitEnd - p.fitStart;
  const total = sumRange(contribution, p.fitStart, p.fitEnd);
  assert.ok(Math.abs(total - o.share * yMean * (p.fitEnd - p.fitStart)) < 1e-6 * total, `${total} vs share × mean × n`);
  const back = d.encode(draw);
  for (let i = 0; i < x.length; i++) assert.ok(Math.abs(back[i] - x[i]) < 1e-6, `${d.layout.names[i]}: ${back[i]} vs ${x[i]}`);
  // The data-scaled ROI prior divides the KPI by paid spend only (exposure is not money).
  const withoutOrganic = buildSearchProblem(sim.table, { ...defaultModelSpec({ nTimes: 80, frequency: 'weekly', channels: names }) });
  assert.deepEqual(bayesRoiPrior(p, null), bayesRoiPrior(withoutOrganic, null));
});

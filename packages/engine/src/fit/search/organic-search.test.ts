import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCandidateEvaluator } from './candidate-evaluator.ts';
import { buildSearchProblem, paidChannelCount, searchDimension, searchParams } from './search-problem.ts';
import { candidateChannels, candidateMedia } from '../candidate-channels.ts';
import { roiLogPrior } from '../posterior/roi-prior.ts';
import { defaultModelSpec, type ModelSpec } from '../../spec/model-spec.ts';
import type { ModelingTable } from '../../spec/modeling-table.ts';
import { toUnit } from '../../transforms/param-spec.ts';
import { applyAdstock } from '../../transforms/adstock/adstock.ts';
import { hillSaturation } from '../../transforms/saturation/hill.ts';
import { N, ALPHA, HILL, fixture } from '../../../test/two-channel-fixture.ts';
import { createRng } from '../../random/rng.ts';

/** The fixture's two paid channels plus an organic series `news` with a known effect (geometric 0.6, Hill 1 / 1.5, β = 30). */
function withOrganic(): { table: ModelingTable; spec: ModelSpec } {
  const { table, y } = fixture([40, 25], 2);
  const rng = createRng(11);
  const news = Float64Array.from({ length: N }, () => (rng.next() < 0.3 ? 0 : 1000 + 4000 * rng.next()));
  const a = applyAdstock(news, { type: 'geometric', alpha: 0.6 }, { maxLag: 8, normalised: true });
  let s = 0, k = 0;
  for (const v of a) if (v > 0) { s += v; k++; }
  const sat = new Float64Array(N);
  hillSaturation.apply(a.map((v) => v / (s / k)), { type: 'hill', halfSaturation: 1, shape: 1.5 }, sat);
  const target = { ...table.target, values: y.map((v, t) => v + 30 * sat[t]) };
  const full: ModelingTable = { ...table, target, organic: [{ name: 'news', column: 'news_sends', values: news }] };
  const base = defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: ['c0', 'c1'], organic: ['news'] });
  const geometric = (c: ModelSpec['channels'][number]) => ({ ...c, adstock: 'geometric' as const, maxLag: 8 });
  const spec: ModelSpec = {
    ...base, seasonalityOrder: 0, validationShare: 0, lambda: { lower: 1e-6, upper: 2e-6 },
    channels: base.channels.map(geometric), organic: (base.organic ?? []).map(geometric),
  };
  return { table: full, spec };
}

/** Unit vector of the true curves (paid channels, then news) and λ at its lower bound. */
function trueVector(spec: ModelSpec, table: ModelingTable): Float64Array {
  const ps = searchParams(buildSearchProblem(table, spec));
  const values = [ALPHA[0], HILL[0].halfSaturation, HILL[0].shape, ALPHA[1], HILL[1].halfSaturation, HILL[1].shape, 0.6, 1, 1.5];
  return Float64Array.from(ps.map((p, i) => (i < values.length ? toUnit(p.param, values[i]) : 0)));
}

test('organic media are searched after the paid channels, with their own adstock and saturation coordinates', () => {
  const { table, spec } = withOrganic();
  const problem = buildSearchProblem(table, spec);
  assert.deepEqual(problem.channels.map((c) => [c.name, c.organic === true]), [['c0', false], ['c1', false], ['news', true]]);
  assert.equal(paidChannelCount(problem), 2);
  assert.equal(searchDimension(problem), 3 * 3 + 1);
});

test('DECOMP.RSSD with an organic series equals the value over the paid channels alone; organic media have no ROI', () => {
  const { table, spec } = withOrganic();
  const problem = buildSearchProblem(table, spec);
  const fit = createCandidateEvaluator(problem).fitCandidate(trueVector(spec, table));
  // The organic series matters to this fit: had it been in the shares, the value would differ.
  assert.ok(fit.mediaCoef[2] > 10, `news coefficient ${fit.mediaCoef[2]}`);
  const effect = [0, 1].map((c) => fit.mediaCoef[c] * fit.mediaSum[c]);
  const spend = [0, 1].map((c) => table.channels[c].spend.reduce((a, b) => a + b, 0));
  const eTot = effect[0] + effect[1], sTot = spend[0] + spend[1];
  const expected = Math.sqrt((effect[0] / eTot - spend[0] / sTot) ** 2 + (effect[1] / eTot - spend[1] / sTot) ** 2);
  assert.ok(Math.abs(fit.objectives[2] - expected) < 1e-12, `${fit.objectives[2]} vs ${expected}`);
  // Paid channels only in what the ROI machinery reads; the fitted values still include the organic term.
  assert.deepEqual(candidateChannels(problem, fit).map((c) => c.name), ['c0', 'c1']);
  assert.deepEqual(candidateMedia(problem, fit).map((c) => c.name), ['c0', 'c1', 'news']);
  // The ROI prior is over the paid channels: paid ROIs of 0.95 (the median 1 less the 0.05 offset) give 0, however large the organic term.
  const prior = roiLogPrior(problem, { median: 1, sdLog: 1 });
  const scaled = { ...fit, mediaCoef: Float64Array.from(fit.mediaCoef, (b, c) => (c < 2 ? (0.95 * spend[c]) / fit.mediaSum[c] : b * 1e6)) };
  assert.ok(Math.abs(prior(scaled)) < 1e-9, `log prior ${prior(scaled)}`);
});

test('a lift test on organic media, a negative exposure and an organic name taken by a channel are errors', () => {
  const { table, spec } = withOrganic();
  const lift = { ...spec, liftTests: [{ channel: 'news', start: table.dates[10], end: table.dates[13], lift: 100 }] };
  assert.throws(() => buildSearchProblem(table, lift), /lift test names organic media "news".*paid channels only/);
  const negative = { ...table, organic: [{ name: 'news', column: 'news_sends', values: Float64Array.from(table.organic![0].values, (v, t) => (t === 5 ? -1 : v)) }] };
  assert.throws(() => buildSearchProblem(negative, spec), /organic media "news" has exposure -1 in row 5/);
  const clash = { ...table, organic: [{ ...table.organic![0], name: 'c0' }] };
  assert.throws(() => buildSearchProblem(clash, { ...spec, organic: [{ ...spec.organic![0], name: 'c0' }] }), /organic media "c0" has the name of a channel/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BayesDiagnostics, BayesParameterSummary, MmmModel, PosteriorSummary } from '@mixwise/engine';
import { essCell, flaggedParameter, posteriorView, rhatCell } from './posterior-view.ts';
import { testModel } from '../worker/test-model.ts';

const param = (name: string, rhat: number, ess: number): BayesParameterSummary => ({ name, mean: 0.5, sd: 0.1, q05: 0.3, q50: 0.5, q95: 0.7, rhat, ess });

const bayes: BayesDiagnostics = {
  sampler: 'nuts', chains: 4, warmup: 1000, draws: 1500, metric: 'dense', targetAccept: 0.9,
  divergences: 0, treeDepthHits: 0, stepSizes: [0.1234, 0.0987, 0.11, 0.105],
  maxRhat: 1.004, minEss: 812.6, parameters: [param('log_roi[tv]', 1.002, 900), param('log_sigma', 1.004, 812.6), param('logit_half[tv]', 1.001, 1500)],
};
const withBayes = (b: BayesDiagnostics | undefined): MmmModel => ({ ...testModel(), bayes: b });

const converged: PosteriorSummary = {
  sampler: 'nuts', chains: 4, draws: 1500, divergences: 0, max_rhat: 1.004, min_ess: 812.6, target_accept: 0.9,
  tree_depth_hits: 0, max_tree_depth: 10, stuck_parameters: [], converged: true,
};

test('a model without a Bayesian fit has no posterior section', () => {
  assert.equal(posteriorView({ ...testModel(), bayes: undefined }, converged), null);
  assert.equal(posteriorView(testModel(), converged), null);
});

test('converged: the summary line, the verdict, no banner, no flagged parameter', () => {
  const v = posteriorView(withBayes(bayes), converged);
  assert.ok(v);
  assert.equal(v.line, '4 chains × 1,500 draws after 1,000 warm-up · max R-hat 1.004 · min bulk ESS 813 · 0 divergences · 0 tree-depth hits · dense metric, step sizes 0.12 / 0.099 / 0.11 / 0.10');
  assert.equal(v.verdict, 'converged');
  assert.equal(v.banner, null);
  assert.equal(v.essLimit, 400);
  assert.deepEqual(v.rows.map((p) => p.name), ['log_sigma', 'log_roi[tv]', 'logit_half[tv]'], 'worst R-hat first');
  assert.deepEqual(v.rows.filter((p) => flaggedParameter(p, v.essLimit)), []);
  assert.equal(v.caption, "Sampled parameters on the sampler's unconstrained scale (log ROI, logit of each curve parameter's range, log σ), worst R-hat first; flagged: R-hat ≥ 1.01 or ESS below 400");
});

test('not converged: the banner says each failed rule in words and suggests a higher target acceptance against divergences', () => {
  const b: BayesDiagnostics = { ...bayes, divergences: 3, parameters: [param('a', 1.003, 2000), param('b', 1.08, 950), param('c', 1.005, 120.4)] };
  const p: PosteriorSummary = { ...converged, divergences: 3, max_rhat: 1.08, min_ess: 120.4, converged: false };
  const v = posteriorView(withBayes(b), p);
  assert.ok(v);
  assert.equal(v.verdict, 'not converged');
  assert.match(v.line, /max R-hat 1\.080 · min bulk ESS 120 · 3 divergences · /);
  assert.equal(v.banner, 'The chains have not converged: R-hat up to 1.080 (chains disagree); effective sample size down to 120 (below 400); 3 divergent transitions. '
    + 'The credible intervals may be too narrow or in the wrong place. Fit again with more warm-up and draws, a higher target acceptance (0.95: smaller steps against divergences), or a simpler model (fewer channels, one adstock family).');
  assert.deepEqual(v.rows.map((q) => q.name), ['b', 'c', 'a']);
  assert.deepEqual(v.rows.filter((q) => flaggedParameter(q, v.essLimit)).map((q) => q.name), ['b', 'c'], 'R-hat ≥ 1.01 or ESS < 100 per chain');
});

test('not converged on one rule only: one divergence is singular, and no target-acceptance advice without divergences or above 0.99', () => {
  const one = posteriorView(withBayes(bayes), { ...converged, divergences: 1, converged: false });
  assert.match(one?.banner ?? '', /: 1 divergent transition\. The credible/);
  assert.match(one?.banner ?? '', /a higher target acceptance \(0\.95: /);
  const top = posteriorView(withBayes({ ...bayes, targetAccept: 0.99 }), { ...converged, target_accept: 0.99, divergences: 2, converged: false });
  assert.match(top?.banner ?? '', /Fit again with more warm-up and draws, or a simpler model/);
  const legacy = posteriorView(withBayes({ ...bayes, targetAccept: undefined }), { ...converged, target_accept: undefined, divergences: 2, converged: false });
  assert.match(legacy?.banner ?? '', /a higher target acceptance \(0\.9: /, 'a fit from before target acceptance was recorded used 0.8');
  const ess = posteriorView(withBayes(bayes), { ...converged, min_ess: 399.6, converged: false });
  assert.equal(ess?.banner?.split('. ')[0], 'The chains have not converged: effective sample size down to 400 (below 400)');
  assert.doesNotMatch(ess?.banner ?? '', /target acceptance/);
});

test('a non-finite R-hat (stuck parameters) is never shown as the finite maximum; those rows sort last with a dash', () => {
  const b: BayesDiagnostics = { ...bayes, parameters: [param('stuck', NaN, NaN), param('apart', Infinity, 2), param('ok', 1.002, 900)] };
  const p: PosteriorSummary = {
    ...converged, max_rhat: 1.002, min_ess: 900, converged: false,
    stuck_parameters: [{ name: 'stuck', reason: 'not-moving' }, { name: 'apart', reason: 'chains-apart' }],
  };
  const v = posteriorView(withBayes(b), p);
  assert.ok(v);
  assert.match(v.line, /· max R-hat not finite · /);
  assert.doesNotMatch(v.line, /1\.002/);
  assert.equal(v.banner?.split('. ')[0], 'The chains have not converged: R-hat not finite for stuck, apart (chains stuck apart or not moving)');
  assert.deepEqual(v.rows.map((q) => q.name), ['ok', 'stuck', 'apart'], 'non-finite R-hat sorts last, in their stored order');
  assert.deepEqual(v.rows.map(rhatCell), ['1.002', '–', '–']);
  assert.deepEqual(v.rows.map(essCell), ['900', '–', '2']);
  assert.deepEqual(v.rows.filter((q) => flaggedParameter(q, v.essLimit)).map((q) => q.name).sort(), ['apart', 'stuck'], 'a non-finite R-hat (NaN: stuck; +∞) is flagged, as the engine counts it');
});

test('tree-depth hits and the metric are figures of the line; an old model without a metric says diag', () => {
  const v = posteriorView(withBayes({ ...bayes, treeDepthHits: 37, metric: undefined, stepSizes: [0.5] }), { ...converged, tree_depth_hits: 37 });
  assert.ok(v);
  assert.match(v.line, / · 37 tree-depth hits · diag metric, step sizes 0\.50$/);
  assert.equal(v.verdict, 'converged', 'tree-depth hits alone do not fail convergence');
  assert.equal(v.banner, null);
});

test('bulk ESS in the table has thousands separators', () => {
  assert.equal(essCell(param('x', 1, 12345.6)), '12,346');
  assert.equal(rhatCell(param('x', 1.23456, 1)), '1.235');
});

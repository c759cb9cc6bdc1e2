import { test } from 'node:test';
import assert from 'node:assert/strict';
import { posteriorDiagnostics, posteriorWarnings, type BayesDiagnostics, type BayesParameterSummary, type MmmModel, type PosteriorSummary, type SummaryResult } from '@mixwise/engine';
import { essCell, flaggedParameter, posteriorView, rhatCell, RIDGE_NOTE, type BayesPosteriorView } from './posterior-view.ts';
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

const summary = (posterior: PosteriorSummary | null, roiPrior: SummaryResult['roi_prior'] = null, note: string | null = null) => ({ posterior, roi_prior: roiPrior, roi_prior_note: note });
const bayesView = (model: MmmModel, posterior: PosteriorSummary, roiPrior: SummaryResult['roi_prior'] = null): BayesPosteriorView => {
  const v = posteriorView(model, summary(posterior, roiPrior));
  assert.equal(v?.kind, 'bayes');
  return v as BayesPosteriorView;
};

test('a ridge fit without an ROI prior or a note, or a Bayesian record without the model\'s sampler record, has no posterior section', () => {
  assert.equal(posteriorView(testModel(), summary(null)), null);
  assert.equal(posteriorView({ ...testModel(), bayes: undefined }, summary(converged)), null);
});

test('converged: the verdict, the checks and the sampler in the report\'s words, no warning, no flagged parameter', () => {
  const prior = { median: 1.2214, sd_log: 0.9, source: 'default' as const };
  const v = bayesView(withBayes(bayes), converged, prior);
  assert.equal(v.verdict, 'converged');
  assert.equal(v.verdictText, 'The chains converged: the ROI intervals are 90% credible intervals of the posterior.');
  assert.deepEqual(v.checks, posteriorDiagnostics(converged, bayes).checks, 'the same checks as the report');
  assert.deepEqual(v.checks.map((c) => `${c.label}: ${c.text} (${c.status ?? '–'})`), [
    'chains × draws (after warm-up): 4 × 1,500 (warm-up 1,000) (–)', 'max R-hat: 1.004 (ok)', 'min bulk ESS: 813 (ok)', 'divergent transitions: 0 (ok)',
    'transitions at the tree-depth limit (1024 leapfrog steps): 0 (0.0%) (ok)',
  ]);
  assert.deepEqual(v.warnings, []);
  assert.equal(v.prior, 'ROI prior, the same for every channel: log-normal with median 1.22 and σ of log ROI 0.9, the default, Meridian\'s for revenue in the spend\'s currency (for a pipeline, bookings or margin KPI, whose ROIs run on another scale, give a prior of your own or none).');
  assert.equal(v.sampler, 'NUTS, dense metric, target acceptance 0.9. Adapted step size per chain: 0.12 / 0.099 / 0.11 / 0.10.');
  assert.equal(v.essLimit, 400);
  assert.deepEqual(v.rows.map((p) => p.name), ['log_sigma', 'log_roi[tv]', 'logit_half[tv]'], 'worst R-hat first');
  assert.deepEqual(v.rows.filter((p) => flaggedParameter(p, v.essLimit)), []);
  assert.equal(v.caption, "Sampled parameters on the sampler's unconstrained scale (log ROI, log share of organic media, logit of each curve parameter's range, log σ), worst R-hat first; flagged: R-hat ≥ 1.01 or ESS below 400");
});

test('not converged: each failed check, and the warning of summary.json, the CLI and the report, with a higher target acceptance against divergences', () => {
  const b: BayesDiagnostics = { ...bayes, divergences: 3, parameters: [param('a', 1.003, 2000), param('b', 1.08, 950), param('c', 1.005, 120.4)] };
  const p: PosteriorSummary = { ...converged, divergences: 3, max_rhat: 1.08, min_ess: 120.4, converged: false };
  const v = bayesView(withBayes(b), p);
  assert.equal(v.verdict, 'not converged');
  assert.equal(v.verdictText, 'The chains did not converge, so treat the ROI intervals with care.');
  assert.deepEqual(v.checks.filter((c) => c.status === 'fails').map((c) => `${c.label} ${c.text}`), ['max R-hat 1.080', 'min bulk ESS 120', 'divergent transitions 3']);
  assert.deepEqual(v.warnings.map((w) => w.text), posteriorWarnings(p).map((w) => `Warning: ${w.message}.`));
  assert.match(v.warnings[0].text, /^Warning: not converged: max R-hat 1\.080 ≥ 1\.01 \(the chains disagree\), ESS < 400, divergences .*--target-accept 0\.95/);
  assert.equal(v.prior, 'ROI prior: not recorded (a model written before it was).');
  assert.deepEqual(v.rows.map((q) => q.name), ['b', 'c', 'a']);
  assert.deepEqual(v.rows.filter((q) => flaggedParameter(q, v.essLimit)).map((q) => q.name), ['b', 'c'], 'R-hat ≥ 1.01 or ESS < 100 per chain');
  // No target-acceptance advice at 0.99, nor without divergences.
  const top = bayesView(withBayes({ ...bayes, targetAccept: 0.99 }), { ...converged, target_accept: 0.99, divergences: 2, converged: false });
  assert.doesNotMatch(top.warnings[0].text, /--target-accept/);
  const ess = bayesView(withBayes(bayes), { ...converged, min_ess: 399.6, converged: false });
  assert.deepEqual(ess.checks.filter((c) => c.status === 'fails').map((c) => c.key), ['min_ess']);
  assert.doesNotMatch(ess.warnings[0].text, /target-accept/);
});

test('a non-finite R-hat (stuck parameters) is never shown as the finite maximum; those rows sort last with a dash', () => {
  const b: BayesDiagnostics = { ...bayes, parameters: [param('stuck', NaN, NaN), param('apart', Infinity, 2), param('ok', 1.002, 900)] };
  const p: PosteriorSummary = {
    ...converged, max_rhat: 1.002, min_ess: 900, converged: false,
    stuck_parameters: [{ name: 'stuck', reason: 'not-moving' }, { name: 'apart', reason: 'chains-apart' }],
  };
  const v = bayesView(withBayes(b), p);
  assert.equal(v.checks.find((c) => c.key === 'max_rhat')?.text, 'not finite');
  assert.equal(v.verdictText, 'The chains did not converge, so treat the ROI intervals with care. R-hat is not finite for stuck (did not move), apart (chains stuck at different values).');
  assert.deepEqual(v.rows.map((q) => q.name), ['ok', 'stuck', 'apart'], 'non-finite R-hat sorts last, in their stored order');
  assert.deepEqual(v.rows.map(rhatCell), ['1.002', '–', '–']);
  assert.deepEqual(v.rows.map(essCell), ['900', '–', '2']);
  assert.deepEqual(v.rows.filter((q) => flaggedParameter(q, v.essLimit)).map((q) => q.name).sort(), ['apart', 'stuck'], 'a non-finite R-hat (NaN: stuck; +∞) is flagged, as the engine counts it');
});

test('tree-depth hits: a check with their share; above 10% of transitions a warning that does not fail convergence; an old model says diag', () => {
  const few = bayesView(withBayes({ ...bayes, treeDepthHits: 37, metric: undefined, stepSizes: [0.5] }), { ...converged, tree_depth_hits: 37 });
  assert.equal(few.checks.at(-1)?.text, '37 (0.6%)');
  assert.equal(few.checks.at(-1)?.status, 'ok');
  assert.deepEqual(few.warnings, []);
  assert.equal(few.sampler, 'NUTS, diag metric, target acceptance 0.9. Adapted step size per chain: 0.50.');
  const many = bayesView(withBayes({ ...bayes, treeDepthHits: 900 }), { ...converged, tree_depth_hits: 900 });
  assert.equal(many.verdict, 'converged', 'tree-depth hits alone do not fail convergence');
  assert.equal(many.checks.at(-1)?.text, '900 (15.0%)');
  assert.equal(many.checks.at(-1)?.status, 'warning');
  assert.deepEqual(many.warnings.map((w) => w.code), ['TREE_DEPTH_LIMIT']);
  assert.match(many.warnings[0].text, /^Warning: the sampler hit its tree-depth limit \(1024 leapfrog steps\) in 15% of transitions \(900 of 6000\)/);
});

test('a ridge fit: its ROI prior and what it weighted, and no sampler figures (nothing empty or NaN)', () => {
  const prior = { median: 1.2214, sd_log: 0.9 };
  const rule = (selectionRule: string): MmmModel => ({ ...testModel(), search: { ...testModel().search, selectionRule } });
  const v = posteriorView(rule('posterior medoid: adaptive-Metropolis samples of the hyperparameters (marginal likelihood of the ridge regression on all non-holdout rows, coefficients integrated out under the Gaussian prior λ stands for, flat prior on the search box) started at the best of the search\'s top 200 candidates by full-data fit; the default model is the sample whose channel ROIs are closest (spend-weighted relative L1) to the posterior-mean ROIs; the posterior weights …'), summary(null, prior));
  assert.deepEqual(v, { kind: 'ridge', prior: 'ROI prior, the same for every channel: log-normal with median 1.22 and σ of log ROI 0.9; it weighted the hyperparameter posterior that chose the model.', note: RIDGE_NOTE });
  const lowest = posteriorView(rule('lowest weighted score'), summary(null, prior, 'spend and KPI'));
  assert.equal(lowest?.kind === 'ridge' ? lowest.prior : '', "ROI prior, the same for every channel: log-normal with median 1.22 and σ of log ROI 0.9; not used, since the model was the search's lowest score rather than the hyperparameter posterior's choice. spend and KPI.");
  assert.doesNotMatch(JSON.stringify(v), /NaN|undefined/);
});

test('bulk ESS in the table has thousands separators', () => {
  assert.equal(essCell(param('x', 1, 12345.6)), '12,346');
  assert.equal(rhatCell(param('x', 1.23456, 1)), '1.235');
});

test('an R-hat beside the 1.01 limit has the digits that put it on its side: a flagged 1.0104 is not shown as 1.010', () => {
  assert.equal(rhatCell(param('x', 1.0104, 900)), '1.0104');
  assert.ok(flaggedParameter(param('x', 1.0104, 900), 400));
  assert.equal(rhatCell(param('x', 1.0096, 900)), '1.0096');
  assert.ok(!flaggedParameter(param('x', 1.0096, 900), 400));
});

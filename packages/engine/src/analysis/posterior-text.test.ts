import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PosteriorSummary } from './summarize.ts';
import { posteriorDiagnostics, roiPriorSentence } from './posterior-text.ts';
import { POSTERIOR_SELECTION_RULE } from '../fit/posterior/posterior-choice.ts';
import { SELECTION_RULE } from '../fit/select-model.ts';

/** A converged record: 4 chains × 1500 draws, every figure inside its limit. */
const ok: PosteriorSummary = {
  sampler: 'nuts', chains: 4, draws: 1500, divergences: 0, max_rhat: 1.004, min_ess: 812.6, target_accept: 0.9,
  tree_depth_hits: 0, max_tree_depth: 10, stuck_parameters: [], converged: true,
};
const bayes = { warmup: 1000, metric: 'dense' as const, targetAccept: 0.9 };
const check = (p: PosteriorSummary, key: string) => posteriorDiagnostics(p, bayes).checks.find((c) => c.key === key);

test('posteriorDiagnostics: a converged fit has every check ok, the converged verdict and no warning', () => {
  const d = posteriorDiagnostics(ok, bayes);
  assert.equal(d.converged, true);
  assert.equal(d.verdict, 'The chains converged: the ROI intervals are 90% credible intervals of the posterior.');
  assert.deepEqual(d.checks.map((c) => [c.key, c.label, c.text, c.limit, c.status]), [
    ['chains', 'chains × draws (after warm-up)', '4 × 1,500 (warm-up 1,000)', '', null],
    ['max_rhat', 'max R-hat', '1.004', '< 1.01', 'ok'],
    ['min_ess', 'min bulk ESS', '813', '≥ 400 (100 per chain)', 'ok'],
    ['divergences', 'divergent transitions', '0', '0', 'ok'],
    ['tree_depth_hits', 'transitions at the tree-depth limit (1024 leapfrog steps)', '0 (0.0%)', '≤ 10% (above, the sampler is inefficient)', 'ok'],
  ]);
  assert.deepEqual(d.checks.map((c) => c.value), [6000, 1.004, 812.6, 0, 0]);
  assert.equal(d.sampler, 'NUTS, dense metric, target acceptance 0.9.');
  assert.deepEqual(d.warnings, []);
});

test('posteriorDiagnostics: R-hat fails at 1.01, ESS below 100 per chain, any divergence; each says so with the NOT_CONVERGED warning', () => {
  assert.equal(check({ ...ok, max_rhat: 1.0099 }, 'max_rhat')?.status, 'ok');
  assert.equal(check({ ...ok, max_rhat: 1.01, converged: false }, 'max_rhat')?.status, 'fails');
  assert.equal(check({ ...ok, min_ess: 400 }, 'min_ess')?.status, 'ok');
  assert.equal(check({ ...ok, min_ess: 399.6, converged: false }, 'min_ess')?.status, 'fails');
  assert.equal(check({ ...ok, divergences: 1, converged: false }, 'divergences')?.status, 'fails');

  const bad = posteriorDiagnostics({ ...ok, max_rhat: 1.08, min_ess: 120.4, divergences: 3, converged: false }, bayes);
  assert.equal(bad.converged, false);
  assert.equal(bad.verdict, 'The chains did not converge, so treat the ROI intervals with care.');
  assert.deepEqual(bad.checks.filter((c) => c.status === 'fails').map((c) => c.key), ['max_rhat', 'min_ess', 'divergences']);
  assert.deepEqual(bad.warnings.map((w) => w.code), ['NOT_CONVERGED']);
  assert.equal(bad.warnings[0].text, 'Warning: not converged: max R-hat 1.080 ≥ 1.01 (the chains disagree), ESS < 400, divergences (regions the sampler could not follow). '
    + 'Treat the intervals with care; run longer (--warmup, --draws), smaller steps against divergences (--target-accept 0.95), or simplify the model (fewer channels, fixed --adstock).');
});

test('posteriorDiagnostics: tree-depth hits above 10% of transitions warn without failing convergence; at 10% they do not', () => {
  // 4 × 1500 = 6000 transitions: 600 is exactly 10%, 601 is above.
  const edge = posteriorDiagnostics({ ...ok, tree_depth_hits: 600 }, bayes);
  assert.equal(edge.checks.at(-1)?.text, '600 (10.0%)');
  assert.equal(edge.checks.at(-1)?.status, 'ok');
  assert.deepEqual(edge.warnings, []);
  const slow = posteriorDiagnostics({ ...ok, tree_depth_hits: 1800 }, bayes);
  assert.equal(slow.converged, true);
  assert.equal(slow.checks.at(-1)?.text, '1,800 (30.0%)');
  assert.equal(slow.checks.at(-1)?.status, 'warning');
  assert.deepEqual(slow.warnings.map((w) => w.code), ['TREE_DEPTH_LIMIT']);
  assert.match(slow.warnings[0].text, /^Warning: the sampler hit its tree-depth limit \(1024 leapfrog steps\) in 30% of transitions \(1800 of 6000\), /);
  // A record from before tree-depth hits were kept has no such row.
  const { tree_depth_hits: _, ...older } = ok;
  assert.deepEqual(posteriorDiagnostics(older).checks.map((c) => c.key), ['chains', 'max_rhat', 'min_ess', 'divergences']);
});

test('posteriorDiagnostics: a stuck parameter is never shown as the finite maximum; without the model the sampler line states only what the summary records', () => {
  const d = posteriorDiagnostics({ ...ok, converged: false, stuck_parameters: [{ name: 'sigma', reason: 'not-moving' }, { name: 'tv', reason: 'chains-apart' }] });
  assert.equal(check({ ...ok, converged: false, stuck_parameters: [{ name: 'sigma', reason: 'not-moving' }] }, 'max_rhat')?.text, 'not finite');
  assert.equal(d.verdict, 'The chains did not converge, so treat the ROI intervals with care. R-hat is not finite for sigma (did not move), tv (chains stuck at different values).');
  assert.equal(d.checks[0].text, '4 × 1,500');
  const { target_accept: _, ...legacy } = ok;
  // No sampler record: the metric is unknown (dense is the default now, diag was before), so it is not claimed.
  assert.equal(posteriorDiagnostics(ok).sampler, 'NUTS, target acceptance 0.9.');
  assert.equal(posteriorDiagnostics(legacy).sampler, '');
});

test('roiPriorSentence: the prior for every channel, its source and note; a ridge fit says whether its posterior used it', () => {
  const prior = { median: Math.exp(0.2), sd_log: 0.9, source: 'default' as const };
  assert.equal(roiPriorSentence({ roi_prior: prior, roi_prior_note: null, posterior: ok }),
    'ROI prior, the same for every channel: log-normal with median 1.22 and σ of log ROI 0.9, the default, Meridian\'s for revenue in the spend\'s currency (for a pipeline, bookings or margin KPI, whose ROIs run on another scale, give a prior of your own or none).');
  assert.equal(roiPriorSentence({ roi_prior: { median: 0.4481, sd_log: 1.5, source: 'data-scaled' }, roi_prior_note: 'no ROI prior was given', posterior: ok }),
    'ROI prior, the same for every channel: log-normal with median 0.448 and σ of log ROI 1.5, weak, scaled to the data (the fit had none). no ROI prior was given.');
  assert.equal(roiPriorSentence({ roi_prior: null, roi_prior_note: null, posterior: ok }), 'ROI prior: not recorded (a model written before it was).');
  // Ridge: the prior weighted the hyperparameter posterior, unless the model was the lowest score.
  const ridge = { roi_prior: { median: 2, sd_log: 0.5 }, roi_prior_note: null, posterior: null };
  const search = (selectionRule: string) => ({ search: { nCandidates: 1, objectives: [], chosen: { objectives: [], score: 0 }, pareto: [], selectionRule } });
  assert.equal(roiPriorSentence(ridge, search(`${POSTERIOR_SELECTION_RULE}; the posterior weights each sample by a log-normal prior`)),
    'ROI prior, the same for every channel: log-normal with median 2 and σ of log ROI 0.5; it weighted the hyperparameter posterior that chose the model.');
  assert.match(roiPriorSentence(ridge, search(SELECTION_RULE)) ?? '', /; not used, since the model was the search's lowest score/);
  assert.equal(roiPriorSentence(ridge), 'ROI prior, the same for every channel: log-normal with median 2 and σ of log ROI 0.5.');
  assert.equal(roiPriorSentence({ roi_prior: null, roi_prior_note: null, posterior: null }), null, 'a ridge fit without a prior: nothing to say');
  assert.equal(roiPriorSentence({ roi_prior: null, roi_prior_note: 'spend and KPI differ', posterior: null }), 'No ROI prior: the ROIs come from the data alone. spend and KPI differ.');
});

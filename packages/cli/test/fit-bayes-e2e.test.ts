// End-to-end: `mixwise fit --method bayes` samples the joint posterior and writes it where the
// contract says (summary.json posterior record and credible intervals, model.json diagnostics and draws).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { mixwise, tempDir } from './run-mixwise.ts';

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

test('fit --method bayes writes the posterior: diagnostics, credible intervals from the draws, and the convergence line', () => {
  const sim = mixwise(['simulate', '--preset', 'retail', '--seed', '2', '--out', join(dir, 'sim')]);
  assert.equal(sim.status, 0, sim.stderr);
  const fit = mixwise(['fit', join(dir, 'sim', 'data.csv'), '--target', 'revenue', '--controls', 'price', '--adstock', 'geometric', '--max-lag', '8',
    '--iterations', '1500', '--workers', '1', '--method', 'bayes', '--chains', '2', '--warmup', '60', '--draws', '40', '--out', join(dir, 'fit')]);
  assert.equal(fit.status, 0, fit.stderr);
  assert.match(fit.stdout, /Posterior \(NUTS, 2 chains × 40 draws\): max R-hat \d\.\d{3,6}, min bulk ESS \d+, \d+ divergent transitions/);
  assert.match(fit.stderr, /sample/);
  const model = JSON.parse(readFileSync(join(dir, 'fit', 'model.json'), 'utf8'));
  assert.equal(model.spec.method, 'bayes');
  assert.deepEqual([model.bayes.chains, model.bayes.warmup, model.bayes.draws], [2, 60, 40]);
  assert.equal(model.bootstrapRoi.length, 80); // min(stored 200, 2 × 40 draws)
  const names = model.bayes.parameters.map((p: { name: string }) => p.name);
  assert.ok(names.includes('log_sigma') && names.includes('tv.log_roi'), names.join(', '));
  const summary = JSON.parse(readFileSync(join(dir, 'fit', 'summary.json'), 'utf8'));
  assert.deepEqual(Object.keys(summary.posterior).sort(), ['chains', 'converged', 'divergences', 'draws', 'max_rhat', 'max_tree_depth', 'min_ess', 'sampler', 'stuck_parameters', 'target_accept', 'tree_depth_hits']);
  assert.equal(summary.posterior.tree_depth_hits, model.bayes.treeDepthHits);
  // The prior the sampler used (the revenue default here) is in model.json, summary.json and the printout.
  assert.deepEqual(summary.roi_prior, { median: model.bayes.roiPrior.median, sd_log: model.bayes.roiPrior.sdLog, source: 'default' });
  assert.match(fit.stdout, /tree-depth hits \(\d+\.\d%\); ROI prior log-normal median 1\.22, σ_log 0\.9 \(default\)/);
  // summary.json's warnings carry the verdict when the chains did not converge (these runs are short).
  assert.equal(summary.warnings.some((w: { code: string }) => w.code === 'NOT_CONVERGED'), !summary.posterior.converged);
  // The optimizer calls the draws what they are.
  const opt = mixwise(['optimize', '--model', join(dir, 'fit')]);
  assert.equal(opt.status, 0, opt.stderr);
  assert.match(opt.stdout, /Curves: the mean over 80 posterior draws \(NUTS\) of the model/);
  assert.doesNotMatch(opt.stdout, /bootstrap/);
  const optJson = JSON.parse(mixwise(['optimize', '--model', join(dir, 'fit'), '--json']).stdout);
  assert.equal(optJson.uncertainty.source, 'posterior');
  assert.match(optJson.uncertainty.method, /^posterior draws \(NUTS\)/);
  assert.equal(summary.posterior.max_rhat, model.bayes.maxRhat);
  assert.equal(summary.posterior.target_accept, 0.95, 'the default');
  // Each interval is the 5–95% range of the stored draws' ROIs for that channel.
  summary.channels.forEach((c: { roi_interval: [number, number] }, k: number) => {
    const draws = model.bootstrapRoi.map((r: number[]) => r[k]).sort((a: number, b: number) => a - b);
    assert.ok(c.roi_interval[0] >= draws[0] && c.roi_interval[1] <= draws[draws.length - 1]);
    assert.ok(c.roi_interval[0] < c.roi_interval[1]);
  });
  // The BI exports carry the posterior: the verdict, and every stored draw's ROI with its chain.
  const csv = (name: string) => readFileSync(join(dir, 'fit', 'exports', 'csv', `${name}.csv`), 'utf8').trim().split('\n').map((l) => l.split(','));
  const [head, row] = csv('posterior_summary');
  assert.deepEqual(head, ['sampler', 'chains', 'warmup', 'draws', 'divergences', 'tree_depth_hits', 'max_rhat', 'min_ess', 'converged', 'run_id']);
  assert.deepEqual([row[0], row[1], row[3], Number(row[6]), row[8]], ['nuts', '2', '40', summary.posterior.max_rhat, summary.posterior.converged ? '1' : '0']);
  const draws = csv('posterior_roi_draws').slice(1);
  assert.equal(draws.length, 80 * model.channels.length);
  for (const [draw, chain, , channel, roi] of draws) {
    const k = model.channels.findIndex((c: { name: string }) => c.name === channel);
    assert.equal(Number(roi), model.bootstrapRoi[Number(draw) - 1][k]);
    assert.equal(chain, Number(draw) <= 40 ? '1' : '2');
  }
  assert.equal(csv('posterior_parameters').length - 1, model.bayes.parameters.length);
});

test('sampler flags without --method bayes, --draws below 4 or --target-accept outside (0, 1) are usage errors (exit 2)', () => {
  const a = mixwise(['fit', 'x.csv', '--target', 'y', '--chains', '2', '--out', join(dir, 'x')]);
  assert.equal(a.status, 2);
  assert.match(a.stderr, /--chains only apply with --method bayes/);
  const b = mixwise(['fit', 'x.csv', '--target', 'y', '--method', 'bayes', '--draws', '3', '--out', join(dir, 'x')]);
  assert.equal(b.status, 2);
  assert.match(b.stderr, /--draws must be at least 4/);
  const c = mixwise(['fit', 'x.csv', '--target', 'y', '--target-accept', '0.9', '--out', join(dir, 'x')]);
  assert.equal(c.status, 2);
  assert.match(c.stderr, /--target-accept only apply with --method bayes/);
  const d = mixwise(['fit', 'x.csv', '--target', 'y', '--method', 'bayes', '--target-accept', '1', '--out', join(dir, 'x')]);
  assert.equal(d.status, 2);
  assert.match(d.stderr, /expected a number between 0 and 1/);
});

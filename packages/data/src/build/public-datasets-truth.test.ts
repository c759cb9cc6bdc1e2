// Public data sets with a known truth (../shared/datasets; PyMC-Marketing's simulated examples, whose
// true ROAS the SOURCE.md files derive from the generating process), fitted with the real `mixwise fit`
// launcher and default settings. Their spend is on a unitless 0–1 scale next to a KPI in the hundreds
// or thousands, so the default ROI prior must stand aside (defaultRoiPrior). Prints every estimate
// against the truth so it can be quoted.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const datasets = fileURLToPath(new URL('../../../../../shared/datasets/', import.meta.url));
const mmmExample = `${datasets}pymc_mmm_example/mmm_example.csv`;
const roas = `${datasets}pymc_roas_confounding/mmm_roas_data.csv`;
const outDirs: string[] = [];
after(() => { for (const d of outDirs) rmSync(d, { recursive: true, force: true }); });

interface Summary {
  channels: { name: string; roi: number; roi_interval: [number, number] | null }[];
  roi_prior: { median: number; sd_log: number } | null;
  roi_prior_note: string | null;
}

function fit(label: string, args: string[], truth: Record<string, number>): Summary {
  const out = mkdtempSync(join(tmpdir(), 'mixwise-truth-'));
  outDirs.push(out);
  const r = spawnSync(process.execPath, [join(repo, 'packages/cli/bin/mixwise.js'), 'fit', ...args, '--json', '--out', out], {
    cwd: repo, encoding: 'utf8', timeout: 300_000, env: { ...process.env, NO_COLOR: '1' },
  });
  assert.equal(r.status, 0, `${label}: exit ${r.status}\n${r.stderr}`);
  const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
  console.log(`${label}: ${s.channels.map((c) => `${c.name} ROI ${c.roi.toFixed(1)} vs true ${truth[c.name]} (${(100 * (c.roi / truth[c.name] - 1)).toFixed(1)}%)`
    + `${c.roi_interval ? `, 90% [${c.roi_interval[0].toFixed(1)}, ${c.roi_interval[1].toFixed(1)}]` : ''}`).join('; ')}; ROI prior ${JSON.stringify(s.roi_prior)}`);
  return s;
}

const relError = (s: Summary, truth: Record<string, number>, name: string): number => {
  const c = s.channels.find((ch) => ch.name === name);
  assert.ok(c, `channel ${name} missing`);
  return c.roi / truth[name] - 1;
};

test('pymc_mmm_example: unitless spend → no ROI prior, with a note; the bursty channel x2 within 10% of its true ROAS', { skip: existsSync(mmmExample) ? false : 'shared datasets not present' }, () => {
  // True ROAS from the documented generating process (SOURCE.md): contribution / spend over all 179 weeks.
  const truth = { x1: 4967.8, x2: 2274.9 };
  const s = fit('pymc_mmm_example', [mmmExample, '--target', 'y', '--date', 'date_week', '--channels', 'x1,x2'], truth);
  assert.equal(s.roi_prior, null);
  assert.match(s.roi_prior_note ?? '', /do not look like the same currency/);
  // x2 is dark in 82% of weeks, so its curve is pinned from zero up: an oracle knowing the curve has a 3% standard error.
  assert.ok(Math.abs(relError(s, truth, 'x2')) < 0.1, `x2 error ${relError(s, truth, 'x2')}`);
  // x1 is always on: its ROI rests on the unobserved curve near zero spend (docs/model.md §12); only its sign is asserted.
  assert.ok(relError(s, truth, 'x1') > -1);
});

test('pymc_roas_confounding: with the confounder z as a control both ROAS are recovered; leaving z out credits x1 more', { skip: existsSync(roas) ? false : 'shared datasets not present' }, () => {
  const truth = { x1: 93.39, x2: 171.41 };
  const base = [roas, '--target', 'y', '--date', 'date', '--channels', 'x1,x2'];
  const withZ = fit('pymc_roas_confounding, z as a control', [...base, '--controls', 'z'], truth);
  assert.equal(withZ.roi_prior, null);
  // Oracle standard errors (true curves known, least squares): 12% for x1, 3% for x2.
  assert.ok(Math.abs(relError(withZ, truth, 'x1')) < 0.35, `x1 error ${relError(withZ, truth, 'x1')}`);
  assert.ok(Math.abs(relError(withZ, truth, 'x2')) < 0.25, `x2 error ${relError(withZ, truth, 'x2')}`);
  const naive = fit('pymc_roas_confounding, z left out', base, truth);
  assert.ok(relError(naive, truth, 'x1') > relError(withZ, truth, 'x1'), 'z raises both x1 and y, so without it x1 should get more credit');
  // An explicit prior is used as given.
  const priored = fit('pymc_roas_confounding, --roi-prior 100,0.5', [...base, '--controls', 'z', '--roi-prior', '100,0.5'], truth);
  assert.deepEqual(priored.roi_prior, { median: 100, sd_log: 0.5, source: 'given' });
  assert.equal(priored.roi_prior_note, null);
});

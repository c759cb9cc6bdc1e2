import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitMmm, simulatePreset } from '@mixwise/engine';
import { writeRunFiles } from './write-run-files.ts';

test('response_curves.csv in the run folder has the same header and rows as the exported response_curves table', async () => {
  const sim = simulatePreset('retail', 2);
  const model = await fitMmm(sim.table, { holdout: 13, search: {
    iterations: 300, trials: 1, seed: 1, bootstrap: 0, posterior: 0,
    weights: { nrmseTrain: 1, nrmseValidation: 1, decompRssd: 0, mapeLift: 1 },
  } });
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-run-'));
  await writeRunFiles(dir, model);
  const run = readFileSync(join(dir, 'response_curves.csv'), 'utf8').trim().split('\n');
  const exported = readFileSync(join(dir, 'exports', 'csv', 'response_curves.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(run[0], 'channel,spend_per_period,kpi_per_period,marginal_kpi_per_spend,is_current');
  // The exported table adds the run_id every export table ends with.
  assert.equal(exported[0], `${run[0]},run_id`);
  assert.equal(exported.length, run.length);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitMmm, simulatePreset, type AdstockSpec, type SaturationSpec } from '@mixwise/engine';
import { DataError } from '../issue.ts';
import { parseConfigText } from './load-config.ts';
import { configSpec, configToRun } from './config-to-run.ts';

const config = (tv: string, search = '') => `version: 1
data: { path: sales.csv }
columns:
  target: revenue
  channels:
    - { name: tv, spend: tv_spend, adstock: geometric, bounds: { adstock: { alpha: ${tv} } } }
    - { name: search, spend: search_spend${search} }
`;

test('a fixed hyperparameter (one number, or lower == upper) is accepted and the fit reports exactly that value', async () => {
  const sim = simulatePreset('retail', 2);
  // tv: alpha fixed by one number; search: Hill half-saturation (searched on a log scale) fixed by [x, x].
  const run = configToRun(parseConfigText(config('0.5', ', saturation: hill, bounds: { saturation: { half_saturation: [1.3, 1.3] } }'), 'mixwise.yaml', '/p'));
  const channels = sim.table.channels.filter((c) => c.name === 'tv' || c.name === 'search');
  const table = { ...sim.table, channels };
  const spec = configSpec(run, table);
  assert.deepEqual(spec.channels?.map((c) => c.bounds), [{ adstock: { alpha: [0.5, 0.5] } }, { saturation: { halfSaturation: [1.3, 1.3] } }]);
  const model = await fitMmm(table, { ...spec, search: { iterations: 200, trials: 1, seed: 1, bootstrap: 0, posterior: 300, weights: { nrmseTrain: 1, nrmseValidation: 1, decompRssd: 0, mapeLift: 1 } } });
  const model2 = JSON.parse(JSON.stringify(model)) as typeof model;
  const tv = model2.channels[0].adstock as Extract<AdstockSpec, { type: 'geometric' }>;
  const search = model2.channels[1].saturation as Extract<SaturationSpec, { type: 'hill' }>;
  assert.equal(tv.type, 'geometric');
  assert.equal(tv.alpha, 0.5);
  assert.equal(search.halfSaturation, 1.3);
  // Every stored alternative keeps them too.
  for (const alt of model2.search.pareto) {
    assert.equal((alt.channels[0].adstock as { alpha: number }).alpha, 0.5);
    assert.equal((alt.channels[1].saturation as { halfSaturation: number }).halfSaturation, 1.3);
  }
});

test('a lower bound above the upper one is still refused, saying how to fix a parameter', () => {
  assert.throws(() => parseConfigText(config('[0.6, 0.5]'), 'mixwise.yaml', '/p'), (err: unknown) => {
    assert.ok(err instanceof DataError);
    assert.match(err.issues.map((i) => i.message).join('\n'), /the lower bound must not be above the upper bound \(give one number, or \[x, x\], to fix the parameter\)/);
    return true;
  });
});

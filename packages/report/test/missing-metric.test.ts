import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_WEIGHTS, fitMmm, modelDiagnostics, simulatePreset, summarizeModel } from '@mixwise/engine';
import { formatRatio } from '@mixwise/charts';
import { renderReport } from '../src/index.ts';
import { metricText } from '../src/sections/fit-section.ts';

test('metricText: a metric that cannot be computed (null from diagnostics.json, NaN, ±Infinity) reads n/a', () => {
  assert.equal(metricText(null, formatRatio), 'n/a');
  assert.equal(metricText(Number.NEGATIVE_INFINITY, formatRatio), 'n/a');
  assert.equal(metricText(Number.NaN, formatRatio), 'n/a');
  assert.equal(metricText(0.5, formatRatio), '0.50');
});

test('a holdout adjusted R² stored as null in diagnostics.json reads n/a in the fit table, never −∞', async () => {
  const model = await fitMmm(simulatePreset('retail', 2).table, {
    holdout: 8, search: { iterations: 60, trials: 1, seed: 1, bootstrap: 0, posterior: 0, weights: DEFAULT_WEIGHTS },
  });
  const diagnostics = modelDiagnostics(model);
  assert.ok(diagnostics.holdout !== null);
  // As `mixwise report` reads it back: JSON writes -Infinity (and NaN) as null.
  const stored = JSON.parse(JSON.stringify({ ...diagnostics, holdout: { ...diagnostics.holdout, adj_r2: Number.NEGATIVE_INFINITY } })) as typeof diagnostics;
  assert.equal(stored.holdout?.adj_r2, null);
  const page = renderReport({ model, summary: summarizeModel(model), diagnostics: stored });
  const cell = /<td class="num" data-field="holdout\.adj_r2" data-value="">([^<]*)<\/td>/.exec(page);
  assert.ok(cell, 'the holdout adjusted R² cell');
  assert.equal(cell[1], 'n/a');
  assert.ok(!page.includes('−∞'));
});

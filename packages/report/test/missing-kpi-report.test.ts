import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_WEIGHTS, fitMmm, simulatePreset, summarizeModel } from '@mixwise/engine';
import { renderReport } from '../src/index.ts';

test('periods without a KPI: the metric headers count the scored periods and the warning stands above them', async () => {
  // Three training periods and one held-out period left out of the fit (skip_missing_kpi).
  const model = await fitMmm(simulatePreset('retail', 2).table, {
    holdout: 8, search: { iterations: 100, trials: 1, seed: 1, bootstrap: 0, posterior: 0, weights: DEFAULT_WEIGHTS },
  });
  const actual = [...model.actual];
  for (const t of [20, 21, 22, model.window.end - 3]) actual[t] = NaN;
  const gappy = { ...model, actual };
  const page = renderReport({ model: gappy, summary: summarizeModel(gappy) });
  const n = model.window.end - model.window.start;
  assert.ok(page.includes(`in sample (${n - 8} periods, ${n - 11} with a KPI)`), 'in-sample header');
  assert.ok(page.includes('holdout (8 periods, 7 with a KPI)'), 'holdout header');
  assert.ok(page.includes('data-code="KPI_NOT_OBSERVED"'));
});

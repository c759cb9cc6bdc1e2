import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_WEIGHTS, decompose, fitMmm, simulatePreset, summarizeModel, type SummaryResult } from '@mixwise/engine';
import { coefficientsTable } from './coefficients.ts';
import { decompositionLongTable } from './decomposition-long.ts';
import { hyperparametersTable } from './hyperparameters.ts';
import { organicSummaryTable } from './organic-summary.ts';
import { exportTables } from '../export-tables.ts';

test('organic media in the exports: group organic, reference 0 (against zero exposure), their curve in hyperparameters', async () => {
  const table = simulatePreset('retail', 2).table;
  const sends = Float64Array.from(table.dates, (_, t) => (t % 4 === 0 ? 5000 : 200));
  const model = await fitMmm({ ...table, organic: [{ name: 'newsletter', column: 'newsletter', values: sends }] }, {
    search: { iterations: 100, trials: 1, seed: 1, bootstrap: 0, posterior: 0, weights: DEFAULT_WEIGHTS },
  });
  const coef = coefficientsTable(model);
  const row = coef.rows.find((r) => r[0] === 'newsletter');
  assert.ok(row !== undefined);
  assert.deepEqual(row.slice(1, 4), ['organic', model.organic?.[0].coef, 0]);
  const decomposition = decompose(model);
  const long = decompositionLongTable(model, decomposition);
  const organicRows = long.rows.filter((r) => r[1] === 'newsletter');
  assert.equal(organicRows.length, model.window.end - model.window.start);
  assert.ok(organicRows.every((r) => r[2] === 'organic' && (r[3] as number) >= 0));
  const hyper = hyperparametersTable(model).rows.filter((r) => r[0] === 'newsletter');
  assert.deepEqual(hyper.find((r) => r[3] === 'input_scale')?.[4], model.organic?.[0].scale);
  assert.equal(model.channels.some((c) => c.name === 'newsletter'), false);
  // Exposure, contribution and share, as summary.json's organic (and stdout and the report), in a table of their own.
  const summary = summarizeModel(model, decomposition);
  const o = summary.organic?.[0];
  assert.ok(o);
  const organic = organicSummaryTable(summary);
  assert.deepEqual(organic.rows, [['newsletter', o.exposure, o.contribution, o.contribution_interval?.[0] ?? null, o.contribution_interval?.[1] ?? null, o.share_of_kpi, o.effect_timing.peak_lag, o.effect_timing.lag_50, o.effect_timing.lag_90, o.effect_timing.period]]);
  const rowsTotal = organicRows.reduce((s, r) => s + (r[3] as number), 0);
  assert.ok(Math.abs(o.contribution - rowsTotal) <= 1e-6 * Math.max(1, Math.abs(o.contribution)), `the decomposition rows add up to it: ${o.contribution} vs ${rowsTotal}`);
  assert.ok(exportTables(model, { summary, decomposition }).some((t) => t.name === 'organic_summary'));
  assert.ok(!exportTables({ ...model, organic: [] }).some((t) => t.name === 'organic_summary'), 'none without organic media');
});

test('organic_summary: the contribution interval of summary.json, null where the fit has none', () => {
  const timing = { peak_lag: 0, lag_50: 1, lag_90: 3, period: 'week' };
  const summary = { organic: [
    { name: 'newsletter', exposure: 1000, contribution: 500, share_of_kpi: 0.1, effect_timing: timing, contribution_interval: [300, 800] },
    { name: 'social', exposure: 10, contribution: 5, share_of_kpi: 0.001, effect_timing: timing },
  ] } as unknown as SummaryResult;
  const t = organicSummaryTable(summary);
  const col = (name: string): number => t.columns.findIndex((c) => c.name === name);
  assert.deepEqual(t.rows.map((r) => [r[0], r[col('contribution_low')], r[col('contribution_high')]]), [['newsletter', 300, 800], ['social', null, null]]);
});

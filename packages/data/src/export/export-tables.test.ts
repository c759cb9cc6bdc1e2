import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fittedFixture, type FittedFixture } from './fitted-fixture.ts';
import { exportTables, EXPORT_TABLE_NAMES } from './export-tables.ts';
import { exportTable, type ExportCell, type ExportTable } from './export-table.ts';
import { modelPerformanceTable } from './tables/model-performance.ts';
import { channelSummaryTable, cpaInterval } from './tables/channel-summary.ts';
import { summarizeModel } from '@mixwise/engine';
import { runId } from './run-id.ts';
import { liftTestsTable } from './tables/lift-tests.ts';

/** The tables without their last column, run_id, after checking it holds runId(model) on every row. */
function bare(all: readonly ExportTable[], id: string): ExportTable[] {
  return all.map((t) => {
    assert.deepEqual(t.columns.at(-1), { name: 'run_id', type: 'text' }, t.name);
    for (const r of t.rows) assert.equal(r.at(-1), id, t.name);
    return { ...t, columns: t.columns.slice(0, -1), rows: t.rows.map((r) => r.slice(0, -1)) };
  });
}

let fx: FittedFixture;
let tables: Map<string, ExportTable>;
before(async () => {
  fx = await fittedFixture();
  tables = new Map(bare(exportTables(fx.model, { summary: fx.summary, decomposition: fx.decomposition }), runId(fx.model)).map((t) => [t.name, t]));
});

const get = (name: string): ExportTable => tables.get(name) as ExportTable;
const col = (t: ExportTable, name: string): ExportCell[] => {
  const j = t.columns.findIndex((c) => c.name === name);
  assert.ok(j >= 0, `${t.name}.${name} missing`);
  return t.rows.map((r) => r[j]);
};
const close = (a: number, b: number, rel = 1e-9, what = ''): void => {
  assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
};

test('the ten documented tables, in order, with stable snake_case columns, each ending with run_id', () => {
  assert.deepEqual([...tables.keys()], [...EXPORT_TABLE_NAMES]);
  const shape = Object.fromEntries([...tables.values()].map((t) => [t.name, t.columns.map((c) => `${c.name}:${c.type}`).join(',')]));
  assert.deepEqual(shape, {
    run_info: 'target:text,kpi_kind:text,frequency:text,window_start:date,window_end:date,periods:integer,holdout:integer,method:text,seed:integer,'
      + 'source_file:text,source_sha256:text,model_schema_version:integer,schema_version:integer,mixwise_version:text,currency:text',
    model_performance: 'metric:text,sample:text,value:real,periods:integer',
    channel_summary: 'channel:text,spend:real,contribution:real,roi:real,mroi:real,share_of_spend:real,share_of_effect:real,roi_low:real,roi_high:real,cpa:real,cpa_low:real,cpa_high:real,immediate_share:real,'
      + 'peak_lag:integer,lag_50:integer,lag_90:integer,lag_period:text',
    decomposition: 'date:date,component:text,group:text,value:real',
    predictions: 'date:date,actual:real,fitted:real,residual:real,sample:text',
    hyperparameters: 'channel:text,family:text,kernel:text,parameter:text,value:real',
    coefficients: 'term:text,group:text,coefficient:real,reference:real',
    response_curves: 'channel:text,spend_per_period:real,kpi_per_period:real,marginal_kpi_per_spend:real,is_current:integer',
    spend: 'date:date,channel:text,spend:real,in_window:integer',
    pareto_models: 'model_rank:integer,is_default:integer,score:real,lambda:real,nrmse_train:real,nrmse_validation:real,decomp_rssd:real,mape_lift:real,'
      + 'channel:text,roi:real,adstock:text,adstock_params:text,saturation:text,saturation_params:text',
  });
});

test('model_performance: train metrics recomputed by hand from actual and fitted, holdout rows present', () => {
  const t = get('model_performance');
  assert.equal(t.rows.length, 14);
  const { model, decomposition: d } = fx;
  const fitEnd = model.window.end - model.holdout; // 143
  const value = (metric: string, sample: string) => t.rows.find((r) => r[0] === metric && r[1] === sample)?.[2] as number;
  // R² = 1 − SS_res / SS_tot and RMSE = √(mean residual²) over the training rows [0, 143).
  let mean = 0;
  for (let i = 0; i < fitEnd; i++) mean += d.actual[i] / fitEnd;
  let ssRes = 0, ssTot = 0;
  for (let i = 0; i < fitEnd; i++) {
    ssRes += (d.actual[i] - d.fitted[i]) ** 2;
    ssTot += (d.actual[i] - mean) ** 2;
  }
  close(value('r2', 'train'), 1 - ssRes / ssTot, 1e-9, 'r2');
  close(value('rmse', 'train'), Math.sqrt(ssRes / fitEnd), 1e-9, 'rmse');
  assert.deepEqual(t.rows.filter((r) => r[1] === 'train').map((r) => r[3]), Array(7).fill(143));
  assert.deepEqual(t.rows.filter((r) => r[1] === 'holdout').map((r) => r[3]), Array(7).fill(13));
  assert.equal(value('mape', 'holdout'), fx.summary.fit.holdout?.mape);
  // Adjusted R² on 13 holdout rows with 16 regressors is undefined: NULL, not NaN.
  assert.equal(value('adj_r2', 'holdout'), null);
  const noHoldout = modelPerformanceTable({ ...fx.model, holdout: 0 }, { ...fx.summary, fit: { ...fx.summary.fit, holdout: null } });
  assert.deepEqual(noHoldout.rows.map((r) => r.slice(0, 2).join('/')), ['r2', 'adj_r2', 'rmse', 'mae', 'mape', 'wmape', 'nrmse'].map((m) => `${m}/train`));
  assert.deepEqual(noHoldout.rows.map((r) => r[3]), Array(7).fill(156));
  // Periods left out of the fit (skip_missing_kpi) are not scored: 3 of them in training, 2 in the holdout;
  // the metrics are summary.json's, computed over the periods with a KPI.
  const gappyModel = { ...fx.model, actual: fx.model.actual.map((v, t) => ([20, 21, 22, 146, 150].includes(t) ? NaN : v)) };
  const gappySummary = summarizeModel(gappyModel);
  const gappy = modelPerformanceTable(gappyModel, gappySummary);
  assert.deepEqual(gappy.rows.filter((r) => r[1] === 'train').map((r) => r[3]), Array(7).fill(140));
  assert.deepEqual(gappy.rows.filter((r) => r[1] === 'holdout').map((r) => r[3]), Array(7).fill(11));
  assert.equal(gappy.rows.find((r) => r[0] === 'r2' && r[1] === 'train')?.[2], gappySummary.fit.r2);
  assert.equal(gappySummary.fit.holdout?.observed, 11);
});

test('channel_summary equals summary.json and the sums of spend and decomposition', () => {
  const t = get('channel_summary');
  assert.deepEqual(col(t, 'channel'), fx.model.channels.map((c) => c.name));
  fx.summary.channels.forEach((c, k) => {
    const row = t.rows[k];
    assert.deepEqual(row, [c.name, c.spend, c.contribution, c.roi, c.mroi, c.share_of_spend, c.share_of_effect,
      c.roi_interval?.[0], c.roi_interval?.[1], null, null, null, c.immediate_share,
      c.effect_timing?.peak_lag, c.effect_timing?.lag_50, c.effect_timing?.lag_90, c.effect_timing?.period]);
    // The fixture's weekly fit records when each effect lands: lags in weeks, peak ≤ half ≤ 90%.
    assert.equal(row[16], 'week');
    assert.ok((row[13] as number) <= (row[15] as number) && (row[14] as number) <= (row[15] as number), JSON.stringify(row.slice(13)));
    const spend = fx.model.channels[k].spend.reduce((s, v) => s + v, 0);
    const contribution = fx.decomposition.components.find((x) => x.name === c.name)?.values.reduce((s, v) => s + v, 0) as number;
    close(row[1] as number, spend, 1e-12, 'spend');
    close(row[2] as number, contribution, 1e-12, 'contribution');
    close(row[3] as number, contribution / spend, 1e-12, 'roi');
    assert.ok((row[7] as number) <= (row[8] as number));
  });
  close((col(t, 'share_of_spend') as number[]).reduce((a, b) => a + b, 0), 1, 1e-12, 'Σ share_of_spend');
});

test('channel_summary of a count KPI: cpa_low/cpa_high = [1/roi_high, 1/roi_low], cpa_high NULL when roi_low ≤ 0 (unbounded); NULL for revenue', () => {
  assert.deepEqual(cpaInterval([0.02, 0.05]), [20, 50]);
  // A low ROI end at or below 0 leaves the CPA unbounded above; its lower bound still holds.
  assert.deepEqual(cpaInterval([0, 0.05]), [20, null]);
  assert.deepEqual(cpaInterval([-0.01, 0.05]), [20, null]);
  assert.deepEqual(cpaInterval([-0.02, 0]), [null, null]);
  assert.equal(cpaInterval(null), null);
  const counted = { ...fx.summary, channels: fx.summary.channels.map((c, k) => ({ ...c, cpa: 1 / c.roi, roi_interval: (k === 0 ? [-0.1, 0.3] : c.roi_interval) as [number, number] | null })) };
  const t = channelSummaryTable(counted, 'count');
  const low = col(t, 'cpa_low');
  const high = col(t, 'cpa_high');
  counted.channels.forEach((c, k) => {
    const roi = c.roi_interval;
    if (roi === null) {
      assert.equal(low[k], null, c.name);
      assert.equal(high[k], null, c.name);
      return;
    }
    if (roi[1] > 0) close(low[k] as number, 1 / roi[1], 1e-12, `${c.name} cpa_low`); else assert.equal(low[k], null, c.name);
    if (roi[0] > 0) close(high[k] as number, 1 / roi[0], 1e-12, `${c.name} cpa_high`); else assert.equal(high[k], null, c.name);
  });
  assert.ok(low.slice(1).some((v) => v !== null), 'the fixture has ROI intervals above zero');
  close(low[0] as number, 1 / 0.3, 1e-12, 'a low ROI end below 0 keeps the lower CPA bound');
  assert.equal(high[0], null);
  assert.deepEqual([...new Set([...col(get('channel_summary'), 'cpa_low'), ...col(get('channel_summary'), 'cpa_high')])], [null], 'revenue: no CPA interval');
});

test('decomposition: periods × components rows, each date sums to the fitted KPI', () => {
  const t = get('decomposition');
  const nComp = fx.decomposition.components.length;
  assert.equal(nComp, 16);
  assert.equal(t.rows.length, 156 * nComp);
  const byDate = new Map<string, number>();
  for (const [date, , , value] of t.rows) byDate.set(date as string, (byDate.get(date as string) ?? 0) + (value as number));
  assert.equal(byDate.size, 156);
  const pred = get('predictions');
  for (const [date, , fitted] of pred.rows) close(byDate.get(date as string) as number, fitted as number, 1e-9, `Σ ${date}`);
  assert.deepEqual(t.rows.slice(0, nComp).map((r) => [r[1], r[2]]), fx.decomposition.components.map((c) => [c.name, c.group]));
  assert.deepEqual(new Set(col(t, 'group')), new Set(['intercept', 'trend', 'seasonality', 'event', 'control', 'media']));
});

test('predictions: actual from the data, residual = actual − fitted, last 13 rows are the holdout', () => {
  const t = get('predictions');
  assert.equal(t.rows.length, 156);
  assert.deepEqual(col(t, 'date'), fx.model.dates);
  assert.deepEqual(col(t, 'actual'), fx.model.actual);
  for (const [, actual, fitted, residual] of t.rows) assert.equal(residual, (actual as number) - (fitted as number));
  assert.deepEqual(col(t, 'sample'), [...Array(143).fill('train'), ...Array(13).fill('holdout')]);
});

test('hyperparameters and coefficients match model.json', () => {
  const h = get('hyperparameters');
  const c = get('coefficients');
  for (const ch of fx.model.channels) {
    const rows = h.rows.filter((r) => r[0] === ch.name);
    const adstock = Object.fromEntries(rows.filter((r) => r[1] === 'adstock').map((r) => [r[3], r[4]]));
    const saturation = Object.fromEntries(rows.filter((r) => r[1] === 'saturation').map((r) => [r[3], r[4]]));
    const { type: at, ...ap } = ch.adstock;
    const { type: st, ...sp } = ch.saturation;
    assert.deepEqual(adstock, { ...ap, max_lag: ch.maxLag });
    assert.deepEqual(saturation, { ...sp, input_scale: ch.scale });
    assert.deepEqual(new Set(rows.map((r) => r[2])), new Set([at, st]));
  }
  assert.equal(c.rows.length, 1 + fx.model.baseline.length + fx.model.channels.length);
  assert.deepEqual(c.rows[0], ['intercept', 'intercept', fx.model.intercept, 0]);
  // A baseline term's decomposition value is coefficient × (regressor − reference); the intercept's
  // is the intercept plus Σ coefficient × reference.
  let shifted = fx.model.intercept;
  for (const b of fx.model.baseline) {
    const [, , coef, reference] = c.rows.find((r) => r[0] === b.name) as [string, string, number, number];
    const comp = fx.decomposition.components.find((x) => x.name === b.name)?.values as Float64Array;
    for (let i = 0; i < 156; i += 17) close(comp[i], coef * (b.values[i] - reference), 1e-9, b.name);
    shifted += coef * reference;
  }
  close(fx.decomposition.components[0].values[0], shifted, 1e-12, 'intercept');
  // The fixture's price never reaches 0: it is measured against its mean over the 143 fitted rows.
  const price = fx.model.baseline.find((b) => b.name === 'price');
  if (price) close(c.rows.find((r) => r[0] === 'price')?.[3] as number, price.values.slice(0, 143).reduce((a, v) => a + v, 0) / 143, 1e-12, 'price reference');
  assert.deepEqual(c.rows.slice(-5).map((r) => [r[0], r[1]]), fx.model.channels.map((ch) => [ch.name, 'media']));
});

test('response_curves: 0 … 3× current spend, closed-form Hill value at the current spend, marginal = slope', () => {
  const t = get('response_curves');
  assert.equal(t.rows.length, 5 * 102);
  fx.model.channels.forEach((ch, k) => {
    const rows = t.rows.filter((r) => r[0] === ch.name);
    const current = rows.filter((r) => r[4] === 1);
    assert.equal(current.length, 1);
    const x = fx.summary.channels[k].spend / 156;
    close(current[0][1] as number, x, 1e-12, 'current spend');
    close(rows[100][1] as number, 3 * x, 1e-12, 'top of grid');
    assert.equal(rows[0][1], 0);
    assert.equal(ch.saturation.type, 'hill');
    if (ch.saturation.type === 'hill') {
      // Normalised adstock weights sum to 1, so a sustained spend x reaches the curve as x / input_scale:
      // kpi = coef · u^s / (u^s + h^s), u = x / scale (Hill curve, Jin et al. 2017 eq. 3).
      const u = x / ch.scale, { shape: s, halfSaturation: hs } = ch.saturation;
      close(current[0][2] as number, ch.coef * u ** s / (u ** s + hs ** s), 1e-9, `${ch.name} kpi`);
    }
    if (ch.saturation.type === 'hill') {
      // Marginal KPI per unit of spend: the closed-form derivative of the Hill curve,
      // d/dx coef·u^s/(u^s + h^s) = (coef / scale) · s·u^(s−1)·h^s / (u^s + h^s)², u = x / scale.
      const { shape: s, halfSaturation: hs } = ch.saturation;
      for (let i = 10; i < 100; i += 10) {
        const u = (rows[i][1] as number) / ch.scale;
        const slope = (ch.coef / ch.scale) * s * u ** (s - 1) * hs ** s / (u ** s + hs ** s) ** 2;
        close(rows[i][3] as number, slope, 1e-9, `${ch.name} marginal at ${i}`);
      }
    }
  });
});

test('extra tables are appended and checked; a clash or a bad cell is refused', () => {
  const scenarios = exportTable('budget_scenarios', [{ name: 'scenario', type: 'text' }, { name: 'budget', type: 'real' }], [['base', 1e6]]);
  const all = bare(exportTables(fx.model, { summary: fx.summary, decomposition: fx.decomposition, extraTables: [scenarios] }), runId(fx.model));
  assert.deepEqual(all.map((t) => t.name), [...EXPORT_TABLE_NAMES, 'budget_scenarios']);
  assert.deepEqual(all.at(-1)?.rows, [['base', 1e6]]);
  assert.throws(() => exportTables(fx.model, { extraTables: [{ ...scenarios, name: 'predictions' }] }), /two tables are named "predictions"/);
  assert.throws(() => exportTables(fx.model, { extraTables: [{ ...scenarios, rows: [['base', 'lots']] }] }), /budget_scenarios: row 0 column "budget"/);
});

test('lift_tests: added after response_curves for a calibrated model, with summary.json\'s numbers', () => {
  const ch = fx.model.channels[0].name;
  const model = { ...fx.model, spec: { ...fx.model.spec, liftTests: [{ channel: ch, start: fx.model.dates[100], end: fx.model.dates[107], measuredThrough: fx.model.dates[110], lift: 250000 }] } };
  const all = bare(exportTables(model), runId(model));
  assert.deepEqual(all.map((t) => t.name), [...EXPORT_TABLE_NAMES, 'lift_tests']);
  const t = all[all.length - 1];
  assert.equal(t.columns.map((c) => `${c.name}:${c.type}`).join(','),
    'channel:text,start_date:date,end_date:date,measured_through:date,measured:real,standard_error:real,predicted:real,predicted_low:real,predicted_high:real,z:real,geos:text');
  const [s] = summarizeModel(model).lift_tests;
  assert.ok(s.predicted_interval !== null);
  assert.deepEqual(t.rows, [[ch, fx.model.dates[100], fx.model.dates[107], fx.model.dates[110], 250000, s.standard_error, s.predicted, s.predicted_interval[0], s.predicted_interval[1], s.z, null]], 'a national test has no geos (NULL)');
  // A geo test (geo-level fits) lists its geos as the lift-test file writes them.
  const summary = summarizeModel(model);
  const geoRow = liftTestsTable({ ...summary, lift_tests: [{ ...s, geos: ['north', 'south'] }] }).rows[0];
  assert.equal(geoRow[geoRow.length - 1], 'north|south');
});

test('posterior tables: a Bayesian fit adds the sampler summary, every parameter and each stored draw\'s ROI with its chain', () => {
  // The fixture's 20 bootstrap replicates stand in for 2 chains × 10 kept draws, all stored.
  const parameters = [
    { name: 'tv.log_roi', mean: 0.1, sd: 0.2, q05: -0.2, q50: 0.1, q95: 0.4, rhat: 1.004, ess: 812 },
    { name: 'sigma.log', mean: -2, sd: 0.05, q05: -2.1, q50: -2, q95: -1.9, rhat: Number.NaN, ess: Number.NaN },
  ];
  const model = { ...fx.model, bayes: { sampler: 'nuts' as const, chains: 2, warmup: 50, draws: 10, divergences: 3, treeDepthHits: 1, stepSizes: [0.2, 0.3], maxRhat: 1.004, minEss: 812, parameters } };
  const all = bare(exportTables(model), runId(model));
  assert.deepEqual(all.map((t) => t.name), [...EXPORT_TABLE_NAMES, 'posterior_summary', 'posterior_parameters', 'posterior_roi_draws']);
  const [summaryT, paramsT, drawsT] = all.slice(-3);
  assert.deepEqual(summaryT.rows, [['nuts', 2, 50, 10, 3, 1, 1.004, 812, 0]], 'divergences mean not converged');
  assert.deepEqual(paramsT.rows, [['tv.log_roi', 0.1, 0.2, -0.2, 0.1, 0.4, 1.004, 812], ['sigma.log', -2, 0.05, -2.1, -2, -1.9, null, null]]);
  const names = fx.model.channels.map((c) => c.name);
  assert.equal(drawsT.rows.length, 20 * names.length);
  const roi = fx.model.bootstrapRoi ?? [];
  // Draw 13 (1-based) is chain 2's third kept draw.
  const at13 = drawsT.rows.filter((r) => r[0] === 13);
  assert.deepEqual(at13, names.map((n, k) => [13, 2, 3, n, roi[12][k]]));
  assert.deepEqual(exportTables(fx.model).slice(-1)[0].name, 'pareto_models', 'a ridge fit has no posterior tables');
});

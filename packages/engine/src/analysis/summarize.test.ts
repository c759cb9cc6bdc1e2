import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel, ModelChannel } from '../model/mmm-model.ts';
import { MODEL_SCHEMA_VERSION } from '../model/mmm-model.ts';
import { defaultModelSpec } from '../spec/model-spec.ts';
import { createRng } from '../random/rng.ts';
import { channelContribution } from '../model/channel-response.ts';
import { completeSummary, convergenceFailures, higherTargetAccept, summarizeModel } from './summarize.ts';
import { reviveActual } from '../spec/observed-rows.ts';

const N = 52, START = 2, END = 50, HOLDOUT = 8;

/** A hand-built model: 52 weeks, window rows [2, 50), last 8 held out, three channels. */
function model(kind: 'revenue' | 'count' = 'revenue', bootstrapRoi: number[][] = []): MmmModel {
  const rng = createRng(17);
  const spend = (p: number, level: number) => Array.from({ length: N }, () => (rng.next() < p ? 0 : level * (0.3 + rng.next())));
  const ch = (name: string, s: number[], alpha: number, half: number, shape: number, scale: number, coef: number): ModelChannel => ({
    name, column: `${name}_spend`, spend: s, adstock: { type: 'geometric', alpha }, maxLag: 5,
    saturation: { type: 'hill', halfSaturation: half, shape }, scale, coef,
  });
  const channels = [
    ch('tv', spend(0.4, 5000), 0.6, 1.2, 2, 4000, 30000),
    ch('search', spend(0.05, 2000), 0.1, 0.8, 0.9, 1800, 9000),
    ch('social', spend(0.2, 1500), 0.3, 1, 1.3, 1200, 2500),
  ];
  const trend = Array.from({ length: N }, (_, t) => t / (N - 1));
  return {
    schemaVersion: MODEL_SCHEMA_VERSION,
    target: { name: kind === 'count' ? 'orders' : 'revenue', kind },
    frequency: 'weekly',
    dates: Array.from({ length: N }, (_, t) => new Date(Date.UTC(2022, 0, 3 + 7 * t)).toISOString().slice(0, 10)),
    window: { start: START, end: END },
    holdout: HOLDOUT,
    spec: defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: channels.map((c) => c.name) }),
    intercept: 50000,
    channels,
    baseline: [
      { name: 'trend', kind: 'trend', values: trend, coef: 8000 },
      { name: 'sin1', kind: 'seasonality', values: trend.map((_, t) => Math.sin((2 * Math.PI * t) / 52)), coef: 3000 },
      { name: 'price', kind: 'control', values: trend.map((_, t) => 10 + (t % 4)), coef: -500 },
    ],
    actual: Array.from({ length: N }, () => 80000 + 10000 * rng.next()),
    search: { nCandidates: 0, objectives: [], chosen: { objectives: [], score: 0 }, pareto: [], selectionRule: 'none' },
    bootstrapRoi,
  };
}

const sum = (v: ArrayLike<number>, a: number, b: number) => {
  let s = 0;
  for (let t = a; t < b; t++) s += v[t];
  return s;
};
const close = (a: number, b: number, rel = 1e-10, what = '') => assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1e-300), `${what} ${a} vs ${b}`);

test('totals over the window: spend, contribution, ROI = contribution / spend, periods and dates', () => {
  const m = model();
  const s = summarizeModel(m);
  assert.equal(s.target, 'revenue');
  assert.equal(s.periods, 48);
  assert.deepEqual(s.window, { start: m.dates[START], end: m.dates[END - 1] });
  for (const [k, ch] of m.channels.entries()) {
    const c = s.channels[k];
    assert.equal(c.name, ch.name);
    close(c.spend, sum(ch.spend, START, END), 1e-12, `${ch.name} spend`);
    close(c.contribution, sum(channelContribution(ch), START, END), 1e-12, `${ch.name} contribution`);
    close(c.roi, c.contribution / c.spend, 1e-12, `${ch.name} roi`);
    assert.ok(c.roi > 0);
  }
});

test('shares of spend and of effect each sum to 1 and match their definitions', () => {
  const s = summarizeModel(model());
  const spend = s.channels.reduce((a, c) => a + c.spend, 0);
  const effect = s.channels.reduce((a, c) => a + c.contribution, 0);
  close(s.channels.reduce((a, c) => a + c.share_of_spend, 0), 1, 1e-12);
  close(s.channels.reduce((a, c) => a + c.share_of_effect, 0), 1, 1e-12);
  for (const c of s.channels) {
    close(c.share_of_spend, c.spend / spend, 1e-12);
    close(c.share_of_effect, c.contribution / effect, 1e-12);
  }
  close(s.totals.spend, spend, 1e-12);
  close(s.totals.mediaContribution, effect, 1e-12);
});

test('baseline + media = fitted total; baseline groups; KPI total', () => {
  const m = model();
  const s = summarizeModel(m);
  close(s.baseline.contribution + s.totals.mediaContribution, s.totals.fitted, 1e-12);
  close(s.totals.kpi, sum(m.actual, START, END), 1e-12);
  const trendTotal = sum(m.baseline[0].values, START, END) * 8000;
  close(s.baseline.components.trend, trendTotal, 1e-12, 'trend');
  // price (10…13) never reaches 0: it is measured against its mean over the fitted rows [START, END − HOLDOUT),
  // and −500 × that mean joins the intercept in every period.
  const priceMean = sum(m.baseline[2].values, START, END - HOLDOUT) / (END - HOLDOUT - START);
  close(s.baseline.components.intercept, (50000 - 500 * priceMean) * 48, 1e-12, 'intercept');
  close(s.baseline.components.control, -500 * (sum(m.baseline[2].values, START, END) - 48 * priceMean), 1e-9, 'control');
  close(s.baseline.share, s.baseline.contribution / s.totals.fitted, 1e-12);
});

test('mROI = d(Σ window contribution)/d(multiplier on the window\'s spend) / spend, warm-up spend held fixed', () => {
  const m = model();
  const s = summarizeModel(m);
  const h = 1e-5;
  // Only rows [START, END) are scaled: spend in the warm-up rows before START keeps its carryover.
  const scaled = (spend: readonly number[], f: number) => spend.map((v, t) => (t >= START && t < END ? v * f : v));
  for (const [k, ch] of m.channels.entries()) {
    const up = sum(channelContribution(ch, scaled(ch.spend, 1 + h)), START, END);
    const down = sum(channelContribution(ch, scaled(ch.spend, 1 - h)), START, END);
    close(s.channels[k].mroi, (up - down) / (2 * h) / s.channels[k].spend, 1e-6, `${ch.name} mroi`);
  }
});

test('mROI with a long warm-up does not credit the warm-up spend\'s carryover to the window', () => {
  // tv (alpha 0.6) with the window starting at row 30: scaling the whole history instead of the window's spend overstates mROI.
  const base = model();
  const m: MmmModel = { ...base, window: { start: 30, end: END }, holdout: 4 };
  const s = summarizeModel(m);
  const ch = m.channels[0];
  const h = 1e-5;
  const window = (f: number) => sum(channelContribution(ch, ch.spend.map((v, t) => (t >= 30 && t < END ? v * f : v))), 30, END);
  const whole = (f: number) => sum(channelContribution(ch, ch.spend.map((v) => v * f)), 30, END);
  const expected = (window(1 + h) - window(1 - h)) / (2 * h) / s.channels[0].spend;
  const wholeSeries = (whole(1 + h) - whole(1 - h)) / (2 * h) / s.channels[0].spend;
  close(s.channels[0].mroi, expected, 1e-6, 'tv mroi');
  assert.ok(wholeSeries > expected * 1.01, `whole-series slope ${wholeSeries} should exceed the window's ${expected}`);
});

test('CPA = spend / contribution for a count KPI, null for revenue', () => {
  for (const c of summarizeModel(model('revenue')).channels) assert.equal(c.cpa, null);
  const s = summarizeModel(model('count'));
  assert.equal(s.target, 'orders');
  for (const c of s.channels) {
    assert.ok(c.cpa !== null);
    close(c.cpa, c.spend / c.contribution, 1e-12);
  }
});

test('roi_interval: 5% and 95% quantiles of the bootstrap replicates (NaN dropped), null below 10', () => {
  // channel 0 replicates 0.1, 0.2, …, 3.1 (shuffled) plus a NaN: numpy.quantile(arange(1, 32) / 10, [0.05, 0.95]) = [0.25, 2.95]
  // channel 1 replicates 0.1 … 3.1 reversed → same; channel 2 constant 4.
  const rng = createRng(2);
  const vals = Array.from({ length: 31 }, (_, i) => (i + 1) / 10);
  for (let i = vals.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [vals[i], vals[j]] = [vals[j], vals[i]];
  }
  const reps = vals.map((v, i) => [v, (31 - i) / 10, 4]);
  reps.push([NaN, NaN, NaN]);
  const s = summarizeModel(model('revenue', reps));
  const [lo, hi] = s.channels[0].roi_interval ?? [NaN, NaN];
  close(lo, 0.25, 1e-12);
  close(hi, 2.95, 1e-12);
  const [lo1, hi1] = s.channels[1].roi_interval ?? [NaN, NaN];
  close(lo1, 0.25, 1e-12);
  close(hi1, 2.95, 1e-12);
  assert.deepEqual(s.channels[2].roi_interval, [4, 4]);
  // 10 replicates: numpy.quantile(arange(1, 11) / 10, [0.05, 0.95]) = [0.145, 0.955]
  const ten = summarizeModel(model('revenue', Array.from({ length: 10 }, (_, i) => [(i + 1) / 10, 1, 1])));
  const [l10, h10] = ten.channels[0].roi_interval ?? [NaN, NaN];
  close(l10, 0.145, 1e-12);
  close(h10, 0.955, 1e-12);
  const nine = summarizeModel(model('revenue', Array.from({ length: 9 }, (_, i) => [i, 1, 1])));
  assert.equal(nine.channels[0].roi_interval, null);
  assert.equal(summarizeModel(model()).channels[0].roi_interval, null);
});

test('fit block: in-sample metrics over the fit rows, a holdout block with its period count', () => {
  const m = model();
  const s = summarizeModel(m);
  assert.equal(s.fit.holdout?.periods, HOLDOUT);
  // fitted = intercept + Σ baseline + Σ channels, rebuilt here; R² = 1 − SSE/SST, MAPE = mean |e / actual|
  const media = m.channels.map((ch) => channelContribution(ch));
  const fitted = m.actual.map((_, t) => m.intercept + m.baseline.reduce((a, b) => a + b.coef * b.values[t], 0) + media.reduce((a, c) => a + c[t], 0));
  const metrics = (a: number, b: number) => {
    const mean = sum(m.actual, a, b) / (b - a);
    let sse = 0, sst = 0, ape = 0;
    for (let t = a; t < b; t++) {
      sse += (m.actual[t] - fitted[t]) ** 2;
      sst += (m.actual[t] - mean) ** 2;
      ape += Math.abs((m.actual[t] - fitted[t]) / m.actual[t]);
    }
    return { r2: 1 - sse / sst, mape: ape / (b - a) };
  };
  const fitEnd = END - HOLDOUT;
  close(s.fit.r2, metrics(START, fitEnd).r2, 1e-9, 'r2');
  close(s.fit.mape, metrics(START, fitEnd).mape, 1e-9, 'mape');
  close(s.fit.holdout?.r2 ?? NaN, metrics(fitEnd, END).r2, 1e-9, 'holdout r2');
  assert.equal(summarizeModel({ ...m, holdout: 0 }).fit.holdout, null);
});

test('completeSummary: an older summary without lift_tests gets them from the model; a current one is kept as is', () => {
  const base = model();
  const calibrated: MmmModel = { ...base, spec: { ...base.spec, liftTests: [{ channel: 'tv', start: base.dates[10], end: base.dates[17], lift: 90000 }] } };
  const current = summarizeModel(calibrated);
  assert.equal(current.lift_tests.length, 1);
  const { lift_tests: _, ...older } = current;
  assert.deepEqual(completeSummary(older, calibrated).lift_tests, current.lift_tests);
  // A stored field wins, even when the model would say otherwise (the file is the record of the run).
  const stored = { ...current, lift_tests: [] };
  assert.deepEqual(completeSummary(stored, calibrated).lift_tests, []);
});

test('effect_timing: each channel\'s fitted geometric adstock, in weeks; an older summary without it gets it from the model', () => {
  const m = model();
  const s = summarizeModel(m);
  // maxLag 5, shares (1 − a^(L+1)) / (1 − a^6): tv a = 0.6 → 0.42, 0.67, 0.83, 0.91 ⇒ 50% by 1, 90% by 3;
  // search a = 0.1 → 0.9 at lag 0 ⇒ 0, 0 (0.9 / (1 − 1e-6) ≥ 0.9); social a = 0.3 → 0.70, 0.91 ⇒ 0, 1.
  assert.deepEqual(s.channels.map((c) => [c.name, c.effect_timing]), [
    ['tv', { peak_lag: 0, lag_50: 1, lag_90: 3, period: 'week' }],
    ['search', { peak_lag: 0, lag_50: 0, lag_90: 0, period: 'week' }],
    ['social', { peak_lag: 0, lag_50: 0, lag_90: 1, period: 'week' }],
  ]);
  const older = { ...s, channels: s.channels.map(({ effect_timing: _, ...c }) => c) };
  assert.deepEqual(completeSummary(older, m).channels, s.channels);
});

test('convergenceFailures: R-hat below 1.01, bulk ESS at least 100 per chain and no divergences, each checked at its edge', () => {
  const ok = { chains: 4, max_rhat: 1.0099, min_ess: 400, divergences: 0 };
  assert.deepEqual(convergenceFailures(ok), []);
  assert.deepEqual(convergenceFailures({ ...ok, max_rhat: 1.01 }), ['rhat']);
  assert.deepEqual(convergenceFailures({ ...ok, min_ess: 399.9 }), ['ess']);
  assert.deepEqual(convergenceFailures({ ...ok, divergences: 1 }), ['divergences']);
  assert.deepEqual(convergenceFailures({ chains: 2, max_rhat: Number.NaN, min_ess: 150, divergences: 3 }), ['rhat', 'ess', 'divergences']);
  // The summary's verdict is the same rule on the model's diagnostics.
  const bayes = { sampler: 'nuts' as const, chains: 4, warmup: 500, draws: 500, divergences: 0, treeDepthHits: 0, stepSizes: [0.1], maxRhat: 1.004, minEss: 400, parameters: [] };
  assert.equal(summarizeModel({ ...model(), bayes }).posterior?.converged, true);
  assert.equal(summarizeModel({ ...model(), bayes }).posterior?.target_accept, 0.8, 'a model from before the setting');
  assert.equal(summarizeModel({ ...model(), bayes: { ...bayes, targetAccept: 0.95 } }).posterior?.target_accept, 0.95);
  assert.deepEqual([0.6, 0.8, 0.9, 0.95, 0.99, undefined].map(higherTargetAccept), [0.9, 0.9, 0.95, 0.99, undefined, 0.9]);
  assert.equal(summarizeModel({ ...model(), bayes: { ...bayes, minEss: 399 } }).posterior?.converged, false);
});

test('a stuck parameter (R-hat not finite) fails convergence even when the finite R-hats are fine', () => {
  const ok = { chains: 4, max_rhat: 1.002, min_ess: 400, divergences: 0 };
  assert.deepEqual(convergenceFailures({ ...ok, stuck_parameters: [{ name: 'tv.log_roi', reason: 'chains-apart' }] }), ['rhat']);
  assert.deepEqual(convergenceFailures({ ...ok, stuck_parameters: [] }), []);
  const bayes = { sampler: 'nuts' as const, chains: 4, warmup: 500, draws: 500, divergences: 0, treeDepthHits: 0, stepSizes: [0.1], maxRhat: 1.002, minEss: 400, parameters: [],
    stuckParameters: [{ name: 'sigma', reason: 'not-moving' as const }] };
  const s = summarizeModel({ ...model(), bayes });
  assert.equal(s.posterior?.converged, false);
  assert.deepEqual(s.posterior?.stuck_parameters, [{ name: 'sigma', reason: 'not-moving' }]);
  const w = s.warnings.find((x) => x.code === 'NOT_CONVERGED');
  assert.match(w?.message ?? '', /R-hat undefined for sigma \(the parameter did not move in any chain\)/);
});

test('summary.json: tree-depth hits in the posterior record; the non-convergence and a frequent tree-depth limit are warnings', () => {
  const bayes = { sampler: 'nuts' as const, chains: 2, warmup: 200, draws: 200, divergences: 0, treeDepthHits: 40, stepSizes: [0.1, 0.1], maxRhat: 1.004, minEss: 400, parameters: [] };
  const ok = summarizeModel({ ...model(), bayes });
  assert.equal(ok.posterior?.tree_depth_hits, 40);
  assert.equal(ok.posterior?.max_tree_depth, 10);
  assert.equal(ok.posterior?.converged, true);
  assert.deepEqual(ok.warnings.filter((x) => x.code === 'NOT_CONVERGED' || x.code === 'TREE_DEPTH_LIMIT'), [], '10% of 400 transitions is not above the limit');
  const slow = summarizeModel({ ...model(), bayes: { ...bayes, treeDepthHits: 120, maxRhat: 1.05 } });
  assert.equal(slow.posterior?.converged, false);
  assert.deepEqual(slow.warnings.map((x) => x.code).filter((c) => c === 'NOT_CONVERGED' || c === 'TREE_DEPTH_LIMIT'), ['NOT_CONVERGED', 'TREE_DEPTH_LIMIT']);
  assert.match(slow.warnings.find((x) => x.code === 'TREE_DEPTH_LIMIT')!.message, /tree-depth limit \(1024 leapfrog steps\) in 30% of transitions \(120 of 400\)/);
  // An older summary without warnings gets them from the model, the sampler's included.
  const { warnings: _dropped, ...older } = slow;
  assert.deepEqual(completeSummary(older, { ...model(), bayes: { ...bayes, treeDepthHits: 120, maxRhat: 1.05 } }).warnings, slow.warnings);
});

/** model() with the KPI of rows 10–13 and 20 (in sample) and 46 (holdout) unknown: NaN. */
const MISSING = [10, 11, 12, 13, 20, 46];
function gapModel(): MmmModel {
  const m = model();
  return { ...m, actual: m.actual.map((a, t) => (MISSING.includes(t) ? NaN : a)) };
}

test('missing KPI: totals.kpi over the observed window periods, missing_kpi lists them; spend, contributions, ROI and baseline as without the gap', () => {
  const full = summarizeModel(model());
  const m = gapModel();
  const s = summarizeModel(m);
  let kpi = 0;
  for (let t = START; t < END; t++) if (!MISSING.includes(t)) kpi += m.actual[t];
  close(s.totals.kpi, kpi, 1e-12, 'kpi');
  assert.ok(Number.isFinite(s.totals.kpi));
  assert.deepEqual(s.missing_kpi, { periods: 6, dates: MISSING.map((t) => m.dates[t]) });
  assert.equal('missing_kpi' in full, false, 'absent when every period has a KPI');
  // Everything the model estimates is untouched by the KPI being unknown.
  assert.deepEqual(s.channels, full.channels);
  assert.deepEqual(s.baseline, full.baseline);
  assert.deepEqual({ ...s.totals, kpi: 0 }, { ...full.totals, kpi: 0 });
  assert.equal(s.periods, full.periods);
  // Fit metrics are finite and over the observed rows; the holdout records its observed count.
  assert.ok(Number.isFinite(s.fit.r2) && Number.isFinite(s.fit.rmse));
  assert.equal(s.fit.holdout?.periods, HOLDOUT);
  assert.equal(s.fit.holdout?.observed, HOLDOUT - 1);
  assert.ok(s.warnings.some((w) => w.code === 'KPI_NOT_OBSERVED'));
  // A window period outside it (row 0, warm-up) does not count.
  const warm = summarizeModel({ ...model(), actual: model().actual.map((a, t) => (t === 0 ? NaN : a)) });
  assert.equal('missing_kpi' in warm, false);
});

test('missing KPI: a holdout with no KPI at all has no holdout metrics (null)', () => {
  const m = model();
  const s = summarizeModel({ ...m, actual: m.actual.map((a, t) => (t >= END - HOLDOUT ? NaN : a)) });
  assert.equal(s.fit.holdout, null);
  assert.equal(s.missing_kpi?.periods, HOLDOUT);
  close(s.fit.r2, summarizeModel(m).fit.r2, 1e-12, 'in-sample r2');
});

test('missing KPI: model.json round trip (NaN written as null, reviveActual on reading) gives the same summary', () => {
  const m = gapModel();
  const text = JSON.stringify(m);
  assert.match(text, /"actual":\[[^\]]*null/);
  const parsed = JSON.parse(text) as MmmModel & { actual: (number | null)[] };
  const back: MmmModel = { ...parsed, actual: reviveActual(parsed.actual) };
  assert.deepEqual(JSON.parse(JSON.stringify(summarizeModel(back))), JSON.parse(JSON.stringify(summarizeModel(m))));
  assert.deepEqual(summarizeModel(back).totals, summarizeModel(m).totals);
  // Without reviveActual the nulls would read as a KPI of 0: a different total.
  const zero: MmmModel = { ...parsed, actual: parsed.actual.map((v) => v ?? 0) };
  assert.notEqual(summarizeModel(zero).fit.r2, summarizeModel(m).fit.r2);
});

test('missing KPI: a model.json read without reviveActual (null in actual) still gives the same summary, not a KPI of 0', () => {
  const m = gapModel();
  const parsed = JSON.parse(JSON.stringify(m)) as MmmModel;
  assert.deepEqual(JSON.parse(JSON.stringify(summarizeModel(parsed))), JSON.parse(JSON.stringify(summarizeModel(m))));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel, ModelBaselineTerm, ModelChannel } from '../model/mmm-model.ts';
import { MODEL_SCHEMA_VERSION } from '../model/mmm-model.ts';
import { defaultModelSpec } from '../spec/model-spec.ts';
import { createRng } from '../random/rng.ts';
import { normal } from '../random/distributions.ts';
import { channelContribution } from '../model/channel-response.ts';
import { decompose } from './decomposition.ts';
import { modelDiagnostics } from './diagnostics.ts';
import { durbinWatson } from '../stats/durbin-watson.ts';
import { ljungBox } from '../stats/ljung-box.ts';
import { jarqueBera } from '../stats/jarque-bera.ts';
import { shapiroWilk } from '../stats/shapiro-wilk.ts';
import { dagostinoK2 } from '../stats/dagostino-k2.ts';
import { fitMetrics } from './fit-metrics.ts';

const N = 160;
const HOLDOUT = 20;
const FIT_END = N - HOLDOUT;

/**
 * A hand-built model whose residuals we choose: actual = fitted + residuals. Regressors: trend, a control
 * `price`, optionally an exact copy of it, and one channel.
 */
function model(residuals: (t: number) => number, opts: { duplicate?: boolean; extra?: ModelBaselineTerm[]; coef?: number } = {}): MmmModel {
  const rng = createRng(21);
  const price = Array.from({ length: N }, () => 20 + 5 * rng.next());
  const channels: ModelChannel[] = [{
    name: 'tv', column: 'tv_spend', spend: Array.from({ length: N }, () => (rng.next() < 0.3 ? 0 : 1000 * rng.next())),
    adstock: { type: 'geometric', alpha: 0.5 }, maxLag: 6, saturation: { type: 'hill', halfSaturation: 1, shape: 1.5 }, scale: 500, coef: opts.coef ?? 300,
  }];
  const baseline: ModelBaselineTerm[] = [
    { name: 'trend', kind: 'trend', values: Array.from({ length: N }, (_, t) => t / (N - 1)), coef: 80 },
    { name: 'price', kind: 'control', values: price, coef: -10 },
    ...(opts.duplicate === true ? [{ name: 'price_copy', kind: 'control' as const, values: price.slice(), coef: -5 }] : []),
    ...(opts.extra ?? []),
  ];
  const base: MmmModel = {
    schemaVersion: MODEL_SCHEMA_VERSION,
    target: { name: 'sales', kind: 'revenue' },
    frequency: 'weekly',
    dates: Array.from({ length: N }, (_, t) => new Date(Date.UTC(2021, 0, 4 + 7 * t)).toISOString().slice(0, 10)),
    window: { start: 0, end: N },
    holdout: HOLDOUT,
    spec: defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: ['tv'] }),
    intercept: 2000,
    channels,
    baseline,
    actual: new Array<number>(N).fill(0),
    search: { nCandidates: 0, objectives: [], chosen: { objectives: [], score: 0 }, pareto: [], selectionRule: 'none' },
    bootstrapRoi: [],
  };
  const fitted = decompose(base).fitted;
  return { ...base, actual: Array.from(fitted, (f, t) => f + residuals(t)) };
}

function whiteNoise(seed: number): (t: number) => number {
  const rng = createRng(seed);
  const e = Array.from({ length: N }, () => normal(rng, 0, 50));
  return (t) => e[t];
}

/** AR(1) with φ = 0.85: strongly positively autocorrelated. */
function ar1(seed: number): (t: number) => number {
  const rng = createRng(seed);
  const e = new Float64Array(N);
  for (let t = 0; t < N; t++) e[t] = (t > 0 ? 0.85 * e[t - 1] : 0) + normal(rng, 0, 50);
  return (t) => e[t];
}

const dw = (m: MmmModel) => {
  const d = modelDiagnostics(m).residualTests.find((r) => r.name === 'Durbin–Watson');
  assert.ok(d !== undefined);
  return d;
};

test('Durbin–Watson equals Σ(eₜ − eₜ₋₁)² / Σeₜ² over the in-sample rows only (holdout excluded)', () => {
  const white = whiteNoise(3);
  // The holdout rows get a huge alternating residual: counting them would pull d towards 4.
  const m = model((t) => (t >= FIT_END ? (t % 2 === 0 ? 1e5 : -1e5) : white(t)));
  let num = 0, den = 0;
  for (let t = 0; t < FIT_END; t++) {
    den += white(t) ** 2;
    if (t > 0) num += (white(t) - white(t - 1)) ** 2;
  }
  const d = dw(m);
  assert.ok(Math.abs(d.statistic - num / den) < 1e-6, `${d.statistic} vs ${num / den}`);
});

test('Durbin–Watson flags AR(1) residuals and not white-noise ones', () => {
  let whiteFlags = 0;
  for (let seed = 1; seed <= 20; seed++) {
    const w = dw(model(whiteNoise(seed)));
    const a = dw(model(ar1(seed)));
    assert.ok(a.flagged, `AR(1) seed ${seed}: d = ${a.statistic}`);
    assert.ok(a.statistic < 1, `AR(1) seed ${seed}: d = ${a.statistic} (expected ≈ 2(1 − 0.85) = 0.3)`);
    assert.ok(Math.abs(w.statistic - 2) < 0.6, `white seed ${seed}: d = ${w.statistic}`);
    if (w.flagged) whiteFlags++;
  }
  // a 5% test on independent residuals: P(more than 4 of 20 flagged) = 0.0026 (binomial 20, 0.05)
  assert.ok(whiteFlags <= 4, `white noise flagged ${whiteFlags} times in 20`);
  assert.equal(dw(model(whiteNoise(3))).flagged, false);
});

test('Durbin–Watson above 2 (alternating residuals) reads as negative autocorrelation, not as a missing driver', () => {
  // AR(1) with φ = −0.7: each residual tends to flip the sign of the last; d ≈ 2(1 + 0.7) = 3.4.
  const rng = createRng(5);
  const e = new Float64Array(N);
  for (let t = 0; t < N; t++) e[t] = (t > 0 ? -0.7 * e[t - 1] : 0) + normal(rng, 0, 50);
  const neg = dw(model((t) => e[t]));
  assert.ok(neg.flagged && neg.statistic > 3, `d = ${neg.statistic}`);
  assert.match(neg.flag, /^negative autocorrelation, residuals alternating in sign/);
  assert.match(neg.flag, /too-flexible fit|event dummy/);
  assert.doesNotMatch(neg.flag, /missing driver/);
  const pos = dw(model(ar1(5)));
  assert.ok(pos.flagged && pos.statistic < 1);
  assert.equal(pos.flag, 'residuals are autocorrelated: a missing driver, lag or seasonality, or a trend that bends, which trend changepoints fit');
});

test('Ljung–Box also flags the autocorrelated residuals; every test reports a p-value in [0, 1]', () => {
  const d = modelDiagnostics(model(ar1(7)));
  const lb = d.residualTests.find((r) => r.name.startsWith('Ljung–Box'));
  assert.ok(lb?.flagged);
  assert.equal(lb.name, 'Ljung–Box (10 lags)');
  assert.deepEqual(d.residualTests.map((r) => r.name), ['Durbin–Watson', 'Ljung–Box (10 lags)', 'Jarque–Bera', 'Shapiro–Wilk', "D'Agostino K²"]);
  for (const r of d.residualTests) assert.ok(r.pValue >= 0 && r.pValue <= 1, `${r.name}: ${r.pValue}`);
});

test('VIF of an exactly duplicated regressor is huge; the others stay moderate', () => {
  const dup = modelDiagnostics(model(whiteNoise(2), { duplicate: true })).vif;
  assert.deepEqual(dup.map((v) => v.name), ['trend', 'price', 'price_copy', 'tv']);
  const by = Object.fromEntries(dup.map((v) => [v.name, v.vif]));
  assert.ok(by.price > 1e6, String(by.price));
  assert.ok(by.price_copy > 1e6, String(by.price_copy));
  assert.ok(by.trend >= 1 && by.trend < 2, String(by.trend));
  assert.ok(by.tv >= 1 && by.tv < 2, String(by.tv));
  const plain = modelDiagnostics(model(whiteNoise(2))).vif;
  for (const v of plain) assert.ok(v.vif >= 1 && v.vif < 2, `${v.name}: ${v.vif}`);
});

test('a channel enters the VIF as its saturated adstock even when its coefficient is 0', () => {
  const probe = model(() => 0);
  const media = Array.from(channelContribution({ ...probe.channels[0], coef: 1 }));
  const m = model(whiteNoise(4), { coef: 0, extra: [{ name: 'tv_shadow', kind: 'control', values: media, coef: 0 }] });
  const by = Object.fromEntries(modelDiagnostics(m).vif.map((v) => [v.name, v.vif]));
  assert.ok(by.tv > 1e6 && by.tv_shadow > 1e6, `${by.tv} ${by.tv_shadow}`);
});

test('accuracy in sample and on the holdout, over the right rows', () => {
  const white = whiteNoise(9);
  const m = model(white);
  const d = modelDiagnostics(m);
  assert.equal(d.inSample.periods, FIT_END);
  assert.equal(d.holdout?.periods, HOLDOUT);
  const r2 = (from: number, to: number) => {
    let mean = 0;
    for (let t = from; t < to; t++) mean += m.actual[t];
    mean /= to - from;
    let sse = 0, sst = 0;
    for (let t = from; t < to; t++) { sse += white(t) ** 2; sst += (m.actual[t] - mean) ** 2; }
    return 1 - sse / sst;
  };
  assert.ok(Math.abs(d.inSample.r2 - r2(0, FIT_END)) < 1e-9);
  assert.ok(Math.abs((d.holdout?.r2 ?? NaN) - r2(FIT_END, N)) < 1e-9);
  const noHoldout = modelDiagnostics({ ...m, holdout: 0 });
  assert.equal(noHoldout.holdout, null);
  assert.equal(noHoldout.inSample.periods, N);
});

test('periods without a KPI: autocorrelation over true successive pairs, normality over the observed residuals; VIFs are unchanged', () => {
  const white = whiteNoise(9);
  const m = model(white);
  // A 6-week outage, two single missing weeks in sample and two in the holdout.
  const missing = new Set([30, 31, 32, 33, 34, 35, 77, 101, FIT_END + 3, FIT_END + 4]);
  const gap: MmmModel = { ...m, actual: m.actual.map((a, t) => (missing.has(t) ? NaN : a)) };
  const d = modelDiagnostics(gap);
  const kept = Array.from({ length: FIT_END }, (_, t) => t).filter((t) => !missing.has(t));
  const resid = Float64Array.from(kept, (t) => white(t));
  // The autocorrelation tests get the series with NaN at the missing periods, never the closed-up one.
  const series = Array.from({ length: FIT_END }, (_, t) => (missing.has(t) ? NaN : white(t)));
  const expected = [durbinWatson(series), ljungBox(series, 10), jarqueBera(resid), shapiroWilk(resid), dagostinoK2(resid)];
  assert.notEqual(expected[0].statistic, durbinWatson(resid).statistic);
  assert.notEqual(expected[1].statistic, ljungBox(resid, 10).statistic);
  assert.equal(d.residualTests.length, 5);
  // The name gives d's centre under no autocorrelation, which the broken pairs pull below 2.
  assert.equal(d.residualTests[0].name, `Durbin–Watson (about ${durbinWatson(series).centre.toFixed(2)} without autocorrelation, as periods without a KPI break pairs)`);
  assert.ok(durbinWatson(series).centre < 1.95);
  d.residualTests.forEach((r, i) => {
    assert.ok(Math.abs(r.statistic - expected[i].statistic) <= 1e-9 * Math.abs(expected[i].statistic), `${r.name}: ${r.statistic} vs ${expected[i].statistic}`);
    assert.ok(Math.abs(r.pValue - expected[i].pValue) <= 1e-9, `${r.name}: p ${r.pValue} vs ${expected[i].pValue}`);
    assert.ok(Number.isFinite(r.statistic) && Number.isFinite(r.pValue));
  });
  // Metrics: those of the kept rows; periods the range, observed the rows used.
  const fitted = decompose(m).fitted;
  const compact = (rows: number[]) => [Float64Array.from(rows, (t) => m.actual[t]), Float64Array.from(rows, (t) => fitted[t])] as const;
  const [a, f] = compact(kept);
  assert.deepEqual({ ...d.inSample }, { ...fitMetrics(a, f, 0, a.length, m), periods: FIT_END, observed: FIT_END - 8 });
  const keptHoldout = Array.from({ length: HOLDOUT }, (_, i) => FIT_END + i).filter((t) => !missing.has(t));
  const [ha, hf] = compact(keptHoldout);
  assert.deepEqual({ ...d.holdout }, { ...fitMetrics(ha, hf, 0, ha.length, m), periods: HOLDOUT, observed: HOLDOUT - 2 });
  assert.deepEqual(d.vif, modelDiagnostics(m).vif);
  // A holdout with no KPI at all: no holdout metrics (null, as without a holdout); the in-sample ones stand.
  const blind: MmmModel = { ...m, actual: m.actual.map((v, t) => (t >= FIT_END ? NaN : v)) };
  const b = modelDiagnostics(blind);
  assert.equal(b.holdout, null);
  assert.deepEqual(b.inSample, modelDiagnostics(m).inSample);
  assert.deepEqual(b.residualTests, modelDiagnostics(m).residualTests);
});

test('no missing KPI: no observed field, diagnostics as before', () => {
  const d = modelDiagnostics(model(whiteNoise(4)));
  assert.equal('observed' in d.inSample, false);
  assert.equal(d.holdout !== null && 'observed' in d.holdout, false);
});

test('the normality reading names the largest residuals and, when they recur at the same time of year, suggests an event column (here the Black Friday weeks: the built-in holidays)', () => {
  const white = whiteNoise(4);
  // Weekly dates from Monday 2021-01-04: week 46 is 2021-11-22, week 98 2022-11-21 (Black Friday weeks),
  // week 70 a one-off; week 150 is in the holdout and is not read.
  const spikes: Record<number, number> = { 46: 900, 98: 1000, 70: -700, 150: 5000 };
  const m = model((t) => spikes[t] ?? white(t));
  const d = modelDiagnostics(m);
  const lr = d.largestResiduals;
  assert.deepEqual(lr?.periods.map((p) => p.date), ['2022-11-21', '2021-11-22', '2022-05-09']);
  assert.deepEqual(lr?.recurring, [{ dates: ['2021-11-22', '2022-11-21'], sign: 1 }]);
  const normal = d.residualTests.filter((t) => ['Jarque–Bera', 'Shapiro–Wilk', "D'Agostino K²"].includes(t.name));
  assert.equal(normal.length, 3);
  for (const t of normal) {
    assert.ok(t.flagged, t.name);
    assert.match(t.flag, /^residuals are not normal: outliers or a missing event; largest residuals, in robust standard deviations: 2022-11-21 \+\d+\.\d, 2021-11-22 \+\d+\.\d and 2022-05-09 −\d+\.\d; 2021-11-22 and 2022-11-21, both above the fit, come back at the same time of year: likely a recurring event the model lacks, they fall on us-thanksgiving, so --holidays us-thanksgiving adds it \(or add an event column, 1 on those dates\)$/);
  }
  // A holiday the model already has is not suggested again, nor Black Friday, always in the Thanksgiving
  // week (the same weeks: its event would repeat that one): only the event column is left.
  const withThanksgiving = { ...m, baseline: [...m.baseline, { name: 'holiday_us_thanksgiving', kind: 'event' as const, values: m.dates.map(() => 0), coef: 0 }] };
  const again = modelDiagnostics(withThanksgiving).residualTests.find((t) => t.name === 'Jarque–Bera');
  assert.doesNotMatch(again?.flag ?? '', /--holidays/);
  assert.match(again?.flag ?? '', /likely a recurring event the model lacks, so add an event column, 1 on those dates$/);
  // The holidays an event records count, whatever its name: a set's event (--holiday-columns set) …
  const event = (name: string, holidays: string[]) => ({ name, kind: 'event' as const, values: m.dates.map(() => 0), coef: 0, holidays });
  const set = { ...m, baseline: [...m.baseline, event('holiday_us', ['us-new-year', 'us-thanksgiving', 'us-christmas'])] };
  assert.doesNotMatch(modelDiagnostics(set).residualTests.find((t) => t.name === 'Jarque–Bera')?.flag ?? '', /--holidays/);
  // … and a holiday merged into an earlier event (Black Friday in the Thanksgiving week), or on a file's event column.
  const merged = { ...m, baseline: [...m.baseline, event('holiday_us_thanksgiving', ['us-thanksgiving', 'black-friday']), event('promo', ['cyber-monday'])] };
  const mergedFlag = modelDiagnostics(merged).residualTests.find((t) => t.name === 'Jarque–Bera')?.flag ?? '';
  assert.doesNotMatch(mergedFlag, /--holidays (us-thanksgiving|black-friday|cyber-monday)\b/);
  // White noise: nothing listed, the reading as before.
  const clean = modelDiagnostics(model(white));
  assert.deepEqual(clean.largestResiduals?.periods, []);
  for (const t of clean.residualTests.filter((r) => r.name === 'Jarque–Bera')) assert.equal(t.flag, 'residuals are not normal: outliers or a missing event');
  // A missing KPI on a spike's date: that period is not listed.
  const gap = modelDiagnostics({ ...m, actual: m.actual.map((a, t) => (t === 98 ? NaN : a)) });
  assert.deepEqual(gap.largestResiduals?.periods.map((p) => p.date), ['2021-11-22', '2022-05-09']);
  assert.deepEqual(gap.largestResiduals?.recurring, []);
});

// The plan's window KPI and carry-out under afterPlan 'dark' and 'current', against sums written out
// by hand on a tiny national model: geometric adstock, Hill saturation, an intercept and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel, ModelChannel } from '../model/mmm-model.ts';
import { MODEL_SCHEMA_VERSION } from '../model/mmm-model.ts';
import { defaultModelSpec } from '../spec/model-spec.ts';
import { planModelFromMmm } from './plan-model-from-mmm.ts';
import { planValue } from './plan-objective.ts';
import { planPeriods } from './plan-periods.ts';
import type { AfterPlan, PlanResult } from './plan-types.ts';

const close = (a: number, b: number, what: string, rel = 1e-10): void => assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1), `${what}: ${a} vs ${b}`);

/** A channel as the test writes it out: geometric alpha, maxLag L, Hill K and s, scale, coef, spend. */
interface Hand { name: string; alpha: number; L: number; K: number; s: number; scale: number; coef: number; spend: number[] }

const N = 20, INTERCEPT = 1000;
const hand = (s: number, alphas: [number, number] = [0.5, 0.3]): Hand[] => [
  { name: 'tv', alpha: alphas[0], L: 4, K: 1, s, scale: 1000, coef: 20000, spend: Array.from({ length: N }, (_, t) => (t % 7 === 3 ? 0 : 1000 + 400 * Math.sin(t))) },
  { name: 'search', alpha: alphas[1], L: 3, K: 0.8, s, scale: 600, coef: 8000, spend: Array.from({ length: N }, (_, t) => 500 + 200 * Math.cos(t)) },
];

function mmm(channels: Hand[]): MmmModel {
  const chs: ModelChannel[] = channels.map((c) => ({
    name: c.name, column: `${c.name}_spend`, spend: c.spend, adstock: { type: 'geometric', alpha: c.alpha }, maxLag: c.L,
    saturation: { type: 'hill', halfSaturation: c.K, shape: c.s }, scale: c.scale, coef: c.coef,
  }));
  return {
    schemaVersion: MODEL_SCHEMA_VERSION, target: { name: 'revenue', kind: 'revenue' }, frequency: 'weekly',
    dates: Array.from({ length: N }, (_, t) => new Date(Date.UTC(2023, 0, 2 + 7 * t)).toISOString().slice(0, 10)),
    window: { start: 0, end: N }, holdout: 0,
    spec: defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: channels.map((c) => c.name) }),
    intercept: INTERCEPT, channels: chs, baseline: [], actual: new Array<number>(N).fill(0),
    search: { nCandidates: 0, objectives: [], chosen: { objectives: [], score: 0 }, pareto: [], selectionRule: 'none' },
    bootstrapRoi: [],
  };
}

/** Current spend: the mean over the modeling window (here the whole history). */
const currentOf = (c: Hand): number => c.spend.reduce((a, b) => a + b, 0) / c.spend.length;

/**
 * One channel's window KPI and carry-out, written out: spend = full history, then the plan, then L
 * periods of `after`; level_t = Σ_l w[l]·spend[t − l] with w[l] = alpha^l / Σ_k alpha^k; KPI_t =
 * coef·hill(level_t / scale). The carry-out is Σ over the L periods after the plan of KPI_t minus the
 * same periods' KPI of the after-plan spend alone (no history, no plan), as plan-evaluator.ts defines it.
 */
function byHand(c: Hand, plan: number[], after: number): { window: number; carryOut: number } {
  const raw = Array.from({ length: c.L + 1 }, (_, l) => c.alpha ** l);
  const w = raw.map((v) => v / raw.reduce((a, b) => a + b, 0));
  const hill = (u: number): number => (u <= 0 ? 0 : u ** c.s / (u ** c.s + c.K ** c.s));
  const level = (series: number[], t: number): number => {
    let a = 0;
    for (let l = 0; l <= c.L && t - l >= 0; l++) a += w[l] * series[t - l];
    return a;
  };
  const n = c.spend.length, H = plan.length;
  const full = [...c.spend, ...plan, ...new Array<number>(c.L).fill(after)];
  const alone = [...new Array<number>(n + H).fill(0), ...new Array<number>(c.L).fill(after)];
  let window = 0, carryOut = 0;
  for (let t = n; t < n + H; t++) window += c.coef * hill(level(full, t) / c.scale);
  for (let t = n + H; t < n + H + c.L; t++) carryOut += c.coef * (hill(level(full, t) / c.scale) - hill(level(alone, t) / c.scale));
  return { window, carryOut };
}

const afterSpend = (c: Hand, afterPlan: AfterPlan): number => (afterPlan === 'current' ? currentOf(c) : 0);

/** A plan [H × nChannels] period-major from per-channel series. */
const periodMajor = (series: number[][], H: number): Float64Array => Float64Array.from({ length: H * series.length }, (_, i) => series[i % series.length][Math.floor(i / series.length)]);

for (const H of [2, 6]) {
  test(`planValue, ${H} periods: window and carry-out under 'dark' and 'current' equal the sums written out (H ${H < 4 ? '<' : '>'} tv's maxLag)`, () => {
    const chs = hand(1.6);
    const plans = chs.map((c, k) => Array.from({ length: H }, (_, h) => currentOf(c) * (0.4 + 0.3 * ((h + k) % 4))));
    const x = periodMajor(plans, H);
    const windows: number[][] = [];
    for (const afterPlan of ['dark', 'current'] as const) {
      const pm = planModelFromMmm(mmm(chs), { afterPlan });
      const v = planValue(pm.channels, x, H);
      chs.forEach((c, k) => {
        const want = byHand(c, plans[k], afterSpend(c, afterPlan));
        close(v.window[k], want.window, `${afterPlan} ${c.name} window`);
        close(v.carryOut[k], want.carryOut, `${afterPlan} ${c.name} carry-out`);
      });
      windows.push(Array.from(v.window));
    }
    // Spend after the plan never reaches back into the window.
    assert.deepEqual(windows[0], windows[1]);
  });
}

test('planPeriods: the plan\'s and current spend\'s window KPI (baseline included) and carry-out equal the hand sums under both settings', () => {
  const H = 5, chs = hand(0.9);
  for (const afterPlan of ['dark', 'current'] as const) {
    const pm = planModelFromMmm(mmm(chs), { afterPlan });
    const budget = 1.2 * H * chs.reduce((s, c) => s + currentOf(c), 0);
    const plan = planPeriods(pm, { periods: H, budget: { total: budget } }) as PlanResult;
    assert.ok(plan.feasible);
    close(plan.channels.reduce((s, ch) => s + ch.total, 0), budget, 'budget spent', 1e-9);
    const sums = (spendOf: (c: Hand, k: number) => number[]) => chs.reduce((acc, c, k) => {
      const v = byHand(c, spendOf(c, k), afterSpend(c, afterPlan));
      return { window: acc.window + v.window, carryOut: acc.carryOut + v.carryOut };
    }, { window: H * INTERCEPT, carryOut: 0 });
    const rec = sums((_, k) => plan.channels[k].spend), now = sums((c) => new Array<number>(H).fill(currentOf(c)));
    close(plan.kpi.recommended.window, rec.window, `${afterPlan} plan window`);
    close(plan.kpi.recommended.carryOut, rec.carryOut, `${afterPlan} plan carry-out`);
    close(plan.kpi.current.window, now.window, `${afterPlan} current window`);
    close(plan.kpi.current.carryOut, now.carryOut, `${afterPlan} current carry-out`);
  }
});

test('curvature decides which setting books more carry-out: concave curves more when dark, S-curves at low carryover more when spend resumes', () => {
  // Current spend sustained over 4 periods. Under 'current' the carry-out is f(P + A) − f(A) per period
  // (P the plan's carryover, A the resumed spend's level), under 'dark' f(P): a concave f with f(0) = 0 is
  // subadditive, so dark > current; an S-curve is flat near 0 and steep near A, so dark < current.
  const H = 4;
  const carryOut = (chs: Hand[], afterPlan: AfterPlan): number[] => {
    const pm = planModelFromMmm(mmm(chs), { afterPlan });
    const x = periodMajor(chs.map((c) => new Array<number>(H).fill(currentOf(c))), H);
    const v = planValue(pm.channels, x, H);
    chs.forEach((c, k) => close(v.carryOut[k], byHand(c, new Array<number>(H).fill(currentOf(c)), afterSpend(c, afterPlan)).carryOut, `${c.name} s ${c.s}`));
    return Array.from(v.carryOut);
  };
  for (const s of [0.6, 1]) {
    const dark = carryOut(hand(s), 'dark'), resumed = carryOut(hand(s), 'current');
    dark.forEach((d, k) => assert.ok(d > resumed[k], `concave s ${s}, channel ${k}: dark ${d} vs current ${resumed[k]}`));
  }
  const sShaped = hand(4, [0.1, 0.1]);
  const dark = carryOut(sShaped, 'dark'), resumed = carryOut(sShaped, 'current');
  dark.forEach((d, k) => assert.ok(d < resumed[k], `S-curve, channel ${k}: dark ${d} vs current ${resumed[k]}`));
});

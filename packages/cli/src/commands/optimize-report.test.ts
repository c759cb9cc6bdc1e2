import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OptimizationChannel, OptimizationOutput } from './optimize-output.ts';
import { formatOptimization, wrap } from './optimize-report.ts';

const channel = (name: string, current: number, recommended: number, roi: [number | null, number | null]): OptimizationChannel => ({
  channel: name, current, recommended, change: recommended - current, change_share: current > 0 ? (recommended - current) / current : null,
  roi_current: roi[0], roi_recommended: roi[1], mroi_current: null, mroi_recommended: null, bound: 'free', lower: 0, upper: null,
});

/** A plan of two channels, one with no current spend and a round-off ROI of 3.8e-16 there. */
function output(own: readonly string[]): OptimizationOutput {
  return {
    feasible: true, kpi: 'revenue', mode: 'plan', problem: 'plan', objective: { type: 'budget', value: null } as OptimizationOutput['objective'],
    budget: 300, current_budget: 300, periods: 28, reference_periods: 28, window_periods: 104,
    allocation: [channel('influencer', 0, 100, [3.8e-16, 1.49]), channel('tv', 300, 200, [2.1, 2.5])],
    expected: { current: 1000, recommended: 1100, lift: 100, lift_share: 0.1 },
    binding: [], multiplier: null, method: 'test', optimality_gap: null, recommendation: 'Move spend.', uncertainty: null,
    constraints: { defaults: { min: { type: 'multiple', value: 0.5 }, max: { type: 'multiple', value: 2 } }, channels: Object.fromEntries(own.map((c) => [c, {}])) },
    bounds_source: 'default',
  } as OptimizationOutput;
}

test('an ROI at zero spend prints as – (not twelve zeros of round-off), the others as usual', () => {
  const text = formatOptimization(output([]), 'out/run');
  const row = text.split('\n').find((l) => l.startsWith('influencer'));
  assert.ok(row);
  assert.match(row, /– → 1\.49/);
  assert.doesNotMatch(text, /0\.0000000/);
  assert.match(text, /2\.10 → 2\.50/);
});

test('ROIs of channels spending in scaled units (a fraction of a currency unit per period) are shown, not taken for zero spend', () => {
  const scaled = { ...output([]), budget: 0.47, current_budget: 0.47, allocation: [channel('x1', 0.309, 0.3, [1.2, 1.25]), channel('x2', 0.162, 0.17, [0.8, 0.78])] };
  const text = formatOptimization(scaled, 'out/run');
  assert.match(text.split('\n').find((l) => l.startsWith('x1')) ?? '', /1\.20 → 1\.25/);
  assert.match(text.split('\n').find((l) => l.startsWith('x2')) ?? '', /0\.80 → 0\.78/);
});

test('the bounds line says "has its own" for one channel and "have their own" for several', () => {
  assert.match(formatOptimization(output(['influencer']), 'out/run'), /\(except influencer, which has its own\)/);
  assert.match(formatOptimization(output(['influencer', 'tv']), 'out/run'), /\(except influencer, tv, which have their own\)/);
});

test('a steady-state table says its ROIs are a sustained spend\'s, unlike the fit table\'s; a plan\'s does not', () => {
  const steady = formatOptimization({ ...output([]), mode: 'steady-state', periods: 1 } as OptimizationOutput, 'out/run');
  assert.match(steady.replace(/\s+/g, ' '), / ROI and mROI below are those of a sustained spend at each level on these curves, so they differ from the fit table's, which are over the window's actual, uneven spend on the point estimate\. /);
  assert.doesNotMatch(formatOptimization(output([]), 'out/run'), /sustained spend at each level/);
});

test('a count KPI: the allocation and scenario tables say "KPI per spend", as the fit table does, never "ROI"', () => {
  const scenarios = [{ level: 1, budget: 300, feasible: true, expected_kpi: 1000, lift: 0, roi: 0.012, mroi: 0.004, allocation: { tv: 300 } }];
  const steady = { ...output([]), kpi: 'conversions', mode: 'steady-state', periods: 1, scenarios } as OptimizationOutput;
  const count = formatOptimization(steady, 'out/run', 'count');
  assert.match(count, /KPI per spend now → after/);
  assert.match(count, /\nKPI per spend and mROI below are those of a sustained spend/);
  assert.match(count.split('\n').find((l) => l.startsWith('budget ×')) ?? '', /KPI per spend/);
  assert.doesNotMatch(count, /\bROI now|\bROI and mROI|\s ROI\s/);
  const revenue = formatOptimization(steady, 'out/run');
  assert.match(revenue, /ROI now → after/);
  assert.doesNotMatch(revenue, /KPI per spend/);
});

test('a steady state on the averaged curves names them and, where they disagree with the point curve, gives both (basis, basis_note)', () => {
  const basis = "a steady spend per period at each level, on the mean of the 100 bootstrap replicates' response curves";
  const note = 'At the current steady spend … facebook 12.18 against 5.33 (median over the replicates 2.68: a few replicates with a very high ROI pull the average up).';
  const steady = { ...output([]), mode: 'steady-state', periods: 1, basis, basis_note: note } as OptimizationOutput;
  const text = formatOptimization(steady, 'out/run').replace(/\s+/g, ' ');
  assert.match(text, /ROI and mROI below are those of a steady spend per period at each level, on the mean of the 100 bootstrap replicates' response curves, so they differ from the fit table's/);
  assert.match(text, /facebook 12\.18 against 5\.33 \(median over the replicates 2\.68: a few replicates with a very high ROI pull the average up\)/);
  assert.doesNotMatch(text, /actual, uneven spend\.\s*$/m);
});

test('the expected-KPI line rounds as the paragraph does (engine proseAmount): +72.19 and +35.24 … +115, not +72 and +35 … +115', () => {
  const small = { ...output([]), mode: 'steady-state', periods: 1, expected: { current: 2946.4, recommended: 3018.59, lift: 72.19, lift_share: 0.0245, lift_interval: [35.24, 115.3] } } as OptimizationOutput;
  const text = formatOptimization(small, 'out/run', 'count');
  assert.match(text, /Expected revenue: 2,946 now → 3,019 recommended \(\+72\.19, \+2\.5%; 90% interval of the lift \+35\.24 … \+115\)/);
  const loss = formatOptimization({ ...small, expected: { ...small.expected, lift: -12.5, lift_share: -0.004, lift_interval: undefined } } as OptimizationOutput, 'out/run');
  assert.match(loss, /\(−12\.5, −0\.4%\)/);
});

test('the header says which periods "current" is the mean of as the report does (referencePeriodsText)', () => {
  const last = formatOptimization(output([]), 'out/run').split('\n')[0];
  assert.match(last, /current = the mean spend per period over the last 28 of the 104 modeled periods \(--reference-periods 28\)\)$/);
  const all = formatOptimization({ ...output([]), reference_periods: 104 }, 'out/run').split('\n')[0];
  assert.match(all, /current = the mean spend per period over all 104 modeled periods\)$/);
});

test('wrap never breaks at a no-break space, which joins an amount to its currency symbol', () => {
  assert.equal(wrap('Spend 380.000\u00a0€ per period', 14), 'Spend\n380.000\u00a0€ per\nperiod');
  assert.equal(wrap('aa bb cc', 5), 'aa bb\ncc');
});

// End-to-end: fit a simulated retail data set once, then run `mixwise optimize` with the real launcher
// and check the JSON contract, the constraints, the targets, scenarios, plans and exit codes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { mixwise, readSimpleCsv, STACK_LINE, tempDir, type MixwiseRun } from './run-mixwise.ts';

const dir = tempDir('mixwise-optimize-e2e-');
const run = join(dir, 'fit');
let fit: MixwiseRun;

before(() => {
  const sim = mixwise(['simulate', '--preset', 'retail', '--seed', '3', '--out', join(dir, 'sim')]);
  assert.equal(sim.status, 0, sim.stderr);
  fit = mixwise(['fit', join(dir, 'sim', 'data.csv'), '--target', 'revenue', '--iterations', '1500', '--seed', '7', '--workers', '2', '--json', '--out', run]);
});

after(() => rmSync(dir, { recursive: true, force: true }));

interface Channel {
  channel: string; current: number; recommended: number; change: number; change_share: number | null;
  roi_current: number | null; roi_recommended: number | null; mroi_current: number | null; mroi_recommended: number | null;
  bound: string; lower: number; upper: number | null; spend?: number[]; periods_at_lower?: number; periods_at_upper?: number;
  data_range?: [number, number]; beyond_data?: 'below' | 'above' | null; plan_levels?: [number, number];
}
interface Out {
  feasible: boolean; mode: string; problem: string; budget: number; current_budget: number; periods: number;
  allocation: Channel[];
  expected: { current: number; recommended: number; lift: number; lift_interval?: [number, number]; window?: { current: number; recommended: number }; carry_out?: { current: number; recommended: number } };
  binding: string[]; recommendation: string; uncertainty: { replicates: number; objective: string } | null;
  plan?: { dates: string[]; budget_per_period: number[]; after_plan: string };
  scenarios?: { level: number; budget: number; feasible: boolean; expected_kpi: number | null; roi: number | null }[];
  constraints?: { defaults?: unknown; channels?: Record<string, unknown> }; bounds_source?: string;
  objective: { type: string; value: number | null }; multiplier: number | null;
  margin?: number; profit?: { current: number; recommended: number; lift: number };
}

/** Run optimize --json on the fitted run and parse stdout. */
function optimize(...args: string[]): { r: MixwiseRun; out: Out } {
  const r = mixwise(['optimize', '--model', run, '--json', ...args]);
  assert.equal(r.status, 0, `optimize ${args.join(' ')}: ${r.stderr}`);
  return { r, out: JSON.parse(r.stdout) as Out };
}

const total = (a: readonly Channel[], k: 'current' | 'recommended'): number => a.reduce((s, c) => s + c[k], 0);
const near = (a: number, b: number, rel = 1e-9): boolean => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

test('fit succeeded', () => {
  assert.equal(fit.status, 0, fit.stderr);
  assert.ok(existsSync(join(run, 'model.json')));
});

test('--bounds 0.5,1.5: the JSON contract, written to optimization.json; sums, bounds, lift ≥ 0, interval', () => {
  const { out } = optimize('--bounds', '0.5,1.5');
  for (const k of ['budget', 'periods', 'allocation', 'expected', 'binding', 'recommendation']) assert.ok(k in out, `${k} missing`);
  assert.equal(out.periods, 1);
  assert.equal(out.allocation.length, 5);
  for (const c of out.allocation) {
    for (const k of ['channel', 'current', 'recommended', 'change', 'roi_current', 'roi_recommended', 'mroi_current', 'mroi_recommended', 'bound'] as const) assert.ok(k in c, `${c.channel}.${k} missing`);
    assert.ok(c.recommended >= 0.5 * c.current * (1 - 1e-9) && c.recommended <= 1.5 * c.current * (1 + 1e-9), `${c.channel} ${c.recommended} outside 0.5–1.5 × ${c.current}`);
    assert.ok(near(c.change, c.recommended - c.current, 1e-9));
  }
  // Default budget = current total; the allocation spends exactly it.
  assert.ok(near(out.budget, out.current_budget));
  assert.ok(near(total(out.allocation, 'recommended'), out.budget));
  assert.ok(near(total(out.allocation, 'current'), out.current_budget));
  // The current split is feasible, so the recommendation is never worse.
  assert.ok(out.expected.recommended >= out.expected.current - 1e-9 * Math.abs(out.expected.current));
  assert.ok(near(out.expected.lift, out.expected.recommended - out.expected.current));
  assert.ok(out.binding.includes('budget'));
  assert.match(out.recommendation, /per period/);
  // The default fit has 100 bootstrap replicates: an interval around the lift's replicates.
  assert.equal(out.uncertainty?.replicates, 100);
  assert.ok(out.expected.lift_interval && out.expected.lift_interval[0] <= out.expected.lift_interval[1]);
  assert.deepEqual(JSON.parse(readFileSync(join(run, 'optimization.json'), 'utf8')), out);
});

test('--budget, --bound (multiple and absolute), --lock are respected', () => {
  const { out } = optimize('--budget', '400000', '--bounds', '0.5,1.5', '--bound', 'search=0.8:1.2', '--bound', 'display=:40000abs', '--lock', 'tv');
  assert.ok(near(total(out.allocation, 'recommended'), 400000));
  const by = Object.fromEntries(out.allocation.map((c) => [c.channel, c]));
  assert.equal(by.tv.bound, 'locked');
  assert.ok(near(by.tv.recommended, by.tv.current));
  assert.ok(by.search.recommended >= 0.8 * by.search.current * (1 - 1e-9) && by.search.recommended <= 1.2 * by.search.current * (1 + 1e-9));
  assert.ok(by.display.recommended <= 40000 * (1 + 1e-9));
  assert.ok(out.binding.includes('tv: locked'));
});

test('no --bounds: every channel within 0.5×–2× current (said in the JSON and the table); --bounds none lifts it; --bound replaces it for one channel', () => {
  const within = (c: Channel, lo: number, hi: number): boolean => c.recommended >= lo * c.current * (1 - 1e-9) && c.recommended <= hi * c.current * (1 + 1e-9);
  // Twice the budget: at least one channel wants more than 2× its current spend.
  const budget = String(2 * optimize().out.current_budget);
  const { out } = optimize('--budget', budget);
  assert.equal(out.bounds_source, 'default');
  assert.deepEqual(out.constraints?.defaults, { min: { type: 'multiple', value: 0.5 }, max: { type: 'multiple', value: 2 } });
  for (const c of out.allocation) assert.ok(within(c, 0.5, 2), `${c.channel} ${c.recommended} vs ${c.current}`);
  // 2× the budget within 2× bounds: every channel is exactly at 2×.
  assert.ok(out.allocation.every((c) => c.bound === 'at-upper'));
  assert.match(out.recommendation, /held by the default bounds/);
  const free = optimize('--budget', budget, '--bounds', 'none').out;
  assert.equal(free.bounds_source, 'none');
  assert.equal(free.constraints?.defaults, undefined);
  assert.ok(free.allocation.some((c) => !within(c, 0.5, 2)), 'unbounded, the best split leaves 0.5×–2× somewhere');
  assert.ok(free.expected.recommended >= out.expected.recommended * (1 - 1e-9), 'fewer constraints never predict less');
  // One channel's own range replaces the default for it (not intersected: it may exceed 2×); the others keep 0.5×–2×.
  const [first, ...rest] = free.allocation.slice().sort((a, b) => b.recommended / b.current - a.recommended / a.current);
  const widened = optimize('--budget', budget, '--bound', `${first.channel}=0:10`).out;
  const by = Object.fromEntries(widened.allocation.map((c) => [c.channel, c]));
  assert.ok(by[first.channel].recommended > 2 * by[first.channel].current, `${first.channel} goes beyond 2× with its own range`);
  for (const c of rest) assert.ok(within(by[c.channel], 0.5, 2), c.channel);
  const human = mixwise(['optimize', '--model', run]);
  assert.equal(human.status, 0, human.stderr);
  assert.match(human.stdout, /Bounds: every channel between 0\.5× and 2× its current spend, per period \(the default; --bounds LO,HI or --bounds none to change it\)/);
  assert.doesNotMatch(mixwise(['optimize', '--model', run, '--bounds', 'none']).stdout, /^Bounds:/m);
});

test('share bounds: every channel between 5 % and 40 % of the budget', () => {
  const { out } = optimize('--bounds', '5%,40%');
  for (const c of out.allocation) assert.ok(c.recommended >= 0.05 * out.budget * (1 - 1e-9) && c.recommended <= 0.4 * out.budget * (1 + 1e-9), `${c.channel} ${c.recommended}`);
});

test('--target-kpi: reaches a reachable target with the least budget; an unreachable one exits 1 with TARGET_UNREACHABLE', () => {
  const base = optimize('--bounds', '0.5,1.5').out;
  const target = base.expected.current * 1.02;
  const { out } = optimize('--target-kpi', String(target), '--bounds', '0.5,1.5');
  assert.equal(out.problem, 'minimum-budget');
  assert.ok(out.expected.recommended >= target * (1 - 1e-9), `${out.expected.recommended} < ${target}`);
  // A little less budget, best spent, falls short of the target.
  const less = optimize('--budget', String(out.budget * 0.99), '--bounds', '0.5,1.5').out;
  assert.ok(less.expected.recommended < target);
  const r = mixwise(['optimize', '--model', run, '--target-kpi', String(base.expected.current * 10), '--bounds', '0.5,1.5']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /TARGET_UNREACHABLE/);
  assert.match(r.stderr, /cannot be reached/);
  assert.match(r.stderr, /fix: lower --target-kpi/);
  assert.doesNotMatch(r.stderr, STACK_LINE);
});

test('--scenarios: a monotone frontier, in the JSON, the table and budget_scenarios.csv', () => {
  const { out } = optimize('--bounds', '0.5,1.5', '--scenarios', '0.9,1,1.1,1.2,1.5');
  const s = out.scenarios ?? [];
  assert.deepEqual(s.map((p) => p.level), [0.9, 1, 1.1, 1.2, 1.5]);
  const kpi = s.filter((p) => p.feasible).map((p) => p.expected_kpi as number);
  assert.equal(kpi.length, 5);
  for (let i = 1; i < kpi.length; i++) assert.ok(kpi[i] >= kpi[i - 1], `frontier not monotone at ${s[i].level}`);
  const csv = readSimpleCsv(join(run, 'budget_scenarios.csv'));
  assert.deepEqual(csv.header.slice(0, 4), ['level', 'budget', 'feasible', 'expected_kpi']);
  assert.equal(csv.rows.length, 5);
  const human = mixwise(['optimize', '--model', run, '--bounds', '0.5,1.5', '--scenarios']);
  assert.equal(human.status, 0, human.stderr);
  assert.match(human.stdout, /budget ×\s+budget\s+predicted KPI/);
  assert.match(human.stdout, /150%/);
});

test('--target-roi under the default bounds: a target just below the best ROI of --scenarios is reached; above the best, the bounds are named', () => {
  // Media ROI vs budget rises from the least budget the default lower bounds allow (0.5 × current) and
  // then falls, all inside 0.5–2× the current total: the old scan sampled ~5 budgets there and called
  // targets below the scenarios' own ROI unreachable.
  const levels = Array.from({ length: 31 }, (_, i) => Math.round(50 + 5 * i) / 100);
  const s = (optimize('--scenarios', levels.join(',')).out.scenarios ?? []).filter((p) => p.feasible).map((p) => ({ budget: p.budget, roi: p.roi ?? NaN }));
  const best = s.reduce((a, b) => (b.roi > a.roi ? b : a));
  assert.ok(best.budget > s[0].budget * 1.05, `the best ROI lies inside the window: ${JSON.stringify(best)}`);
  // Just below the best scenario's ROI (2.666 on this fit; the old scan's best was 2.66592).
  const target = best.roi - 1e-5;
  const { out } = optimize('--target-roi', String(target));
  assert.equal(out.problem, 'target-roi');
  const media = out.allocation.reduce((t, c) => t + (c.roi_recommended ?? 0) * c.recommended, 0);
  assert.ok(media >= target * out.budget * (1 - 1e-9), `media ROI ${media / out.budget} < ${target}`);
  // The most KPI at that efficiency: at least the budget of the scenario that reaches it.
  assert.ok(out.budget >= best.budget * (1 - 1e-9), `${out.budget} < ${best.budget}`);
  const r = mixwise(['optimize', '--model', run, '--target-roi', String(best.roi * 1.05)]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /TARGET_ROI_UNREACHABLE/);
  assert.doesNotMatch(r.stderr, /No budget reaches/);
  assert.match(r.stderr, /The bounds keep media ROI below .*: the best allocation within them returns at most [\d.]+ per unit of spend/);
  assert.match(r.stderr, /fix: lower --target-roi below [\d.]+, the best media ROI within the bounds, or relax the bounds/);
});

test('share lower bounds adding up to 150 % conflict at any budget: no "raise the budget" loop', () => {
  const r = mixwise(['optimize', '--model', run, '--bounds', '30%,60%']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /CONFLICTING_BOUNDS/);
  assert.match(r.stderr, /the lower bounds given as shares add up to 150% of the budget/);
  assert.match(r.stderr, /fix: lower the share lower bounds/);
  assert.doesNotMatch(r.stderr, /raise --budget/);
});

test('--periods 4: per-period budgets, totals over the plan, window + carry-out', () => {
  const { out } = optimize('--periods', '4', '--bounds', '0.5,1.5');
  assert.equal(out.mode, 'plan');
  assert.equal(out.periods, 4);
  assert.equal(out.plan?.budget_per_period.length, 4);
  assert.equal(out.plan?.dates.length, 4);
  assert.deepEqual(out.plan!.dates.map((d) => Date.parse(d) - Date.parse(out.plan!.dates[0])), [0, 7, 14, 21].map((d) => d * 86_400_000), 'weekly dates');
  assert.ok(near(out.budget, out.current_budget, 1e-9)); // default: current spend sustained over the 4 periods
  assert.ok(near(out.plan!.budget_per_period.reduce((a, b) => a + b, 0), out.budget, 1e-9));
  for (const c of out.allocation) {
    assert.equal(c.spend?.length, 4);
    assert.ok(near(c.spend!.reduce((a, b) => a + b, 0), c.recommended, 1e-9));
    for (const x of c.spend!) assert.ok(x >= 0.5 * c.current / 4 * (1 - 1e-6) && x <= 1.5 * c.current / 4 * (1 + 1e-6), `${c.channel} ${x}`);
    // Periods on a bound are counted against the per-period limits, and listed in binding when not all of them.
    const onLower = c.spend!.filter((x) => x <= c.lower * (1 + 1e-6)).length, onUpper = c.spend!.filter((x) => c.upper !== null && x >= c.upper * (1 - 1e-6)).length;
    assert.deepEqual([c.periods_at_lower, c.periods_at_upper], [onLower, onUpper], c.channel);
    if (onLower > 0 && onLower < 4) assert.ok(out.binding.includes(`${c.channel}: lower bound in ${onLower} of 4 periods`), JSON.stringify(out.binding));
    if (onUpper > 0 && onUpper < 4) assert.ok(out.binding.includes(`${c.channel}: upper bound in ${onUpper} of 4 periods`), JSON.stringify(out.binding));
  }
  const e = out.expected;
  assert.ok(e.window && e.carry_out);
  assert.ok(near(e.recommended, e.window.recommended + e.carry_out.recommended));
  assert.equal(out.plan?.after_plan, 'current');
  // The scenario rows are steady-state levels on the same curves with or without a plan beside them.
  const steady = optimize('--bounds', '0.5,1.5', '--scenarios', '0.9').out.scenarios;
  const beside = optimize('--bounds', '0.5,1.5', '--scenarios', '0.9', '--periods', '4').out.scenarios;
  assert.deepEqual(beside, steady);
  const human = mixwise(['optimize', '--model', run, '--periods', '4']);
  assert.equal(human.status, 0, human.stderr);
  assert.match(human.stdout, /Budget per period:/);
  assert.match(human.stdout, /carry-out after them: .* on top of current spend resumed after the plan/);
});

test('--periods 4 --target-kpi: the least plan budget whose window KPI reaches the target; beyond the bounds, TARGET_UNREACHABLE over the plan', () => {
  const base = optimize('--periods', '4', '--bounds', '0.5,1.5').out;
  const target = 1.01 * (base.expected.window?.current ?? NaN);
  const r = optimize('--periods', '4', '--bounds', '0.5,1.5', '--target-kpi', String(target)).out;
  assert.equal(r.mode, 'plan');
  assert.equal(r.problem, 'minimum-budget');
  assert.deepEqual(r.objective, { type: 'target-kpi', value: target });
  const w = r.expected.window!.recommended;
  assert.ok(w >= target * (1 - 1e-9) && w <= target * 1.001, `${w} vs ${target}`);
  assert.ok(near(r.plan!.budget_per_period.reduce((a, b) => a + b, 0), r.budget, 1e-9));
  assert.match(r.recommendation, /^To reach [\d,]+ inside the next 4 periods \(current spend is predicted to bring [\d,]+\), the least budget that reaches it is [\d,]+ over them/);
  // Spending less than that budget, planned for the window, falls short of the target.
  const less = optimize('--periods', '4', '--bounds', '0.5,1.5', '--budget', String(0.99 * r.budget)).out;
  assert.ok((less.expected.window?.recommended ?? Infinity) < target, 'a 1% smaller budget (planned for window + carry-out) misses the target');
  const no = mixwise(['optimize', '--model', run, '--periods', '4', '--bounds', '0.5,1.5', '--target-kpi', String(10 * target)]);
  assert.equal(no.status, 1, no.stderr);
  assert.match(no.stderr, /TARGET_UNREACHABLE/);
  assert.match(no.stderr, /lower --target-kpi to at most [\d,]+ over the plan/);
});

test('--margin: gross profit after media spend (margin × KPI − spend) and whether the next unit pays; --target-mroi 1/margin is the most profitable spend', () => {
  const margin = 0.4;
  const r = optimize('--bounds', '0.5,1.5', '--margin', String(margin)).out;
  assert.equal(r.margin, margin);
  const p = r.profit!;
  assert.ok(near(p.current, margin * r.expected.current - r.current_budget) && near(p.recommended, margin * r.expected.recommended - r.budget) && near(p.lift, p.recommended - p.current));
  const worth = (r.multiplier ?? NaN) * margin;
  assert.match(r.recommendation, worth < 1 ? /less than it costs, so the last units spent lose money at this margin; profit is greatest where the marginal return is 2\.5 \(--target-mroi 2\.5\)\.$/ : /more than it costs/);
  // The profit-maximising request makes at least as much profit as the budget's best split.
  const best = optimize('--bounds', '0.5,1.5', '--margin', String(margin), '--target-mroi', String(1 / margin)).out;
  assert.ok(best.profit!.recommended >= p.recommended - 1e-6 * Math.abs(p.recommended), `${best.profit!.recommended} vs ${p.recommended}`);
  assert.equal(mixwise(['optimize', '--model', run, '--margin', '0']).status, 2);
});

test('--after-plan dark: no spend after the plan, so the same spend leaves a different carry-out and the same window', () => {
  const resumed = optimize('--periods', '4', '--bounds', '1,1').out;
  const dark = optimize('--periods', '4', '--bounds', '1,1', '--after-plan', 'dark').out;
  assert.equal(dark.plan?.after_plan, 'dark');
  // Both hold current spend (bounds 1,1): the window is the same, only what follows the plan differs.
  assert.ok(near(dark.expected.window!.recommended, resumed.expected.window!.recommended, 1e-9));
  // What follows the plan differs: carryover alone on an empty curve versus on top of resumed spend.
  // Which is larger depends on the curves' shape (an S-shaped Hill earns less from carryover alone),
  // so only the difference and the totals are asserted here; engine plan-after-plan.test.ts checks the
  // sums against a hand computation and the direction for concave and S-shaped curves.
  const d = dark.expected.carry_out!, c = resumed.expected.carry_out!;
  assert.ok(d.recommended > 0 && c.recommended > 0 && !near(d.recommended, c.recommended, 1e-6), `${d.recommended} vs ${c.recommended}`);
  assert.ok(near(dark.expected.recommended, dark.expected.window!.recommended + d.recommended, 1e-9));
});

test('human output: the allocation table, expected KPI and the recommendation paragraph', () => {
  const r = mixwise(['optimize', '--model', run, '--bounds', '0.5,1.5']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /channel\s+current\s+recommended\s+change\s+ROI now → after\s+mROI now → after\s+bound/);
  assert.match(r.stdout, /Expected revenue: [\d,]+ now → [\d,]+ recommended/);
  assert.match(r.stdout, /Spend [\d,.]+ per period/);
  assert.match(r.stderr, /wrote .*optimization\.json/);
});

test('--lock with --max-change that leave the current split: no lift to bound, nothing to change, no change to test', () => {
  const r = mixwise(['optimize', '--model', run, '--lock', 'tv', '--lock', 'ooh', '--lock', 'search', '--lock', 'social', '--max-change', '0.3']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Expected revenue: ([\d,]+) now → \1 recommended \(no change: the recommendation is the current spend\)/);
  const text = r.stdout.replace(/\s+/g, ' ');
  assert.match(text, /Keep the current spend of [\d,]+ per period, every channel as now\. Under these constraints there is nothing to change; they hold the split where it is: tv: locked, ooh: locked, search: locked, social: locked\. Relaxing them \(unlocking a channel, widening its bounds or the maximum change\) is how to find a better split\./);
  assert.doesNotMatch(text, /treat the change as a test|\+0 … \+0|already the best/);
});

test('--target-kpi below the baseline: the paragraph says no media spend is needed, the least budget is the lower bounds', () => {
  const { out } = optimize('--target-kpi', '100', '--bounds', 'none');
  assert.equal(out.budget, 0);
  assert.match(out.recommendation, /^The target 100 is below what the baseline alone is predicted to deliver \([\d,]+ per period\): no media spend is needed to reach it; the least budget is 0\. Spend 0 per period/);
  const bounded = optimize('--target-kpi', '100', '--bounds', 'none', '--bound', 'tv=0.5:1.5').out;
  const tv = bounded.allocation.find((c) => c.channel === 'tv')!;
  assert.equal(bounded.budget, tv.lower, 'exactly the lower bound, no round-off spread over the other channels');
  assert.ok(bounded.allocation.every((c) => c.recommended === c.lower && c.bound === 'at-lower'));
  assert.match(bounded.recommendation, /no media spend is needed to reach it; the least budget is the total of the lower bounds \([\d,]+ per period\)\./);
  assert.doesNotMatch(bounded.recommendation, /next unit of budget/);
  assert.doesNotMatch(bounded.recommendation, /default bounds/, 'tv\'s bound is the user\'s own');
  // Without --bounds every channel keeps at least half its current spend, and the text says that limit is the default.
  const byDefault = optimize('--target-kpi', '100').out;
  assert.ok(byDefault.allocation.every((c) => near(c.recommended, 0.5 * c.current) && c.bound === 'at-lower'));
  assert.equal(byDefault.bounds_source, 'default');
  assert.match(byDefault.recommendation, /are held by the default bounds \(0\.5×–2× current spend\).*--bounds none\.$/);
});

test('spends outside the levels the data cover are flagged in the JSON, the table and the paragraph', () => {
  const inside = optimize('--bounds', '0.98,1.02').out;
  assert.deepEqual(inside.allocation.map((c) => c.beyond_data), inside.allocation.map(() => null));
  // 8–9× current spend: above anything the history held, except for a channel with bursts that big.
  const high = ['--bounds', '8,9', '--budget', String(8.5 * inside.current_budget)];
  const { out } = optimize(...high);
  for (const c of out.allocation) {
    assert.ok(c.data_range && c.data_range[0] <= c.current && c.current <= c.data_range[1], `${c.channel}: ${JSON.stringify(c.data_range)} around ${c.current}`);
    assert.equal(c.beyond_data, c.recommended > 1.01 * c.data_range[1] ? 'above' : null, c.channel);
  }
  assert.ok(out.allocation.filter((c) => c.beyond_data === 'above').length >= 3, 'most channels are above their data');
  const human = mixwise(['optimize', '--model', run, ...high]);
  assert.equal(human.status, 0, human.stderr);
  assert.match(human.stdout, /bound\s+data\n/);
  assert.match(human.stdout, /above data/);
  assert.match(human.stdout.replace(/\s+/g, ' '), /Outside the data: \w+ at [\d,]+, above any sustained level in the data \(the data show [\d,.]+ to [\d,.]+\)/);
  const plain = mixwise(['optimize', '--model', run, '--bounds', '0.98,1.02']);
  assert.doesNotMatch(plain.stdout, /Outside the data|above data|below data/);
});

test('--periods: a plan reaching adstocked levels the data never showed is flagged from its plan_levels', () => {
  const steady = optimize('--bounds', '0.98,1.02').out;
  const plan = optimize('--periods', '4', '--bounds', '8,9', '--budget', String(4 * 8.5 * steady.current_budget)).out;
  for (const c of plan.allocation) {
    assert.ok(c.data_range && c.plan_levels, c.channel);
    const [low, high] = c.plan_levels;
    assert.ok(low <= high);
    const expected = high > 1.01 * c.data_range[1] ? 'above' : low < 0.99 * c.data_range[0] ? 'below' : null;
    assert.equal(c.beyond_data, expected, c.channel);
  }
  assert.ok(plan.allocation.some((c) => c.beyond_data === 'above'));
  assert.match(plan.recommendation, /Outside the data: \w+ reaches a sustained level up to [\d,.]+ per period, above any in the data \(the data show [\d,.]+ to [\d,.]+\)/);
  const even = optimize('--periods', '4', '--bounds', '0.98,1.02').out;
  assert.doesNotMatch(even.recommendation, /Outside the data/);
});

test('--uncertainty expected optimises the replicate-average curves', () => {
  const { out } = optimize('--uncertainty', 'expected', '--bounds', '0.5,1.5');
  assert.equal(out.uncertainty?.objective, 'expected');
  assert.ok(near(total(out.allocation, 'recommended'), out.budget));
});

test('usage errors exit 2: two objectives, bad --bound syntax, a target with --periods, an unknown channel, --reference-periods beyond the window, --after-plan without --periods or with a bad value, --up-to with --periods', () => {
  for (const args of [
    ['--budget', '1000', '--target-kpi', '5'],
    ['--bound', 'tv:0.5:1'],
    ['--bound', 'tv=1.5:0.5'],
    ['--target-roi', '2', '--periods', '4'],
    ['--lock', 'radio'],
    ['--bounds', '0.5'],
    ['--reference-periods', '5000'],
    ['--after-plan', 'dark'],
    ['--periods', '4', '--after-plan', 'never'],
    ['--periods', '4', '--up-to'],
  ]) {
    const r = mixwise(['optimize', '--model', run, ...args]);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /error/);
    assert.doesNotMatch(r.stderr, STACK_LINE);
  }
});

test('infeasible budget exits 1 with the engine explanation and a fix, and leaves the previous optimization.json', () => {
  optimize('--bounds', '0.5,1.5');
  const previous = readFileSync(join(run, 'optimization.json'), 'utf8');
  const r = mixwise(['optimize', '--model', run, '--budget', '100', '--bounds', '0.5,1.5']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /BUDGET_BELOW_MINIMUM/);
  assert.match(r.stderr, /previous results in .* left unchanged/);
  assert.match(r.stderr, /fix: raise --budget to at least/);
  assert.equal(readFileSync(join(run, 'optimization.json'), 'utf8'), previous);
});

test('the least budget of the default bounds is quoted as 190,000, not one above, and works typed back in', () => {
  // 0.5 × a current total of 380,000.0007 (a mean of the data) is 190,000.00035: round-off, not a step up.
  const r = mixwise(['optimize', '--model', run, '--budget', '100', '--json']);
  assert.equal(r.status, 1);
  // An infeasible request writes no file; --json prints its explanation on stdout.
  const saved = JSON.parse(r.stdout) as { details: { minimumBudget: number } };
  const quoted = Number(/raise --budget to at least ([\d,.]+)/.exec(r.stderr)?.[1].replace(/,/g, ''));
  assert.ok(quoted >= saved.details.minimumBudget * (1 - 1e-8) && quoted <= saved.details.minimumBudget * (1 + 1e-8), `${quoted} vs ${saved.details.minimumBudget}`);
  const again = optimize('--budget', String(quoted)).out;
  assert.ok(again.allocation.every((c) => c.bound === 'at-lower'), JSON.stringify(again.allocation.map((c) => c.bound)));
});

test('a missing model folder exits 1 naming it', () => {
  const missing = join(dir, 'no-such-run');
  const r = mixwise(['optimize', '--model', missing]);
  assert.equal(r.status, 1);
  assert.ok(r.stderr.includes(missing), r.stderr);
  assert.match(r.stderr, /model folder not found/);
  assert.doesNotMatch(r.stderr, STACK_LINE);
});

test('a new fit into the folder removes the old model\'s optimization.json and budget_scenarios.csv', () => {
  optimize('--scenarios', '0.9,1');
  assert.ok(existsSync(join(run, 'optimization.json')) && existsSync(join(run, 'budget_scenarios.csv')));
  const refit = mixwise(['fit', join(dir, 'sim', 'data.csv'), '--target', 'revenue', '--iterations', '300', '--seed', '8', '--workers', '1', '--json', '--out', run]);
  assert.equal(refit.status, 0, refit.stderr);
  assert.ok(!existsSync(join(run, 'optimization.json')) && !existsSync(join(run, 'budget_scenarios.csv')));
  assert.match(refit.stderr, /removed .*optimization\.json: it was computed from the model this fit replaced/);
  assert.match(refit.stderr, /removed .*budget_scenarios\.csv/);
});

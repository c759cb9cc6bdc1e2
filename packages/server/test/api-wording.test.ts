import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_BOUNDS, type Infeasible } from '@mixwise/engine';
import { defaultBoundsSentence, defaultedChannels, infeasibleMessage, limit } from '../src/optimize/api-wording.ts';

const channels = [{ name: 'tv', current: 120_000 }, { name: 'radio', current: 50_000 }, { name: 'search', current: 20_000 }];
const below = (budget: number, minimumBudget: number): Infeasible => ({
  feasible: false, reason: 'BUDGET_BELOW_MINIMUM', message: `The budget ${budget} is below the ${minimumBudget} …`, details: { budget, minimumBudget },
});
const above = (budget: number, maximumBudget: number): Infeasible => ({
  feasible: false, reason: 'BUDGET_ABOVE_MAXIMUM', message: 'The budget … cannot be spent …; lower the budget, relax the upper bounds, or use an "up to" budget.', details: { budget, maximumBudget },
});

test('a budget below the minimum speaks in the request\'s terms: the total sent over its periods, the minimum over those periods and per period', () => {
  // {"budget":1000,"periods":13}: the engine saw 76.92… per period against 95,000 (0.5× current).
  const m = infeasibleMessage(below(1000 / 13, 95_000), { route: 'optimize', budget: 1000, periods: 13, defaulted: channels });
  assert.match(m, /^The budget 1,000 over 13 periods is below the 1,235,000 that the lower bounds and locks require over those periods \(95,000 per period\): raise the budget to at least 1,235,000/);
  assert.doesNotMatch(m, /76\.9|up to/);
  assert.match(m, / tv, radio and search have no bounds in the request, so the default bounds \(0\.5×–2× current spend\) require at least 1,235,000 over the 13 periods for them\. Send "bounds" for a channel to replace them \(amounts per period; "bounds": \{ "tv": \{\} \} removes its limits\)\.$/);
  // One period: no "over", the default sentence for the one channel left without bounds or a lock.
  const one = infeasibleMessage(below(1000, 95_000), { route: 'optimize', budget: 1000, periods: 1, defaulted: defaultedChannels(channels, { tv: { min: 60_000 } }, ['search']) });
  assert.match(one, /^The budget 1,000 is below the 95,000 that the lower bounds and locks require: raise/);
  assert.match(one, / radio has no bounds in the request, so the default bounds \(0\.5×–2× current spend\) require at least 25,000 for it\./);
  // Every channel bounded or locked in the request: the default bounds took no part.
  assert.doesNotMatch(infeasibleMessage(below(1000, 95_000), { route: 'optimize', budget: 1000, periods: 1, defaulted: [] }), /default/);
});

test('a budget above the maximum: "upTo" is advised by /optimize only; /plan amounts are totals already; no "up to" budget anywhere', () => {
  const o = infeasibleMessage(above(1_000_000, 380_000), { route: 'optimize', budget: 4_000_000, periods: 4, defaulted: channels });
  assert.match(o, /^The budget 4,000,000 over 4 periods cannot be spent: the upper bounds and locks allow at most 1,520,000 over those periods \(380,000 per period\); lower the budget to at most 1,520,000, or raise the upper bounds, or send "upTo": true to spend at most the budget\./);
  assert.match(o, /let them take at most 1,520,000 over the 4 periods\./);
  const p = infeasibleMessage(above(4_000_000, 1_520_000), { route: 'plan', budget: 4_000_000, periods: 4, defaulted: channels });
  assert.match(p, /^The budget 4,000,000 over 4 periods cannot be spent: the upper bounds and locks allow at most 1,520,000 over those periods \(380,000 per period\); lower the budget to at most 1,520,000, or raise the upper bounds \(a plan spends its whole budget\)\./);
  for (const m of [o, p]) assert.doesNotMatch(m, /"up to"/);
  assert.doesNotMatch(p, /upTo/);
});

test('an infeasible scenario level names the level, the budget per period and the levels that would do', () => {
  const current = 190_000;
  const low = infeasibleMessage(below(0.2 * current, 0.5 * current), { route: 'scenarios', level: 0.2, currentBudget: current, defaulted: channels });
  assert.match(low, /^The level 0\.2 \(a budget of 38,000 per period\) is below the 95,000 per period that the lower bounds and locks require: choose a higher level \(at least 0\.5× current spend\)/);
  assert.match(low, /require at least 95,000 per period for them/);
  const high = infeasibleMessage(above(3 * current, 2 * current), { route: 'scenarios', level: 3, currentBudget: current, defaulted: channels });
  assert.match(high, /^The level 3 \(a budget of 570,000 per period\) cannot be spent: the upper bounds and locks allow at most 380,000 per period; choose a lower level \(at most 2× current spend\), or raise the upper bounds\./);
  assert.doesNotMatch(high, /up to|upTo/);
});

test('reasons these routes cannot meet keep the engine\'s text; limits round away from the infeasible side', () => {
  const conflict: Infeasible = { feasible: false, reason: 'CONFLICTING_BOUNDS', message: 'The bounds on tv conflict …', details: { channel: 'tv', lower: 2, upper: 1 } };
  assert.equal(infeasibleMessage(conflict, { route: 'plan', budget: 1, periods: 2, defaulted: [] }), conflict.message);
  assert.equal(limit(190_000, 'up'), '190,000');
  assert.equal(limit(190_000.5, 'up'), '190,001');
  assert.equal(limit(190_000.5, 'down'), '190,000');
  assert.equal(limit(1_234_567.2, 'up'), '1,234,570');
  assert.equal(limit(1_234_567.2, 'down'), '1,234,560');
});

test('the default-bounds sentence of a recommendation tells an API client how to lift them', () => {
  const rows = [
    { channel: 'tv', current: 100, lower: 50, upper: 200, status: 'at-upper' as const },
    { channel: 'radio', current: 10, lower: 5, upper: 20, status: 'at-lower' as const },
    { channel: 'search', current: 10, lower: 0, upper: 30, status: 'at-upper' as const },
  ];
  assert.match(defaultBoundsSentence(rows, { defaults: DEFAULT_BOUNDS, channels: { search: { max: { type: 'absolute', value: 30 } } } }),
    /^ tv and radio are held by the default bounds \(0\.5×–2× current spend\), .*; to go further, give those channels bounds of their own in the request \(amounts per period\), e\.g\. "bounds": \{ "tv": \{\} \} for none\.$/);
  assert.match(defaultBoundsSentence(rows.slice(1), { defaults: DEFAULT_BOUNDS }), /^ radio is held .*give radio bounds of its own in the request/);
  assert.equal(defaultBoundsSentence(rows, { defaults: DEFAULT_BOUNDS, channels: { tv: {}, radio: {} } }), '');
});

test('amounts in prose are rounded (no "1,520,000.002821"), and a budget the request left out is named as current spend', () => {
  // Current spend with cents: 380,000.000705 per period, × 4 periods as the default budget.
  const perPeriod = 380_000.000705;
  const sent = infeasibleMessage(below(1000.4, 1_110_000.0007), { route: 'plan', budget: 1000.4, periods: 4, defaulted: [] });
  assert.match(sent, /^The budget 1,000 over 4 periods is below/);
  const m = infeasibleMessage(below(4 * perPeriod, 4 * 1_110_000.0007), { route: 'plan', budget: 4 * perPeriod, periods: 4, defaulted: [], budgetSent: false });
  assert.equal(m, 'No budget was sent, so the budget is current spend: 1,520,000 over 4 periods, which is below the 4,440,000 that the lower bounds and locks require '
    + 'over those periods (1,110,000 per period): send a budget of at least 4,440,000, or lower the lower bounds or unlock channels.');
  const over = infeasibleMessage(above(perPeriod, 205_003.1), { route: 'optimize', budget: perPeriod, periods: 1, defaulted: [], budgetSent: false });
  assert.match(over, /^No budget was sent, so the budget is current spend: 380,000, which cannot be spent: the upper bounds and locks allow at most 205,003; send a budget of at most 205,003, or raise the upper bounds, or send "upTo": true/);
  const level = infeasibleMessage(below(0.1 * perPeriod, 190_000.0004), { route: 'scenarios', level: 0.1, currentBudget: perPeriod, defaulted: [] });
  assert.match(level, /^The level 0\.1 \(a budget of 38,000 per period\) is below the 190,000 per period/);
});

test('limits: a value within half the engine\'s budget tolerance of a round number is that number; huge limits read as 1.23e+18', () => {
  assert.equal(limit(1_110_000.0007, 'up'), '1,110,000');
  assert.equal(limit(1_110_000.1, 'up'), '1,110,010');
  assert.equal(limit(1_109_999.9993, 'down'), '1,110,000');
  assert.equal(limit(0.0012345678, 'up'), '0.001235');
  assert.equal(limit(1e300, 'down'), '1.00e+300');
  assert.equal(limit(Infinity, 'down'), 'Infinity');
  assert.doesNotMatch(infeasibleMessage(below(1e308, 1.5e308), { route: 'optimize', budget: 1e308, periods: 1, defaulted: [] }), /\d{16}/);
});

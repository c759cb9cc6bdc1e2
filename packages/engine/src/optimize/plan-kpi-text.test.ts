import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planKpiSplitText, planTargetSentence } from './plan-kpi-text.ts';

const window = { current: 15_366_911, recommended: 15_531_651, lift: 164_740 };
const carryOut = { current: 5_793_693, recommended: 7_031_116, lift: 1_237_423 };

test('planKpiSplitText: the window and the carry-out apart, each with its lift, and what follows the plan', () => {
  assert.equal(planKpiSplitText(13, window, carryOut),
    'inside the 13 periods: 15,366,911 → 15,531,651 (+164,740); carry-out after them: 5,793,693 → 7,031,116 (+1,237,423), on top of current spend resumed after the plan');
  assert.match(planKpiSplitText(13, window, carryOut, 'dark'), /\(\+1,237,423\), assuming no spend after the plan$/);
});

test('planKpiSplitText: a loss keeps its own minus (prose or a hyphen from a caller\'s format), never "+−"', () => {
  const loss = { current: 200, recommended: 150, lift: -50 };
  assert.match(planKpiSplitText(4, loss, loss), /^inside the 4 periods: 200 → 150 \(−50\); carry-out after them: 200 → 150 \(−50\)/);
  assert.match(planKpiSplitText(4, loss, loss, 'current', (v) => String(Math.round(v))), /\(-50\); carry-out/);
});

test('planTargetSentence: the target, what current spend brings, the least budget; the period word and its plural', () => {
  assert.equal(planTargetSentence({ total: 2.6e6, floor: false }, 4.1e6, 13, 3.9e6),
    'To reach 4,100,000 inside the next 13 periods (current spend is predicted to bring 3,900,000), the least budget that reaches it is 2,600,000 over them, planned for the KPI inside the window (spend whose effect lands after it does not count toward the target).');
  assert.equal(planTargetSentence({ total: 30, floor: true }, 10, 1, 8, 'week'),
    'To reach 10 inside the next 1 week (current spend is predicted to bring 8), the lower bounds and locks alone reach it, so the least budget is their total, 30.');
  assert.match(planTargetSentence({ total: 30, floor: true }, 10, 4, 8, 'day'), /inside the next 4 days \(/);
});

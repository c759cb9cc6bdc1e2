import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { planKpiSplitText, type MmmModel, type SummaryResult } from '@mixwise/engine';
import { quickFit } from './quick-fit.ts';
import { formatAmount } from '@mixwise/charts';
import { recommend, renderReport, type ReportOptimization } from '../src/index.ts';

let model: MmmModel;
let summary: SummaryResult;
before(async () => {
  ({ model, summary } = await quickFit());
});

/** optimization.json of `mixwise optimize --periods 13`: the expected KPI is the window plus the carry-out after it. */
function planOptimization(afterPlan: 'current' | 'dark'): ReportOptimization {
  const names = summary.channels.slice(0, 2).map((c) => c.name);
  return {
    mode: 'plan', periods: 13, budget: 1_950_000, current_budget: 1_950_000, plan: { after_plan: afterPlan },
    allocation: [{ channel: names[0], current: 975_000, recommended: 1_300_000 }, { channel: names[1], current: 975_000, recommended: 650_000 }],
    expected: {
      current: 21_160_605, recommended: 22_562_767, lift: 1_402_162, lift_share: 0.066,
      window: { current: 15_366_911, recommended: 15_531_651, lift: 164_740 },
      carry_out: { current: 5_793_693, recommended: 7_031_116, lift: 1_237_423 },
    },
  };
}

test('a plan\'s predicted KPI is split as mixwise optimize prints it: inside the periods, the carry-out after them, then the total', () => {
  const opt = planOptimization('current');
  const text = recommend(model, opt)?.text ?? '';
  const e = opt.expected;
  assert.ok(e.window && e.carry_out);
  // The same words as the CLI (one function, engine planKpiSplitText), in the report's number format.
  const split = planKpiSplitText(13, e.window, e.carry_out, 'current', formatAmount);
  assert.ok(text.includes(`Predicted ${summary.target} ${split}; in total 21,160,605 → 22,562,767 (+1,402,162, +6.6%).`), text);
  assert.ok(text.includes('inside the 13 periods: 15,366,911 → 15,531,651 (+164,740); carry-out after them: 5,793,693 → 7,031,116 (+1,237,423), on top of current spend resumed after the plan'));
  // The total is never called the KPI "over 13 periods", and the after-plan assumption is not said twice.
  assert.doesNotMatch(text, /Predicted \S+ over 13 periods/);
  assert.doesNotMatch(text, /The plan assumes/);
  const page = renderReport({ model, summary, optimization: opt });
  assert.ok(page.includes('carry-out after them: 5,793,693 → 7,031,116 (+1,237,423)'));
  assert.match(recommend(model, planOptimization('dark'))?.text ?? '', /\(\+1,237,423\), assuming no spend after the plan; in total /);
});

test('an older plan without the split calls its total what it is: the periods and the carry-out after them', () => {
  const { window: _w, carry_out: _c, ...expected } = planOptimization('current').expected;
  const text = recommend(model, { ...planOptimization('current'), expected })?.text ?? '';
  assert.match(text, new RegExp(`Predicted ${summary.target} over 13 periods and the carry-out after them: 21,160,605 → 22,562,767 \\(\\+1,402,162, \\+6\\.6%\\)\\. The plan assumes current spend resumes after it\\.`));
});

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { planKpiSplitText, type MmmModel, type SummaryResult } from '@mixwise/engine';
import { quickFit } from './quick-fit.ts';
import { formatAmount } from '@mixwise/charts';
import { escapeHtml, recommend, renderReport, type ReportOptimization } from '../src/index.ts';

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

test('the recommendation\'s note says which curves the predictions come from and which periods "current" spend averages', () => {
  const names = summary.channels.slice(0, 2).map((c) => c.name);
  const windowPeriods = model.window.end - model.window.start;
  const steady: ReportOptimization = {
    mode: 'steady-state', periods: 1, budget: 2000, current_budget: 2000, reference_periods: 13,
    uncertainty: { replicates: 100, objective: 'expected', source: 'bootstrap' },
    allocation: [{ channel: names[0], current: 1000, recommended: 1200 }, { channel: names[1], current: 1000, recommended: 800 }],
    expected: { current: 50000, recommended: 51000, lift: 1000 },
  };
  const r = recommend(model, steady);
  assert.ok(r);
  assert.equal(r.curves, "the mean of the response curves of the model's replicates (expected over 100 bootstrap replicates), at a steady spend per period");
  assert.equal(r.reference, `the mean spend per period over the last 13 of the ${windowPeriods} modeled periods (--reference-periods 13)`);
  const page = renderReport({ model, summary, optimization: steady });
  assert.ok(page.includes(`Current spend is the mean spend per period over the last 13 of the ${windowPeriods} modeled periods (--reference-periods 13).`));
  assert.ok(page.includes('Predictions come from the mean of the response curves of the model&#39;s replicates (expected over 100 bootstrap replicates), at a steady spend per period'), page.match(/Predictions come[^<]*/)?.[0]);
  assert.doesNotMatch(page, /Predictions come from the fitted response curves/);
  // optimize's basis_note (averaged vs point curves) is restated beside it.
  const note = 'At the current steady spend the mean over the 100 replicates\' curves and the point estimate\'s curve give a different ROI: tv 12.18 against 5.33.';
  assert.ok(renderReport({ model, summary, optimization: { ...steady, basis_note: note } }).includes(escapeHtml(note)));
  assert.match(recommend(model, planOptimization('current'))?.curves ?? '', /^the response curves of the fitted model's point estimate, period by period over the plan$/);
  assert.match(recommend(model)?.reference ?? '', new RegExp(`over all ${windowPeriods} modeled periods`));
});

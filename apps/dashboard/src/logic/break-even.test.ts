import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocateBudget, targetEfficiency, type ResponseModel } from '@mixwise/engine';
import { breakEvenMroi, breakEvenText, budgetMarginal } from './break-even.ts';
import { formatCompact, formatRoi } from './format.ts';

const mm = (halfSaturation: number) => ({ type: 'michaelis-menten' as const, halfSaturation });
// r(x) = 200·x/(100+x): r'(x) = 20000/(100+x)², 1 at x = 41.4 per channel.
const model: ResponseModel = {
  baseline: 1000,
  channels: [
    { name: 'tv', current: 100, coef: 200, gain: 1, saturation: mm(100) },
    { name: 'search', current: 100, coef: 200, gain: 1, saturation: mm(100) },
  ],
};

test('without a margin, past revenue break-even a revenue KPI is told where it is, but not that it loses money', () => {
  const a = allocateBudget(model, { budget: 200 });
  assert.ok(a.feasible);
  const m = budgetMarginal(a);
  assert.ok(m !== null && Math.abs(m - 20000 / 200 ** 2) < 1e-6, `the last unit returns r'(100) = 0.5: ${m}`);
  const be = targetEfficiency(model, { type: 'mroi', value: 1 });
  assert.ok(be.feasible);
  assert.ok(Math.abs(be.budget - 2 * (Math.sqrt(20000) - 100)) < 1e-3, `break-even where each channel's mROI is 1: ${be.budget}`);
  const text = breakEvenText(a, 'revenue', 'revenue', 'week', be.budget);
  assert.equal(text,
    `The last unit of this budget returns ${formatRoi(0.5)} revenue per unit spent (marginal ROI below 1): it brings back less revenue than it costs. `
    + `Revenue break-even (marginal ROI 1) is at about ${formatCompact(be.budget)} per week with these limits; above it each unit spent brings back less than a unit of revenue. `
    + 'Whether that loses money depends on the margin: set a gross margin to see where spend stops paying for itself.');
  assert.doesNotMatch(text, /loses money on the margin/, 'revenue is not profit');
  assert.doesNotMatch(breakEvenText(a, 'revenue', 'revenue', 'week', null), /break-even \(marginal ROI 1\) is at/, 'no break-even known: no place named');
  assert.match(breakEvenText(a, 'revenue', 'revenue', 'week', 'none'), /Even the lowest spend these limits allow is past revenue break-even/);
  // A count KPI has no break-even without a value per unit.
  assert.equal(breakEvenText(a, 'count', 'orders', 'week', be.budget), '');
});

test('the break-even budget is written in the model\'s currency and locale', () => {
  const a = allocateBudget(model, { budget: 200 });
  assert.ok(a.feasible);
  assert.match(breakEvenText(a, 'revenue', 'revenue', 'week', 82.84, null, { currency: 'EUR', locale: 'de-DE' }), /Revenue break-even \(marginal ROI 1\) is at about 82,84\u00a0€ per week/);
  assert.match(breakEvenText(a, 'revenue', 'revenue', 'week', 150, null, { currency: 'GBP', locale: 'en-GB' }), /at about £150 per week/);
  assert.match(breakEvenText(a, 'revenue', 'revenue', 'week', 82.84), /at about 82\.84 per week/, 'no currency: bare, as before');
});

test('below break-even (last unit returns more than 1) nothing is said', () => {
  const a = allocateBudget(model, { budget: 60 });
  assert.ok(a.feasible);
  assert.ok((budgetMarginal(a) ?? 0) > 1);
  assert.equal(breakEvenText(a, 'revenue', 'revenue', 'week', 82.8), '');
});

test('with a margin, break-even is at marginal ROI 1/margin: the goal asked and the note say so', () => {
  assert.equal(breakEvenMroi('revenue', 0.25), 4);
  assert.equal(breakEvenMroi('revenue', null), 1);
  assert.equal(breakEvenMroi('count', null), null);
  assert.equal(breakEvenMroi('count', 120), 1 / 120);
  // At a budget of 60 the last unit returns r'(30) = 20000/130² ≈ 1.18: above revenue break-even, yet
  // at a margin of 0.6 it is worth 0.71, less than it costs.
  const a = allocateBudget(model, { budget: 60 });
  assert.ok(a.feasible);
  const m = budgetMarginal(a) ?? NaN;
  assert.ok(m > 1 && m < 1 / 0.6, `between 1 and 1/margin: ${m}`);
  assert.equal(breakEvenText(a, 'revenue', 'revenue', 'week', null), '', 'without a margin it is not past break-even');
  const be = targetEfficiency(model, { type: 'mroi', value: breakEvenMroi('revenue', 0.6) ?? NaN });
  assert.ok(be.feasible);
  // Each channel's mROI is 1/0.6 where (100+x)² = 12000.
  assert.ok(Math.abs(be.budget - 2 * (Math.sqrt(12000) - 100)) < 1e-3, `profit break-even: ${be.budget}`);
  assert.equal(breakEvenText(a, 'revenue', 'revenue', 'week', be.budget, 0.6),
    `The last unit of this budget returns ${formatRoi(m)} revenue per unit spent, worth ${formatRoi(m * 0.6)} at a gross margin of ${formatRoi(0.6)}: the last units earn less than they cost. `
    + `Break-even (marginal ROI ${formatRoi(1 / 0.6)}) is at about ${formatCompact(be.budget)} per week with these limits; spend above it loses money on the margin.`);
  // A count KPI with a value per unit has a break-even too.
  assert.match(breakEvenText(a, 'count', 'orders', 'week', 'none', 0.6), /worth .* at a gross margin of .*Even the lowest spend these limits allow is past break-even \(marginal ROI /);
  // A margin high enough that the last unit pays: nothing to say.
  assert.equal(breakEvenText(a, 'revenue', 'revenue', 'week', null, 2), '');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocateBudget, targetEfficiency, type ResponseModel } from '@mixwise/engine';
import { breakEvenText, budgetMarginal } from './break-even.ts';
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

test('past break-even a revenue KPI is told the last units return less than they cost, and where break-even is', () => {
  const a = allocateBudget(model, { budget: 200 });
  assert.ok(a.feasible);
  const m = budgetMarginal(a);
  assert.ok(m !== null && Math.abs(m - 20000 / 200 ** 2) < 1e-6, `the last unit returns r'(100) = 0.5: ${m}`);
  const be = targetEfficiency(model, { type: 'mroi', value: 1 });
  assert.ok(be.feasible);
  assert.ok(Math.abs(be.budget - 2 * (Math.sqrt(20000) - 100)) < 1e-3, `break-even where each channel's mROI is 1: ${be.budget}`);
  assert.equal(breakEvenText(a, 'revenue', 'revenue', 'week', be.budget),
    `The last unit of this budget returns ${formatRoi(0.5)} revenue per unit spent (marginal ROI below 1): the last units return less than they cost. `
    + `Break-even (marginal ROI 1) is at about ${formatCompact(be.budget)} per week with these limits; spend above it loses money on the margin.`);
  assert.match(breakEvenText(a, 'revenue', 'revenue', 'week', null), /less than they cost\.$/, 'no break-even known: no place named');
  assert.match(breakEvenText(a, 'revenue', 'revenue', 'week', 'none'), /Even the lowest spend these limits allow is past break-even/);
  // A count KPI has no break-even without a value per unit.
  assert.equal(breakEvenText(a, 'count', 'orders', 'week', be.budget), '');
});

test('the break-even budget is written in the model\'s currency and locale', () => {
  const a = allocateBudget(model, { budget: 200 });
  assert.ok(a.feasible);
  assert.match(breakEvenText(a, 'revenue', 'revenue', 'week', 82.84, { currency: 'EUR', locale: 'de-DE' }), /Break-even \(marginal ROI 1\) is at about 82,84\u00a0€ per week/);
  assert.match(breakEvenText(a, 'revenue', 'revenue', 'week', 150, { currency: 'GBP', locale: 'en-GB' }), /at about £150 per week/);
  assert.match(breakEvenText(a, 'revenue', 'revenue', 'week', 82.84), /at about 82\.84 per week/, 'no currency: bare, as before');
});

test('below break-even (last unit returns more than 1) nothing is said', () => {
  const a = allocateBudget(model, { budget: 60 });
  assert.ok(a.feasible);
  assert.ok((budgetMarginal(a) ?? 0) > 1);
  assert.equal(breakEvenText(a, 'revenue', 'revenue', 'week', 82.8), '');
});

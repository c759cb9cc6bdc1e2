import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocateBudget, profitText, responseModelFromMmm } from '@mixwise/engine';
import { testModel } from '../worker/test-model.ts';
import { profitView, readMargin } from './margin.ts';

test('readMargin: a number above 0, any size (a lead may be worth 120); empty is no margin; 0, negatives and text are said to be wrong', () => {
  assert.deepEqual(readMargin('0.3'), { margin: 0.3, problem: null });
  assert.deepEqual(readMargin('120'), { margin: 120, problem: null });
  assert.deepEqual(readMargin(' '), { margin: null, problem: null });
  for (const bad of ['0', '-0.3', '30%', '0,3']) {
    const r = readMargin(bad);
    assert.equal(r.margin, null, bad);
    assert.match(r.problem ?? '', /^The gross margin must be a plain number greater than 0/);
  }
});

test('profitView: profit = margin × KPI − spend per period, current and recommended; the engine\'s profitText in the page\'s terms', () => {
  const rm = responseModelFromMmm(testModel(), { uncertainty: 'expected' });
  const a = allocateBudget(rm, { budget: 18 });
  assert.ok(a.feasible);
  for (const margin of [0.3, 50]) {
    const v = profitView(margin, a);
    assert.equal(v.profit.current, margin * a.expected.current - a.currentBudget);
    assert.equal(v.profit.recommended, margin * a.expected.recommended - a.budget);
    assert.equal(v.profit.lift, v.profit.recommended - v.profit.current);
    const engine = profitText(margin, v.profit, a.multiplier, 'per period').trim();
    assert.ok(v.text.startsWith(`At a margin of ${margin} per unit of KPI, gross profit after media spend moves from `), v.text);
    assert.doesNotMatch(v.text, /--target-mroi/);
    // Only the CLI flag is reworded: the rest is the engine's sentence.
    assert.equal(v.text.replace(/ \(Plan to a goal below: spend while the next unit returns at least ([^)]+)\)/, ' (--target-mroi $1)'), engine);
  }
});

test('readMargin: a ratio, so 1.125 and 1.500 are decimals (as `mixwise optimize --margin 1.125`), not dot thousands', () => {
  assert.deepEqual(readMargin('1.125'), { margin: 1.125, problem: null });
  assert.deepEqual(readMargin('1.500'), { margin: 1.5, problem: null });
});

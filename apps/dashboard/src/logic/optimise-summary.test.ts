import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocateBudget, intervalSentence, type ResponseModel } from '@mixwise/engine';
import { buildConstraints } from './constraints.ts';
import { formatCompact, formatPct } from './format.ts';
import { optimiseSummary } from './optimise-summary.ts';
import { rescaleSpend, whatIf } from './what-if.ts';

const mm = (halfSaturation: number) => ({ type: 'michaelis-menten' as const, halfSaturation });
// Three channels, the first with two replicate curves (its expected response is their mean), as the worker loads them.
const model: ResponseModel = {
  baseline: 1000,
  channels: [
    { name: 'tv', current: 160, coef: 400, gain: 1, saturation: mm(200), components: [{ coef: 300, gain: 1, saturation: mm(150) }, { coef: 500, gain: 1, saturation: mm(250) }] },
    { name: 'search', current: 120, coef: 300, gain: 1, saturation: mm(60) },
    { name: 'social', current: 100, coef: 150, gain: 1, saturation: mm(300) },
  ],
};
const names = model.channels.map((c) => c.name);
const current = model.channels.map((c) => c.current);
const controls = names.map(() => ({ min: 0.5, max: 2, locked: false }));

test('at a new total the re-split is measured against the user\'s split at that total, and the change vs current spend is said apart', () => {
  const r = rescaleSpend(current, 600);
  assert.ok(r.ok);
  const user = r.spend;
  const a = allocateBudget(model, { budget: 600, constraints: buildConstraints(names, controls, user) });
  assert.ok(a.feasible);
  const userKpi = whatIf(model, user).kpi, currentKpi = whatIf(model, current).kpi;
  const s = optimiseSummary(a, user, userKpi, 'revenue', 'week');
  // The numbers, against the engine: the re-split is recommended − the user's split; the change vs
  // current spend is the engine's lift, and the two parts add up to it.
  assert.ok(Math.abs(s.reSplit.gain - (a.expected.recommended - userKpi)) < 1e-9);
  assert.ok(Math.abs(s.reSplit.share! - (a.expected.recommended - userKpi) / userKpi) < 1e-12);
  assert.ok(s.vsCurrent);
  assert.ok(Math.abs(s.vsCurrent.gain - (a.expected.recommended - currentKpi)) < 1e-9);
  assert.ok(Math.abs(a.expected.current - currentKpi) < 1e-9, 'the engine\'s current KPI is the what-if at current spend');
  assert.ok(s.reSplit.gain >= -1e-9 && s.reSplit.gain < s.vsCurrent.gain, 'most of the change comes from the budget, not the re-split');
  assert.equal(s.text,
    `Optimised split at ${formatCompact(600)} per week: ${formatPct(s.reSplit.share, true)} revenue vs your split at that budget (+${formatCompact(s.reSplit.gain)} per week), the gain from re-splitting alone. `
    + `Vs current spend (${formatCompact(380)} per week): ${formatPct(a.expected.liftShare, true)} (+${formatCompact(a.expected.lift)} per week), `
    + `+${formatCompact(userKpi - currentKpi)} of it from the new budget with your split and +${formatCompact(s.reSplit.gain)} from the re-split.`
    + (a.binding.some((b) => b !== 'budget') ? ` Binding: ${a.binding.filter((b) => b !== 'budget').join(', ')}.` : ''));
});

test('at the current split the message is the engine\'s lift vs the current split', () => {
  const a = allocateBudget(model, { budget: 380, constraints: buildConstraints(names, controls, current) });
  assert.ok(a.feasible);
  const s = optimiseSummary(a, current, whatIf(model, current).kpi, 'revenue', 'week');
  assert.equal(s.vsCurrent, null);
  assert.ok(Math.abs(s.reSplit.gain - a.expected.lift) < 1e-9);
  assert.match(s.text, /^Optimised split at 380 per week: \+[\d.]+% revenue vs the current split \(\+[\d.]+k? per week\)\./);
});

test('at the current total but another split both comparisons are given', () => {
  const user = [200, 80, 100];
  const a = allocateBudget(model, { budget: 380, constraints: buildConstraints(names, controls, user) });
  assert.ok(a.feasible);
  const userKpi = whatIf(model, user).kpi;
  const s = optimiseSummary(a, user, userKpi, 'revenue', 'week');
  assert.ok(s.vsCurrent);
  assert.ok(Math.abs(s.reSplit.gain - (a.expected.recommended - userKpi)) < 1e-9);
  assert.match(s.text, /vs your split \(.*\); .* vs the current split \(/);
});

test('a locked channel is named as binding, the budget is not', () => {
  const locked = controls.map((c, i) => (i === 0 ? { ...c, locked: true } : c));
  const a = allocateBudget(model, { budget: 380, constraints: buildConstraints(names, locked, current) });
  assert.ok(a.feasible);
  const s = optimiseSummary(a, current, whatIf(model, current).kpi, 'revenue', 'week');
  assert.match(s.text, /Binding: tv: locked/);
  assert.doesNotMatch(s.text, /budget[,.]/);
});

test('with the lift\'s interval, the message ends with the optimizer\'s sentence on it (a gain the replicates do not settle is said to be one)', () => {
  const a = allocateBudget(model, { budget: 380, constraints: buildConstraints(names, controls, current) });
  assert.ok(a.feasible);
  const plain = optimiseSummary(a, current, whatIf(model, current).kpi, 'revenue', 'week');
  const sentence = intervalSentence([-50, 400], 12, a.expected.lift).trim();
  const s = optimiseSummary(a, current, whatIf(model, current).kpi, 'revenue', 'week', { interval: [-50, 400], replicates: 12, sentence });
  assert.equal(s.text, `${plain.text} ${sentence}`);
  assert.match(s.text, /90% of the predicted lifts lie between −50 and \+400\. That range includes no gain or a loss/);
  assert.deepEqual(s.vsCurrentInterval, [-50, 400]);
  assert.equal(plain.vsCurrentInterval, null);
  const still = optimiseSummary(a, current, whatIf(model, current).kpi, 'revenue', 'week', { interval: [-1, 1], replicates: 12, sentence: '' });
  assert.equal(still.text, plain.text, 'nothing moves: no sentence, as the API');
});

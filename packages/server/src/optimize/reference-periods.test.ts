import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_WEIGHTS, fitMmm, lateStartChannels, responseModelFromMmm, simulatePreset, type MmmModel } from '@mixwise/engine';
import { idleChannels, lateStartOf, referenceOf, referenceSentence } from './reference-periods.ts';
import { constraintsOf } from './constraints-of.ts';
import { optimizeModel } from './optimize-model.ts';
import { planBudget } from './plan-budget.ts';

let model: MmmModel;
before(async () => {
  model = await fitMmm(simulatePreset('retail', 2).table, { search: { iterations: 300, trials: 1, seed: 1, bootstrap: 0, posterior: 0, weights: DEFAULT_WEIGHTS } });
});

const close = (a: number, b: number, tol = 1e-9): void => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);

test('referenceOf: the window\'s length when none is sent; more periods than the window is a 400 naming it', () => {
  const W = model.window.end - model.window.start;
  assert.deepEqual(referenceOf(model, undefined), { asked: undefined, referencePeriods: W, windowPeriods: W });
  assert.deepEqual(referenceOf(model, 13), { asked: 13, referencePeriods: 13, windowPeriods: W });
  assert.throws(() => referenceOf(model, W + 1), (e: Error & { code?: string }) => e.code === 'BAD_REQUEST' && e.message.includes(`(${W} periods, `) && e.message.includes(`send at most ${W}`));
  assert.equal(referenceSentence(referenceOf(model, undefined)), '');
  assert.equal(referenceSentence(referenceOf(model, 13)), ` Current spend is the mean spend per period over the last 13 of the ${W} modeled periods ("referencePeriods": 13).`);
});

test('a channel dark over the reference periods may spend 0 to 2× its window mean under the default bounds, as the CLI; not with bounds of its own', () => {
  const { end } = model.window;
  const dark: MmmModel = { ...model, channels: model.channels.map((c, k) => (k === 0 ? { ...c, spend: c.spend.map((x, t) => (t >= end - 3 && t < end ? 0 : x)) } : c)) };
  const name = dark.channels[0].name;
  const windowMean = responseModelFromMmm(dark).channels[0].current;
  const rm = responseModelFromMmm(dark, { referencePeriods: 3 });
  const idle = idleChannels(dark, referenceOf(dark, 3), constraintsOf(rm, {}, []), {});
  assert.deepEqual(idle.constraints.channels?.[name], { min: { type: 'absolute', value: 0 }, max: { type: 'absolute', value: 2 * windowMean } });
  assert.match(idle.note, new RegExp(`^ No spend in the last 3 periods, so by default between 0 and 2× the mean spend per period over the modeling window: ${name} \\(0 to `));
  // A budget the others cannot take at 2× their current: the dark channel must spend its window mean (0.5×–2× of 0 would be infeasible).
  const others = rm.channels.slice(1).reduce((s, c) => s + c.current, 0);
  const out = optimizeModel(dark, { periods: 1, budget: 2 * others + windowMean, bounds: {}, locks: [], upTo: false, referencePeriods: 3 });
  assert.equal(out.allocation[0].current, 0);
  const tv = out.allocation[0].recommended;
  assert.ok(tv > 0 && tv <= 2 * windowMean * (1 + 1e-9), `${tv}: the dark channel may spend again, up to 2× its window mean`);
  assert.ok(out.recommendation.includes(idle.note), out.recommendation);
  // Bounds of its own, or no referencePeriods: nothing added.
  const own = idleChannels(dark, referenceOf(dark, 3), constraintsOf(rm, { [name]: { max: 5 } }, []), { [name]: { max: 5 } });
  assert.deepEqual(own.constraints.channels?.[name], { max: { type: 'absolute', value: 5 } });
  assert.doesNotMatch(own.note, new RegExp(`${name} \\(`));
  assert.equal(idleChannels(dark, referenceOf(dark, undefined), constraintsOf(rm, {}, []), {}).note, '');
});

test('a channel launched late: lateStart with the engine\'s figures, advising referencePeriods (the API has no --current), on /optimize and /plan', () => {
  const launched: MmmModel = { ...model, channels: model.channels.map((c, i) => (i !== 0 ? c : { ...c, spend: c.spend.map((v, t) => (t < 100 ? 0 : 1.5 * v)) })) };
  const engine = lateStartChannels(launched);
  assert.equal(engine.length, 1);
  const { lateStart } = lateStartOf(launched, referenceOf(launched, undefined));
  assert.ok(lateStart);
  const [l] = lateStart;
  assert.deepEqual([l.channel, l.firstSpendDate, l.periodsSinceLaunch], [engine[0].channel, model.dates[100], engine[0].periodsSinceLaunch]);
  close(l.meanSinceLaunch, engine[0].meanSinceLaunch);
  assert.doesNotMatch(l.message, /--current|--reference-periods/);
  assert.ok(l.message.endsWith(`; to plan on the run-rate, send "referencePeriods": ${l.periodsSinceLaunch} (every channel's current becomes its mean over the last ${l.periodsSinceLaunch} periods)`), l.message);
  assert.ok(l.message.startsWith(`${l.channel} first spent on ${l.firstSpendDate}`));
  const o = optimizeModel(launched, { periods: 1, bounds: {}, locks: [], upTo: false });
  assert.deepEqual(o.lateStart, lateStart);
  close(o.allocation[0].current, l.referenceMean);
  const p = planBudget(launched, { periods: 3, bounds: {}, locks: [], afterPlan: 'current' });
  assert.deepEqual(p.lateStart, lateStart);
  // Measured since the launch, the channel is no longer late, and the answer says nothing.
  assert.deepEqual(lateStartOf(launched, referenceOf(launched, l.periodsSinceLaunch)), {});
  assert.equal(optimizeModel(model, { periods: 1, bounds: {}, locks: [], upTo: false }).lateStart, undefined);
});

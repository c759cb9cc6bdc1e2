import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MODEL_SCHEMA_VERSION, type MmmModel } from '../model/mmm-model.ts';
import { defaultModelSpec } from '../spec/model-spec.ts';
import { summarizeModel } from './summarize.ts';
import { centredControls, centredControlsText, interceptText } from './centred-controls.ts';
import { decompose } from './decomposition.ts';

const index = [96, 98, 100, 102, 104, 100, 95, 105];
const promo = [0, 1, 0, 0, 1, 0, 0, 1];

/** Eight weeks, no media: a market index (never 0, so centred on its mean 100) and a promotion flag (0 is a level it takes). */
function model(): MmmModel {
  const n = index.length;
  return {
    schemaVersion: MODEL_SCHEMA_VERSION, target: { name: 'revenue', kind: 'revenue' }, frequency: 'weekly',
    dates: Array.from({ length: n }, (_, t) => new Date(Date.UTC(2024, 0, 1 + 7 * t)).toISOString().slice(0, 10)),
    window: { start: 0, end: n }, holdout: 0, spec: defaultModelSpec({ nTimes: n, frequency: 'weekly', channels: [] }),
    intercept: 1000, channels: [],
    baseline: [{ name: 'market_index', kind: 'control', values: index, coef: 50 }, { name: 'promo', kind: 'control', values: promo, coef: 30 }],
    actual: new Array<number>(n).fill(0),
    search: { nCandidates: 0, objectives: [], chosen: { objectives: [], score: 0 }, pareto: [], selectionRule: 'none' },
    bootstrapRoi: [],
  };
}

test('centredControls: a control measured against its mean sums to 0 over the window, and its effect per period is the range around it', () => {
  const m = model();
  const [c, ...rest] = centredControls(m);
  assert.equal(rest.length, 0, 'promo reaches 0, so it keeps 0 as its reference');
  assert.equal(c.name, 'market_index');
  assert.equal(c.reference, 100);
  assert.ok(Math.abs(c.contribution) < 1e-9);
  assert.equal(c.low, 50 * (95 - 100));
  assert.equal(c.high, 50 * (105 - 100));
  // summary.json's contract is unchanged: the control group's total is still the bare (≈ 0 + promo) sum.
  assert.ok(Math.abs(summarizeModel(m).baseline.components.control - 30 * 3) < 1e-9);
});

test('centredControlsText: says the 0 is by construction, not "no effect", with each control\'s range per period', () => {
  const m = model();
  assert.equal(centredControlsText(centredControls(m), 'revenue'),
    'market_index is measured against its mean (100): over the fitted periods its contribution sums to 0 by construction, not for lack of an effect; per period it moved revenue from −250 to +250.');
  const two = [...centredControls(m), { name: 'price', reference: 9.5, contribution: 0, low: -40, high: 12.5 }];
  assert.equal(centredControlsText(two, 'revenue'),
    'market_index (mean 100) and price (mean 9.5) are measured against their means: over the fitted periods each one\'s contribution sums to 0 by construction, not for lack of an effect; per period market_index moved revenue from −250 to +250 and price moved revenue from −40 to +12.5.');
  assert.equal(centredControlsText([], 'revenue'), '');
});

test('interceptText: the decomposition\'s intercept is the model\'s plus coefficient × mean of each centred control; none without one', () => {
  const m = model();
  const centred = centredControls(m);
  // 1000 + 50 × 100 = 6000 per period
  assert.equal(interceptText(m, centred), "The decomposition's intercept, 6,000 per period, is the model's intercept (1,000, as in model.json and coefficients.csv) plus coefficient × mean of market_index (+5,000): centred controls are measured against their mean, so their level at the mean is part of the intercept.");
  const intercept = decompose(m).components.find((c) => c.group === 'intercept');
  assert.ok(intercept && Math.abs(intercept.values[0] - 6000) < 1e-9, 'the same figure decomposition.csv shows');
  assert.equal(interceptText(m, []), '');
});

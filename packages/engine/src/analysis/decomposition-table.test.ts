import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel, ModelChannel } from '../model/mmm-model.ts';
import { MODEL_SCHEMA_VERSION } from '../model/mmm-model.ts';
import { defaultModelSpec } from '../spec/model-spec.ts';
import { createRng } from '../random/rng.ts';
import { decompositionTable } from './decomposition-table.ts';

const N = 30;
const dates = Array.from({ length: N }, (_, t) => new Date(Date.UTC(2023, 0, 2 + 7 * t)).toISOString().slice(0, 10));

/** A hand-built model: 30 weeks, window rows [3, 28), the last `holdout` of them held out. */
function model(holdout: number): MmmModel {
  const rng = createRng(5);
  const spend = (p: number) => Array.from({ length: N }, () => (rng.next() < p ? 0 : Math.round(200 + 800 * rng.next())));
  const channels: ModelChannel[] = [
    { name: 'tv', column: 'tv_spend', spend: spend(0.3), adstock: { type: 'geometric', alpha: 0.4 }, maxLag: 4, saturation: { type: 'hill', halfSaturation: 1.1, shape: 1.8 }, scale: 600, coef: 250 },
    { name: 'search', column: 'search_spend', spend: spend(0.1), adstock: { type: 'geometric', alpha: 0 }, maxLag: 2, saturation: { type: 'hill', halfSaturation: 0.7, shape: 0.9 }, scale: 450, coef: 120 },
  ];
  return {
    schemaVersion: MODEL_SCHEMA_VERSION,
    target: { name: 'sales', kind: 'revenue' },
    frequency: 'weekly',
    dates,
    window: { start: 3, end: 28 },
    holdout,
    spec: defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: ['tv', 'search'] }),
    intercept: 1000,
    channels,
    baseline: [
      { name: 'trend', kind: 'trend', values: Array.from({ length: N }, (_, t) => t / (N - 1)), coef: 40 },
      { name: 'promo', kind: 'event', values: Array.from({ length: N }, (_, t) => (t % 6 === 0 ? 1 : 0)), coef: 15 },
      { name: 'price', kind: 'control', values: Array.from({ length: N }, (_, t) => 10 + (t % 3)), coef: -3 },
    ],
    actual: Array.from({ length: N }, (_, t) => 1100 + 10 * Math.sin(t)),
    search: { nCandidates: 0, objectives: [], chosen: { objectives: [], score: 0 }, pareto: [], selectionRule: 'none' },
    bootstrapRoi: [],
  };
}

/** Normalised geometric adstock then Hill, written out directly (independent of the engine's kernels). */
function contribution(ch: ModelChannel): number[] {
  const alpha = ch.adstock.type === 'geometric' ? ch.adstock.alpha : NaN;
  const w = Array.from({ length: ch.maxLag + 1 }, (_, l) => alpha ** l);
  const sw = w.reduce((a, b) => a + b, 0);
  const sat = ch.saturation.type === 'hill' ? ch.saturation : undefined;
  if (sat === undefined) throw new Error('hill only');
  return ch.spend.map((_, t) => {
    let a = 0;
    for (let l = 0; l <= ch.maxLag && l <= t; l++) a += (w[l] / sw) * ch.spend[t - l];
    const x = a / ch.scale;
    return ch.coef * (x ** sat.shape / (x ** sat.shape + sat.halfSaturation ** sat.shape));
  });
}

test('columns: date, actual, fitted, holdout, then intercept, baseline terms and channels in model order', () => {
  assert.deepEqual(decompositionTable(model(0)).columns, ['date', 'actual', 'fitted', 'holdout', 'intercept', 'trend', 'promo', 'price', 'tv', 'search']);
});

test('one row per period of the window, with its date and actual KPI', () => {
  const m = model(0);
  const { rows } = decompositionTable(m);
  assert.equal(rows.length, 25);
  rows.forEach((r, i) => {
    assert.equal(r[0], dates[3 + i]);
    assert.equal(r[1], m.actual[3 + i]);
  });
});

test('components sum to fitted in every row, and equal hand-computed values', () => {
  const m = model(0);
  const { columns, rows } = decompositionTable(m);
  const tv = contribution(m.channels[0]), search = contribution(m.channels[1]);
  for (const [i, r] of rows.entries()) {
    const t = 3 + i;
    const parts = r.slice(4) as number[];
    const sum = parts.reduce((a, b) => a + b, 0);
    const fitted = r[2] as number;
    assert.ok(Math.abs(sum - fitted) <= 1e-9 * Math.abs(fitted), `row ${i}: ${sum} vs ${fitted}`);
    // price (10, 11 or 12) never reaches 0, so it is measured against its mean over the fitted rows
    // 3…27 (nine 10s, eight 11s, eight 12s: 274 / 25 = 10.96), and −3 × 10.96 joins the intercept.
    const expected = [1000 - 3 * 10.96, 40 * (t / (N - 1)), t % 6 === 0 ? 15 : 0, -3 * (10 + (t % 3) - 10.96), tv[t], search[t]];
    expected.forEach((e, j) => assert.ok(Math.abs(parts[j] - e) <= 1e-9 * Math.max(1, Math.abs(e)), `row ${i} ${columns[4 + j]}: ${parts[j]} vs ${e}`));
  }
  // the tv channel really contributes (spend carried over), so the check above is not trivially on zeros
  assert.ok(rows.some((r) => (r[8] as number) > 1));
});

test('holdout flag: 1 on exactly the last N rows of the window', () => {
  for (const h of [0, 1, 7]) {
    const flags = decompositionTable(model(h)).rows.map((r) => r[3]);
    assert.deepEqual(flags, Array.from({ length: 25 }, (_, i) => (i >= 25 - h ? 1 : 0)), `holdout ${h}`);
  }
});

test('a period without a KPI: actual null (an empty CSV cell, never NaN or 0), fitted and components as estimated', () => {
  const m = model(4);
  const gap: MmmModel = { ...m, actual: m.actual.map((a, t) => (t === 10 || t === 26 ? NaN : a)) };
  const full = decompositionTable(m).rows, rows = decompositionTable(gap).rows;
  rows.forEach((r, i) => {
    const t = 3 + i;
    assert.equal(r[1], t === 10 || t === 26 ? null : m.actual[t]);
    assert.deepEqual(r.slice(2), full[i].slice(2));
  });
});

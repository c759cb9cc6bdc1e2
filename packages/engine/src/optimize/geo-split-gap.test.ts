import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geoSplitGap, historicalGeoSplit } from './geo-split-gap.ts';
import { nationalModel, panelModel, SHARES } from '../model/panel-model.test-support.ts';
import { channelContribution } from '../model/channel-response.ts';
import type { MmmModel } from '../model/mmm-model.ts';

const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);
/** Hill curve, closed form: u^s / (u^s + K^s). */
const hill = (u: number, K: number, s: number) => (u <= 0 ? 0 : u ** s / (u ** s + K ** s));

test('geoSplitGap: null for a national model', () => {
  assert.equal(geoSplitGap(nationalModel(), { tv: 1000 }), null);
});

test('geoSplitGap: each channel against a hand computation of Σ_g s_g·β·f(w_g·X/(s_g·scale)) and β·f(X/scale)', () => {
  const model = panelModel(nationalModel());
  const spend = { tv: 5000, search: 2500, social: 900 };
  const r = geoSplitGap(model, spend)!;
  assert.equal(r.basis, 'point');
  const { start, end } = model.window;
  for (const ch of model.channels) {
    // w_g: geo g's share of the channel's spend over the modeling window, by plain sums.
    const tot = ch.panel!.spend.map((x) => x.slice(start, end).reduce((a, b) => a + b, 0));
    const w = tot.map((v) => v / tot.reduce((a, b) => a + b, 0));
    const sat = ch.saturation as { halfSaturation: number; shape: number };
    const X = spend[ch.name as keyof typeof spend];
    // Normalised adstock: a constant spend's steady state is the constant, so the gain is 1/scale.
    const prop = ch.coef * hill(X / ch.scale, sat.halfSaturation, sat.shape);
    const hist = SHARES.reduce((s, sg, g) => s + sg * ch.coef * hill((w[g] * X) / (sg * ch.scale), sat.halfSaturation, sat.shape), 0);
    const row = r.channels.find((c) => c.channel === ch.name)!;
    assert.equal(row.spend, X);
    close(row.proportional, prop);
    close(row.historical, hist);
    close(row.gap, prop - hist);
    assert.ok(w.some((v, g) => Math.abs(v - SHARES[g]) > 0.005), 'the test panel is off the proportional split');
  }
  close(r.proportional, r.channels.reduce((s, c) => s + c.proportional, 0));
  close(r.gap, r.proportional - r.historical);
});

test('geoSplitGap: the historical figure is the steady state of the model\'s own contribution with spend w_g·X in every geo', () => {
  const model = panelModel(nationalModel());
  const tv = model.channels[0];
  const X = 4200, n = 80;
  const w = historicalGeoSplit(tv.panel!, model.window.start, model.window.end);
  // Feed each geo a constant w_g·X for n periods through channelContribution (adstock, curve, Σ_g s_g).
  const held = { ...tv, spend: new Array<number>(n).fill(X), panel: { shares: tv.panel!.shares, spend: w.map((wg) => new Array<number>(n).fill(wg * X)) } };
  const steady = channelContribution(held)[n - 1];
  close(geoSplitGap(model, { tv: X })!.channels[0].historical, steady, 1e-9);
});

test('geoSplitGap: no gap when the history split spend in proportion to the KPI shares, or the spend is 0', () => {
  const model = panelModel(nationalModel(), true);
  const r = geoSplitGap(model, { tv: 5000, search: 2000, social: 1000 })!;
  for (const c of r.channels) close(c.historical, c.proportional);
  close(r.gap, 0, 1e-9);
  const zero = geoSplitGap(panelModel(nationalModel()), {})!;
  assert.equal(zero.proportional, 0);
  assert.equal(zero.historical, 0);
});

test('geoSplitGap: with replicates, the mean over them (the plan\'s expected curves)', () => {
  const model = panelModel(nationalModel());
  const scaled = (k: number): MmmModel => ({ ...model, channels: model.channels.map((ch) => ({ ...ch, coef: ch.coef * k })) });
  const spend = { tv: 5000, search: 2500, social: 900 };
  const point = geoSplitGap(model, spend)!;
  const r = geoSplitGap(model, spend, { replicates: [scaled(1), scaled(2)] })!;
  assert.equal(r.basis, 'expected');
  close(r.proportional, 1.5 * point.proportional);
  close(r.historical, 1.5 * point.historical);
});

test('geoSplitGap: rows choose the periods whose split is the history; bad spend refused', () => {
  const model = panelModel(nationalModel());
  const tv = model.channels[0].panel!;
  const w = historicalGeoSplit(tv, 10, 11);
  const at10 = tv.spend.map((x) => x[10]);
  const sum10 = at10.reduce((a, b) => a + b, 0);
  if (sum10 > 0) w.forEach((v, g) => close(v, at10[g] / sum10));
  assert.throws(() => geoSplitGap(model, { tv: -1 }), /finite amount ≥ 0/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../random/rng.ts';
import { uniform } from '../random/distributions.ts';
import { compileCurve, type Curve } from './curve.ts';
import { informationValue } from './information-value.ts';
import { explainInformationValue } from './explain-information-value.ts';
import type { ChannelResponse, ResponseComponent, ResponseModel } from './types.ts';

const hill = (coef: number, halfSaturation: number, shape: number): ResponseComponent => ({ coef, gain: 0.01, saturation: { type: 'hill', halfSaturation, shape } });
const channel = (name: string, components: ResponseComponent[]): ChannelResponse => ({ name, current: 100, ...components[0], components });
const model = (...channels: ChannelResponse[]): ResponseModel => ({ baseline: 0, channels });

/** Brute force on a grid of the two-channel budget line x0 + x1 = B with 0.5×–1.5× bounds. */
function gridBest(curves: readonly Curve[], budget: number): number[] {
  let best = -Infinity, x0 = 0;
  for (let i = 0; i <= 40000; i++) {
    const a = 50 + (100 * i) / 40000, b = budget - a;
    if (b < 50 || b > 150) continue;
    const v = curves[0].value(a) + curves[1].value(b);
    if (v > best) { best = v; x0 = a; }
  }
  return [x0, budget - x0];
}

test('matches a brute-force value of information on two channels (grid reference)', () => {
  const rng = createRng(8);
  const comps = (coef: number, k: number, s: number) => Array.from({ length: 12 }, () => hill(coef * uniform(rng, 0.6, 1.4), k * uniform(rng, 0.6, 1.5), s * uniform(rng, 0.7, 1.3)));
  const m = model(channel('a', comps(500, 1, 1.2)), channel('b', comps(400, 0.8, 0.9)));
  const constraints = { defaults: { min: { type: 'multiple' as const, value: 0.5 }, max: { type: 'multiple' as const, value: 1.5 } } };
  const iv = informationValue(m, { budget: 200, constraints }, 12);
  // Reference: mean curves by hand, allocations by grid.
  const own = m.channels.map((ch) => (ch.components ?? []).map((c) => compileCurve({ name: ch.name, current: 100, ...c })));
  const meanCurve = (cs: Curve[]): Curve => ({ value: (x) => cs.reduce((s, c) => s + c.value(x), 0) / cs.length, d1: () => NaN, d2: () => NaN, inflection: 0 });
  const mean = own.map(meanCurve);
  const xBar = gridBest(mean, 200);
  const gain = (cs: Curve[]) => { const x = gridBest(cs, 200); return cs[0].value(x[0]) + cs[1].value(x[1]) - cs[0].value(xBar[0]) - cs[1].value(xBar[1]); };
  let total = 0;
  const part = [0, 0];
  for (let r = 0; r < 12; r++) {
    total += gain([own[0][r], own[1][r]]) / 12;
    part[0] += gain([own[0][r], mean[1]]) / 12;
    part[1] += gain([mean[0], own[1][r]]) / 12;
  }
  const tol = 1e-6 * 900; // grid resolution, relative to the KPI scale
  assert.equal(iv.replicates, 12);
  assert.ok(total > 1, `the replicates disagree enough to matter: ${total}`);
  assert.ok(Math.abs(iv.total - total) < tol, `total ${iv.total} vs ${total}`);
  for (const [c, name] of ['a', 'b'].entries()) {
    const v = iv.channels.find((x) => x.channel === name)?.value ?? NaN;
    assert.ok(Math.abs(v - part[c]) < tol, `${name}: ${v} vs ${part[c]}`);
  }
  assert.ok(iv.channels[0].value >= iv.channels[1].value, 'largest first');
  assert.ok(iv.total >= Math.max(...iv.channels.map((c) => c.value)) - tol, 'knowing every curve is worth at least knowing one');
});

test('a channel whose replicates agree is worth nothing to learn; certainty everywhere is worth nothing', () => {
  const rng = createRng(3);
  const sure = channel('sure', Array.from({ length: 10 }, () => hill(500, 1, 1.1)));
  const unsure = channel('unsure', Array.from({ length: 10 }, () => hill(500 * uniform(rng, 0.3, 2), uniform(rng, 0.4, 2), 1)));
  const iv = informationValue(model(sure, unsure), { budget: 200 });
  assert.equal(iv.replicates, 10);
  assert.equal(iv.channels.find((c) => c.channel === 'sure')?.value, 0);
  assert.ok((iv.channels.find((c) => c.channel === 'unsure')?.value ?? 0) > 0);
  const none = informationValue(model(sure, channel('sure2', Array.from({ length: 10 }, () => hill(300, 0.7, 0.8)))), { budget: 200 });
  assert.equal(none.total, 0);
  assert.deepEqual(none.channels.map((c) => c.value), [0, 0]);
});

test('a model without replicate curves, or an infeasible budget, is an error', () => {
  const plain: ChannelResponse = { name: 'a', current: 100, ...hill(1, 1, 1) };
  assert.throws(() => informationValue(model(plain, plain), { budget: 200 }), /components/);
  const c = channel('a', [hill(1, 1, 1), hill(2, 1, 1)]);
  assert.throws(() => informationValue(model(c, { ...c, name: 'b' }), { budget: 200, constraints: { defaults: { max: { type: 'absolute', value: 10 } } } }), /infeasible/);
});

test('explainInformationValue: names the top channel with its value and the total, or says nothing would change', () => {
  const v = { total: 1234.5678, channels: [{ channel: 'tv', value: 987.65 }, { channel: 'search', value: 10 }], replicates: 40 };
  const text = explainInformationValue(v, 1e6);
  assert.match(text, /would add about 1,230 per period on average \(value of perfect information over 40 replicates\)/);
  assert.match(text, /hinges most on tv \(about 988 from learning its curve alone\), which makes tv the first candidate for a lift test/);
  assert.match(text, /treat this as a pointer/);
  // Below a billionth of the KPI the gain is round-off: no experiment would change the split.
  assert.match(explainInformationValue({ ...v, total: 1e-4 }, 1e6), /^No plausible set of curves .* would not change the decision\.$/);
});

test('a channel estimate above the total (joint draws, Monte Carlo) is not presented as worth more than learning every curve', () => {
  // With common draws it is not guaranteed: replicates that scale both curves together leave the
  // split where it is (total ≈ 0), while learning one of them with the other at its mean moves it.
  const ks = [0.5, 0.8, 1.2, 1.5, 2];
  const a = channel('a', ks.map((k, i) => hill(500 * k, 1 + 0.05 * (i - 2), 1)));
  const b = channel('b', ks.map((k) => hill(500 * k, 1, 1)));
  const iv = informationValue(model(a, b), { budget: 200 });
  assert.ok(iv.channels[0].value > 100 * iv.total, JSON.stringify(iv));
  // The reviewer's case: total 23.9, one channel 26.4.
  const v = { total: 23.9, channels: [{ channel: 'tv', value: 26.4 }, { channel: 'search', value: 5 }], replicates: 40 };
  const text = explainInformationValue(v, 1e6);
  assert.match(text, /would add about 23\.9 per period on average/);
  assert.doesNotMatch(text, /26\.4/);
  assert.match(text, /hinges most on tv \(learning its curve alone would be worth about as much as learning them all, capped here at the total: both figures are Monte Carlo estimates over 40 replicates, and the one for a single channel, which treats the other curves as independent, came out above it\), which makes tv the first candidate/);
});

test('explainInformationValue names a sparse channel the ranking does not put first, and keeps the caution when nothing would change', () => {
  const v = { total: 1234.5678, channels: [{ channel: 'tv', value: 987.65 }, { channel: 'events', value: 10 }], replicates: 40 };
  const text = explainInformationValue(v, 1e6, 'bootstrap', ['events']);
  assert.match(text, /first candidate for a lift test/);
  assert.match(text, /The bootstrap replicates cannot show how little the data say about events, which spent in too few periods: its sustained response is the fitted curve's guess/);
  // The top channel itself sparse: the ranking already points there, no second sentence.
  assert.doesNotMatch(explainInformationValue(v, 1e6, 'posterior', ['tv']), /cannot show/);
  const none = explainInformationValue({ ...v, total: 0 }, 1e6, 'posterior', ['tv', 'events']);
  assert.match(none, /^No plausible set of curves \(posterior draws\) would change this split: by their spread, further experiments would not change the decision\. The posterior draws cannot show how little the data say about tv and events, which spent in too few periods: their sustained response/);
  assert.equal(explainInformationValue(v, 1e6), explainInformationValue(v, 1e6, 'bootstrap', []));
});

test('informationValue reports progress per replicate, and the same values with or without it', () => {
  const rng = createRng(3);
  const comps = (coef: number) => Array.from({ length: 8 }, () => hill(coef * uniform(rng, 0.6, 1.4), uniform(rng, 0.6, 1.5), uniform(rng, 0.7, 1.6)));
  const m = model(channel('a', comps(500)), channel('b', comps(400)), channel('c', comps(300)));
  const events: [number, number][] = [];
  const withProgress = informationValue(m, { budget: 300 }, 4, (done, total) => events.push([done, total]));
  assert.deepEqual(events, [[0, 4], [1, 4], [2, 4], [3, 4], [4, 4]]);
  assert.deepEqual(withProgress, informationValue(m, { budget: 300 }, 4));
});

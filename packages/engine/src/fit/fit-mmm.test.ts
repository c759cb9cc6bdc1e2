import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitMmm } from './fit-mmm.ts';
import { summarizeModel } from '../analysis/summarize.ts';
import { decompose } from '../analysis/decomposition.ts';
import { fixture, N, HILL, ALPHA } from '../../test/two-channel-fixture.ts';
import { applyAdstock } from '../transforms/adstock/adstock.ts';
import { hillSaturation } from '../transforms/saturation/hill.ts';
import type { ModelSpec } from '../spec/model-spec.ts';

const spec = (seed: number): Partial<ModelSpec> => ({
  seasonalityOrder: 0,
  channels: ['c0', 'c1'].map((name) => ({ name, adstock: 'geometric' as const, maxLag: 8, saturation: 'hill' as const })),
  search: { iterations: 8000, trials: 2, seed, weights: { nrmseTrain: 1, nrmseValidation: 1, decompRssd: 0, mapeLift: 1 }, bootstrap: 30 },
});

/** True ROI of the fixture's channel c: Σ β·f(A(x)/scale) / Σ x. */
function trueRoi(table: ReturnType<typeof fixture>['table'], sat: Float64Array[], betas: number[], c: number): number {
  let contrib = 0, spend = 0;
  for (let t = 0; t < N; t++) { contrib += betas[c] * sat[c][t]; spend += table.channels[c].spend[t]; }
  return contrib / spend;
}

test('fitMmm recovers ROI on low-noise data with on/off spend (within 5%)', async () => {
  const betas = [40, 25];
  const { table, sat } = fixture(betas, 0.2);
  const model = await fitMmm(table, spec(3));
  const summary = summarizeModel(model);
  for (let c = 0; c < 2; c++) {
    const truth = trueRoi(table, sat, betas, c);
    const est = summary.channels[c].roi;
    assert.ok(Math.abs(est - truth) / truth < 0.05, `channel ${c}: ROI ${est} vs truth ${truth}`);
  }
  assert.ok(summary.fit.r2 > 0.99, `r2 ${summary.fit.r2}`);
  // The chosen ridge penalty is recorded, inside the search bounds.
  const lambda = model.search.chosen.lambda ?? NaN;
  assert.ok(lambda >= model.spec.lambda.lower && lambda <= model.spec.lambda.upper, `λ ${lambda}`);
  void ALPHA; void HILL; void applyAdstock; void hillSaturation;
});

test('fitMmm is bit-reproducible for a seed, and the seed matters', async () => {
  const { table } = fixture([40, 25], 3);
  const a = JSON.stringify(await fitMmm(table, spec(5)));
  const b = JSON.stringify(await fitMmm(table, spec(5)));
  const c = JSON.stringify(await fitMmm(table, spec(6)));
  assert.equal(a, b);
  assert.notEqual(a, c);
});

test('model.search.chosen.lambda is the λ of the refitted model: with the λ range pinned it is that λ', async () => {
  const { table } = fixture([40, 25], 3);
  const model = await fitMmm(table, { ...spec(2), lambda: { lower: 0.02, upper: 0.02 * (1 + 1e-12) } });
  assert.ok(Math.abs((model.search.chosen.lambda ?? NaN) - 0.02) < 1e-9);
});

test('decomposition sums to the fitted KPI and the summary is internally consistent', async () => {
  const { table } = fixture([40, 25], 3);
  const model = await fitMmm(table, { ...spec(1), holdout: 10 });
  const d = decompose(model);
  for (let t = 0; t < N; t++) {
    const sum = d.components.reduce((s, c) => s + c.values[t], 0);
    assert.ok(Math.abs(sum - d.fitted[t]) < 1e-9 * Math.abs(d.fitted[t]));
  }
  const s = summarizeModel(model, d);
  assert.equal(s.periods, N);
  assert.ok(s.fit.holdout !== null && s.fit.holdout.periods === 10);
  const shares = s.channels.reduce((a, c) => [a[0] + c.share_of_spend, a[1] + c.share_of_effect], [0, 0]);
  assert.ok(Math.abs(shares[0] - 1) < 1e-12 && Math.abs(shares[1] - 1) < 1e-12);
  for (const c of s.channels) {
    assert.ok(Math.abs(c.roi - c.contribution / c.spend) < 1e-12);
    assert.ok(c.roi_interval !== null && c.roi_interval[0] <= c.roi_interval[1]);
    assert.ok(c.immediate_share > 0 && c.immediate_share <= 1);
  }
  assert.ok(Math.abs(s.baseline.contribution + s.totals.mediaContribution - s.totals.fitted) < 1e-6 * s.totals.fitted);
  // The model survives a JSON round trip unchanged.
  assert.deepEqual(JSON.parse(JSON.stringify(model)), JSON.parse(JSON.stringify(model)));
  assert.equal(model.search.pareto.length > 0, true);
});

test('marginal ROI matches a finite difference of total contribution under a spend multiplier', async () => {
  const { table } = fixture([40, 25], 1);
  const model = await fitMmm(table, { ...spec(2), search: { ...spec(2).search!, bootstrap: 0 } });
  const s = summarizeModel(model);
  const h = 1e-4;
  model.channels.forEach((ch, c) => {
    const total = (m: number) => {
      const a = applyAdstock(Float64Array.from(ch.spend, (v) => v * m), ch.adstock, { maxLag: ch.maxLag, normalised: true });
      let sum = 0;
      for (let t = 0; t < N; t++) sum += ch.coef * (ch.saturation.type === 'hill' ? hillSaturation.value(a[t] / ch.scale, ch.saturation) : NaN);
      return sum;
    };
    const fd = (total(1 + h) - total(1 - h)) / (2 * h) / s.channels[c].spend;
    assert.ok(Math.abs(fd - s.channels[c].mroi) < 1e-5 * Math.abs(fd) + 1e-9, `${ch.name}: ${fd} vs ${s.channels[c].mroi}`);
  });
});

test("an event's holiday ids reach the model's baseline term and survive model.json", async () => {
  const { table } = fixture([40, 25], 3);
  const promo = Float64Array.from({ length: N }, (_, t) => (t % 13 === 0 ? 1 : 0));
  const withEvents = { ...table, events: [{ name: 'holiday_us', values: promo, holidays: ['us-thanksgiving', 'black-friday'] }, { name: 'launch', values: promo.map((x, t) => (t === 5 ? 1 : 0)) }] };
  const model = await fitMmm(withEvents, { ...spec(1), search: { ...spec(1).search!, iterations: 200, bootstrap: 0 } });
  const back = JSON.parse(JSON.stringify(model)) as typeof model;
  assert.deepEqual(back.baseline.find((b) => b.name === 'holiday_us')?.holidays, ['us-thanksgiving', 'black-friday']);
  assert.equal('holidays' in (back.baseline.find((b) => b.name === 'launch') ?? {}), false);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSearchProblem, decodeCandidate, searchDimension, searchParams, adstockDimension, saturationDimension } from './search-problem.ts';
import { defaultModelSpec, AUTO_ADSTOCK_FAMILIES, AUTO_SATURATION_FAMILIES, DEFAULT_SATURATION_BOUNDS } from '../../spec/model-spec.ts';
import { createCandidateEvaluator } from './candidate-evaluator.ts';
import { channelContribution } from '../../model/channel-response.ts';
import { fixture } from '../../../test/two-channel-fixture.ts';
import { fromUnit } from '../../transforms/param-spec.ts';

const { table } = fixture([40, 25], 1);
const base = defaultModelSpec({ nTimes: table.dates.length, frequency: 'weekly', channels: ['c0', 'c1'] });

test("'auto' adstock adds a family coordinate and decodes each share of [0, 1] to one family", () => {
  const spec = { ...base, channels: [{ ...base.channels[0], adstock: 'auto' as const }, { ...base.channels[1], adstock: 'geometric' as const }] };
  const problem = buildSearchProblem(table, spec);
  assert.equal(adstockDimension(problem.channels[0]), 3); // family + 2 Weibull parameters
  assert.equal(adstockDimension(problem.channels[1]), 1);
  assert.equal(searchDimension(problem), 3 + 2 + 1 + 2 + 1);
  assert.equal(searchParams(problem).length, searchDimension(problem));
  const u = new Float64Array(searchDimension(problem)).fill(0.5);
  AUTO_ADSTOCK_FAMILIES.forEach((type, i) => {
    u[0] = (i + 0.5) / AUTO_ADSTOCK_FAMILIES.length;
    const d = decodeCandidate(problem, u);
    assert.equal(d.channels[0].adstock.type, type);
    // The first family parameter is read on that family's own bounds.
    const p0 = problem.channels[0].adstockFamilies[i].params[0];
    assert.equal(Object.values(d.channels[0].adstock)[1], fromUnit(p0, 0.5));
    assert.equal(d.channels[1].adstock.type, 'geometric');
  });
  u[0] = 1;
  assert.equal(decodeCandidate(problem, u).channels[0].adstock.type, AUTO_ADSTOCK_FAMILIES[AUTO_ADSTOCK_FAMILIES.length - 1]);
});

test('adstock bound overrides apply to the families that have the parameter, and unknown names are refused', () => {
  const spec = { ...base, channels: [{ ...base.channels[0], adstock: 'auto' as const, bounds: { adstock: { alpha: [0.1, 0.3] as const } } }, base.channels[1]] };
  const problem = buildSearchProblem(table, spec);
  const geo = problem.channels[0].adstockFamilies.find((f) => f.type === 'geometric')!;
  assert.deepEqual([geo.params[0].lower, geo.params[0].upper], [0.1, 0.3]);
  const bad = { ...base, channels: [{ ...base.channels[0], bounds: { adstock: { nope: [0, 1] as const } } }, base.channels[1]] };
  assert.throws(() => buildSearchProblem(table, bad), /unknown adstock parameter "nope"/);
});

test("'auto' saturation adds a family coordinate after the adstock block; each half of [0, 1] decodes to one curve on its own bounds", () => {
  const spec = { ...base, channels: [{ ...base.channels[0], adstock: 'geometric' as const, saturation: 'auto' as const }, { ...base.channels[1], adstock: 'geometric' as const }] };
  const problem = buildSearchProblem(table, spec);
  assert.deepEqual(AUTO_SATURATION_FAMILIES, ['hill', 'logistic']);
  assert.equal(saturationDimension(problem.channels[0]), 3); // family + Hill's 2 parameters (logistic uses 1)
  assert.equal(saturationDimension(problem.channels[1]), 2);
  assert.equal(searchDimension(problem), 1 + 3 + 1 + 2 + 1);
  const params = searchParams(problem);
  assert.equal(params.length, searchDimension(problem));
  assert.equal(params[1].param.name, 'family');
  assert.equal(params[1].family, 'saturation');
  const hill = problem.channels[0].saturationFamilies[0];
  assert.deepEqual([hill.params[0].lower, hill.params[0].upper], [...DEFAULT_SATURATION_BOUNDS.hill.halfSaturation], 'Mixwise\'s Hill bounds apply under auto too');
  const u = new Float64Array(searchDimension(problem)).fill(0.3);
  u[1] = 0.25;
  const asHill = decodeCandidate(problem, u).channels[0].saturation;
  assert.deepEqual(asHill, { type: 'hill', halfSaturation: fromUnit(hill.params[0], 0.3), shape: fromUnit(hill.params[1], 0.3) });
  u[1] = 0.75;
  const asLogistic = decodeCandidate(problem, u).channels[0].saturation;
  assert.deepEqual(asLogistic, { type: 'logistic', lambda: fromUnit(problem.channels[0].saturationFamilies[1].params[0], 0.3) });
  // The evaluator uses the decoded curve: its fitted channel matches the model's own response for that curve.
  const ev = createCandidateEvaluator(problem);
  for (const v of [0.25, 0.75, 0.25]) {
    u[1] = v;
    const fit = ev.fitCandidate(u);
    assert.equal(fit.hyper.channels[0].saturation.type, v < 0.5 ? 'hill' : 'logistic');
    const saturated = channelContribution({ ...fit.hyper.channels[0], spend: table.channels[0].spend, maxLag: spec.channels[0].maxLag, scale: fit.scales[0], coef: 1 });
    let sum = 0;
    for (let t = problem.fitStart; t < problem.fitEnd; t++) sum += saturated[t];
    assert.ok(Math.abs(sum - fit.mediaSum[0]) <= 1e-9 * sum, `${sum} vs ${fit.mediaSum[0]}`);
  }
  const bad = { ...base, channels: [{ ...base.channels[0], saturation: 'auto' as const, bounds: { saturation: { scale: [0.1, 1] as const } } }, base.channels[1]] };
  assert.throws(() => buildSearchProblem(table, bad), /unknown saturation parameter "scale"; known: halfSaturation, shape, lambda/);
});

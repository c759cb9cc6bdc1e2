import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSearchProblem, decodeCandidate, searchDimension, searchParams, adstockDimension } from './search-problem.ts';
import { defaultModelSpec, AUTO_ADSTOCK_FAMILIES } from '../../spec/model-spec.ts';
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

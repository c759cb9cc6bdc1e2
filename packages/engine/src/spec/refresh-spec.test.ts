import { test } from 'node:test';
import assert from 'node:assert/strict';
import { refreshChannel, refreshChannelSpec, refreshRanges, refreshWidth, REFRESH_MIN_WIDTH } from './refresh-spec.ts';
import { getAdstockKernel } from '../transforms/adstock/registry.ts';

const close = (a: number, b: number, tol = 1e-9): void => assert.ok(Math.abs(a - b) <= tol, `${a} ≠ ${b}`);

test('refreshWidth is the share of new periods in the window, floored at REFRESH_MIN_WIDTH and capped at 1', () => {
  assert.equal(refreshWidth(52, 104), 0.5);
  assert.equal(refreshWidth(16, 120), REFRESH_MIN_WIDTH);
  assert.equal(refreshWidth(0, 120), REFRESH_MIN_WIDTH);
  assert.equal(refreshWidth(200, 120), 1);
  assert.equal(refreshWidth(-3, 120), REFRESH_MIN_WIDTH);
});

test('a linear parameter narrows to ±width/2 of its range around the previous value; a log one on the log scale', () => {
  const spec = refreshChannelSpec({ name: 'tv', adstock: { type: 'geometric', alpha: 0.5 }, maxLag: 8, saturation: { type: 'logistic', lambda: 0.5 } }, undefined, 0.2);
  assert.equal(spec.adstock, 'geometric');
  assert.equal(spec.saturation, 'logistic');
  assert.equal(spec.maxLag, 8);
  // alpha ∈ [0, 0.95] linear: 0.5 ± 0.1 × 0.95.
  const [lo, hi] = spec.bounds?.adstock?.alpha ?? [NaN, NaN];
  close(lo, 0.5 - 0.095);
  close(hi, 0.5 + 0.095);
  // lambda ∈ [0.05, 5] log: log width ln(100); 0.5 × / ÷ 100^0.1.
  const [llo, lhi] = spec.bounds?.saturation?.lambda ?? [NaN, NaN];
  close(llo, 0.5 / 100 ** 0.1);
  close(lhi, 0.5 * 100 ** 0.1);
});

test('at an edge of the range the bounds shift inside it and keep the whole width', () => {
  // Hill halfSaturation's default search range is [0.3, 3] (DEFAULT_SATURATION_BOUNDS, log), shape's [0.5, 3].
  const spec = refreshChannelSpec({ name: 'tv', adstock: { type: 'geometric', alpha: 0 }, maxLag: 4, saturation: { type: 'hill', halfSaturation: 0.3, shape: 3 } }, undefined, 0.5);
  assert.deepEqual(spec.bounds?.adstock?.alpha, [0, 0.95 * 0.5]);
  const [hlo, hhi] = spec.bounds?.saturation?.halfSaturation ?? [NaN, NaN];
  close(hlo, 0.3);
  close(hhi, 0.3 * 10 ** 0.5);
  const [slo, shi] = spec.bounds?.saturation?.shape ?? [NaN, NaN];
  close(slo, 3 - 0.5 * 2.5);
  close(shi, 3);
});

test('a chain of refreshes narrows around the recorded full ranges, not the narrowed bounds', () => {
  const curves = (alpha: number) => ({ name: 'tv', adstock: { type: 'geometric', alpha }, maxLag: 4, saturation: { type: 'hill', halfSaturation: 1, shape: 1 } }) as const;
  const first = refreshChannelSpec(curves(0.5), undefined, 0.2);
  const ranges = refreshRanges(curves(0.5), undefined);
  assert.deepEqual(ranges.adstock, { alpha: [0, 0.95] });
  assert.deepEqual(ranges.saturation, { halfSaturation: [0.3, 3], shape: [0.5, 3] });
  // The refreshed model's spec holds the narrowed bounds; with the recorded ranges the next refresh searches 20% of [0, 0.95] again…
  const second = refreshChannelSpec(curves(0.5), first, 0.2, {}, refreshRanges(curves(0.5), first, ranges));
  const [lo, hi] = second.bounds?.adstock?.alpha ?? [NaN, NaN];
  close(hi - lo, 0.2 * 0.95);
  // …while without them it would search 20% of the narrowed 20%.
  const shrunk = refreshChannelSpec(curves(0.5), first, 0.2);
  const [slo, shi] = shrunk.bounds?.adstock?.alpha ?? [NaN, NaN];
  close(shi - slo, 0.2 * 0.2 * 0.95);
});

test('the previous spec\'s own bounds are the range, a fixed parameter stays fixed, and media is inherited', () => {
  const spec = refreshChannelSpec(
    { name: 'tv', adstock: { type: 'geometric', alpha: 0.3 }, maxLag: 4, saturation: { type: 'hill', halfSaturation: 1, shape: 2 } },
    { name: 'tv', adstock: 'auto', maxLag: 4, saturation: 'hill', media: 'exposure', bounds: { adstock: { alpha: [0.2, 0.4] }, saturation: { shape: [2, 2] } } },
    0.5,
  );
  const [lo, hi] = spec.bounds?.adstock?.alpha ?? [NaN, NaN];
  close(lo, 0.25);
  close(hi, 0.35);
  assert.deepEqual(spec.bounds?.saturation?.shape, [2, 2]);
  assert.equal(spec.media, 'exposure');
});

test('a family set by the caller is left to it: no bounds, auto in place of the previous family', () => {
  const prev = { name: 'tv', adstock: { type: 'weibull-pdf', shape: 2, scale: 1 }, maxLag: 8, saturation: { type: 'hill', halfSaturation: 1, shape: 1 } } as const;
  const spec = refreshChannelSpec(prev, undefined, 0.2, { adstock: false });
  assert.equal(spec.adstock, 'auto');
  assert.equal(spec.bounds?.adstock, undefined);
  assert.ok(spec.bounds?.saturation?.halfSaturation !== undefined);
});

test('the bounds name exactly the family\'s parameters (what the search accepts)', () => {
  const prev = { name: 'tv', adstock: { type: 'weibull-cdf', shape: 2, scale: 1.5 }, maxLag: 8, saturation: { type: 'hill', halfSaturation: 1, shape: 1 } } as const;
  const spec = refreshChannelSpec(prev, undefined, 0.3);
  assert.deepEqual(Object.keys(spec.bounds?.adstock ?? {}), getAdstockKernel('weibull-cdf').params.map((p) => p.name));
  assert.deepEqual(Object.keys(spec.bounds?.saturation ?? {}), ['halfSaturation', 'shape']);
  for (const [name, [lo, hi]] of Object.entries(spec.bounds?.adstock ?? {})) {
    const v = name === 'shape' ? 2 : 1.5;
    assert.ok(lo < v && v < hi, `${name}: ${v} in [${lo}, ${hi}]`);
  }
});

test('refreshChannel: the spec and the full ranges from one computation, as refreshChannelSpec and refreshRanges give them', () => {
  const curves = { name: 'tv', adstock: { type: 'geometric', alpha: 0.5 }, maxLag: 4, saturation: { type: 'hill', halfSaturation: 1, shape: 1 } } as const;
  const first = refreshChannelSpec(curves, undefined, 0.2);
  const recorded = { adstock: { alpha: [0, 0.8] as const } };
  const both = refreshChannel(curves, first, 0.2, {}, recorded);
  assert.deepEqual(both.ranges, refreshRanges(curves, first, recorded));
  assert.deepEqual(both.ranges.adstock, { alpha: [0, 0.8] });
  assert.deepEqual(both.spec, refreshChannelSpec(curves, first, 0.2, {}, both.ranges));
  // The recorded adstock range is narrowed; the saturation, not recorded, falls back to the previous spec's (narrowed) bounds.
  const [lo, hi] = both.spec.bounds?.adstock?.alpha ?? [NaN, NaN];
  close(hi - lo, 0.2 * 0.8);
});

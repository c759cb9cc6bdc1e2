import { test } from 'node:test';
import assert from 'node:assert/strict';
import { liftPerUnitCoef } from './lift-per-unit-coef.ts';
import { liftEffect } from './lift-effect.ts';
import { adstockWeights, applyAdstock } from '../transforms/adstock/adstock.ts';
import { getSaturationKernel } from '../transforms/saturation/registry.ts';
import { createRng } from '../random/rng.ts';

test('liftPerUnitCoef × coef equals liftEffect (saturation, lags running past the measured rows)', () => {
  const rng = createRng(5);
  const spend = Float64Array.from({ length: 60 }, () => (rng.next() < 0.2 ? 0 : 100 * rng.next()));
  const ch = { spend, adstock: { type: 'geometric' as const, alpha: 0.6 }, maxLag: 8, saturation: { type: 'hill' as const, halfSaturation: 0.7, shape: 1.8 }, scale: 60, coef: 3.5 };
  const a = applyAdstock(spend, ch.adstock, { maxLag: ch.maxLag, normalised: true });
  const w = adstockWeights(ch.adstock, ch.maxLag, true);
  for (const rows of [{ startRow: 10, endRow: 18, measureEndRow: 22 }, { startRow: 50, endRow: 55, measureEndRow: 60 }, { startRow: 0, endRow: 1, measureEndRow: 1 }]) {
    const got = ch.coef * liftPerUnitCoef(getSaturationKernel('hill'), ch.saturation, a, spend, w, ch.maxLag, ch.scale, rows);
    const want = liftEffect(ch, rows);
    assert.ok(want > 0 && Math.abs(got - want) <= 1e-12 * want, `${JSON.stringify(rows)}: ${got} vs ${want}`);
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomScenario, randomScenarioOptions } from './random-scenario.ts';

test('deterministic for a seed, different across seeds', () => {
  assert.deepEqual(randomScenario(11).truth, randomScenario(11).truth);
  assert.notDeepEqual(randomScenarioOptions(11), randomScenarioOptions(12));
});

test('draws stay inside the documented ranges', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const o = randomScenarioOptions(seed);
    assert.ok(o.nTimes >= 104 && o.nTimes <= 208);
    assert.ok(o.channels.length >= 3 && o.channels.length <= 5);
    assert.ok(o.noise >= 0.02 && o.noise <= 0.12);
    assert.ok(o.budgetCorrelation >= 0.2 && o.budgetCorrelation <= 0.8);
    assert.equal(new Set(o.channels.map((c) => c.name)).size, o.channels.length);
    const rois = o.channels.map((c) => c.roi ?? NaN);
    assert.ok(rois.every((r) => r >= 0.3 && r <= 5));
    // Stratified on the log scale: min and max are at least one stratum (log(5/0.3)/n) apart.
    assert.ok(Math.max(...rois) / Math.min(...rois) >= Math.exp(Math.log(5 / 0.3) / 5), `seed ${seed}`);
    for (const c of o.channels) {
      if (c.adstock.type === 'geometric') assert.ok(c.adstock.alpha >= 0.1 && c.adstock.alpha <= 0.8);
      else assert.equal(c.maxLag, 52);
      assert.ok(c.saturation.type === 'hill');
      if (c.saturation.type === 'hill') {
        const { shape, halfSaturation } = c.saturation;
        assert.ok((shape >= 0.6 && shape <= 1) || (shape >= 1.5 && shape <= 3), `shape ${shape}`);
        assert.ok(halfSaturation >= 0.5 && halfSaturation <= 2);
      }
    }
    assert.equal(o.baseline.controls.length, 1);
    const control = o.baseline.controls[0];
    assert.ok(control.sign === 'positive' ? control.effect > 0 : control.effect < 0);
  }
});

test('Weibull-PDF peaks fall at lags 2–12', () => {
  let seen = 0;
  for (let seed = 1; seed <= 40; seed++) {
    for (const c of randomScenarioOptions(seed).channels) {
      if (c.adstock.type !== 'weibull-pdf') continue;
      const { shape: k, scale } = c.adstock;
      const mode = scale * Math.pow((k - 1) / k, 1 / k) - 1; // density mode of f(l + 1)
      assert.ok(mode >= 2 - 1e-9 && mode <= 12 + 1e-9, `mode ${mode}`);
      seen++;
    }
  }
  assert.ok(seen > 5);
});

test('overrides are honoured and validated', () => {
  const r = randomScenario(5, { nTimes: 120, nChannels: 4, noise: 0.03 });
  assert.equal(r.table.dates.length, 120);
  assert.equal(r.table.channels.length, 4);
  assert.ok(Math.abs(r.truth.noiseSd / r.truth.kpiMean - 0.03) < 0.002);
  assert.equal(r.truth.preset, 'random');
  assert.throws(() => randomScenario(5, { nChannels: 0 }), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => randomScenario(5, { nTimes: 3 }), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => randomScenario(5, { noise: -1 }), { code: 'INVALID_ARGUMENT' });
});

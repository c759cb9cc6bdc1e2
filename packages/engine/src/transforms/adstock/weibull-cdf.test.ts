import { test } from 'node:test';
import assert from 'node:assert/strict';
import { weibullCdfAdstock } from './weibull-cdf.ts';
import { adstockWeights } from './adstock.ts';

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel: number): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= rel * Math.abs(expected[i]), `index ${i}: ${actual[i]} vs ${expected[i]}`);
  }
}

// Reference values: python3 with scipy 1.17,
//   l = np.arange(L + 1); w = scipy.stats.weibull_min.sf(l, shape, scale=scale); w.tolist(); (w / w.sum()).tolist()
test('weibull-cdf weights are the Weibull survival function (scipy, shape 2, scale 5)', () => {
  const raw = [1.0, 0.9607894391523232, 0.8521437889662113, 0.697676326071031, 0.5272924240430485,
    0.36787944117144233, 0.23692775868212176, 0.14085842092104503, 0.07730474044329971,
    0.039163895098987066, 0.01831563888873418];
  const norm = [0.20332014173295326, 0.19534784494397503, 0.17325799594946592, 0.14185164950048815,
    0.10720917039114512, 0.0747973001196173, 0.04817218547571995, 0.028639354105946865,
    0.015717610783560862, 0.007962808702340564, 0.0037239382947870238];
  const spec = { type: 'weibull-cdf', shape: 2, scale: 5 } as const;
  assertClose(weibullCdfAdstock.weights(spec, 10), raw, 1e-13);
  assertClose(adstockWeights(spec, 10, true), norm, 1e-13);
});

test('weibull-cdf weights, long-tailed shape 0.5, scale 3 (scipy)', () => {
  const raw = [1.0, 0.5613839137989282, 0.44197737724067393, 0.36787944117144233, 0.3151518986722024,
    0.27499717647392924, 0.2431167344342142];
  const norm = [0.3120605269356005, 0.17518575995326324, 0.1379236932353394, 0.11480065226073453,
    0.09834646756440245, 0.08581576379625667, 0.07586713625440333];
  const spec = { type: 'weibull-cdf', shape: 0.5, scale: 3 } as const;
  assertClose(weibullCdfAdstock.weights(spec, 6), raw, 1e-13);
  assertClose(adstockWeights(spec, 6, true), norm, 1e-13);
});

test('weibull-cdf with shape 1 is geometric with alpha = e^(−1/scale) (closed form)', () => {
  const w = weibullCdfAdstock.weights({ type: 'weibull-cdf', shape: 1, scale: 4 }, 5);
  assertClose(w, [0, 1, 2, 3, 4, 5].map((l) => Math.exp(-l / 4)), 1e-14);
});

test('weibull-cdf validate: shape and scale > 0', () => {
  assert.throws(() => weibullCdfAdstock.validate({ type: 'weibull-cdf', shape: 0, scale: 1 }), { code: 'INVALID_ARGUMENT', message: /shape/ });
  assert.throws(() => weibullCdfAdstock.validate({ type: 'weibull-cdf', shape: 1, scale: -2 }), { code: 'INVALID_ARGUMENT', message: /scale/ });
});

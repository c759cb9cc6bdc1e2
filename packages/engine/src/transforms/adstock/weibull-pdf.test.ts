import { test } from 'node:test';
import assert from 'node:assert/strict';
import { weibullPdfAdstock } from './weibull-pdf.ts';
import { adstockWeights } from './adstock.ts';

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel: number): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= rel * Math.abs(expected[i]), `index ${i}: ${actual[i]} vs ${expected[i]}`);
  }
}

// Reference values: python3 with scipy 1.17,
//   l = np.arange(L + 1); w = scipy.stats.weibull_min.pdf(l + 1, shape, scale=scale); w.tolist(); (w / w.sum()).tolist()
test('weibull-pdf weights are the Weibull density at l + 1 (scipy, shape 3, scale 6)', () => {
  const raw = [0.013824737091480221, 0.05353558023896033, 0.11031211282307442, 0.1652371287124236,
    0.19466133033672597, 0.18393972058572117, 0.13906570163847, 0.0830632090645559, 0.03849538310062429,
    0.013553295340580291, 0.0035425353399546632, 0.0006709252558050237, 8.978759788405838e-05];
  const norm = [0.013824855333722366, 0.053536038125934965, 0.11031305631671698, 0.16523854197681012,
    0.19466299526474634, 0.18394129381238275, 0.13906689106003067, 0.08306391949977174,
    0.03849571234959155, 0.013553411261195556, 0.0035425656390712904, 0.0006709309941931054,
    8.978836583261468e-05];
  const spec = { type: 'weibull-pdf', shape: 3, scale: 6 } as const;
  assertClose(weibullPdfAdstock.weights(spec, 12), raw, 1e-12);
  assertClose(adstockWeights(spec, 12, true), norm, 1e-12);
});

test('weibull-pdf weights, decaying shape 0.7, scale 2 (scipy)', () => {
  const raw = [0.2328291917192122, 0.1287578044100048, 0.08211267439802766, 0.05600742143632179,
    0.039801374727677086, 0.029098312648493788, 0.021727633173814008];
  const norm = [0.39440220116571223, 0.21810994189170554, 0.13909518513143215, 0.09487405824412468,
    0.06742174246324058, 0.04929123566521853, 0.036805635438566346];
  const spec = { type: 'weibull-pdf', shape: 0.7, scale: 2 } as const;
  assertClose(weibullPdfAdstock.weights(spec, 6), raw, 1e-12);
  assertClose(adstockWeights(spec, 6, true), norm, 1e-12);
});

test('weibull-pdf with shape 1 is the exponential density e^(−(l+1)/scale)/scale (closed form)', () => {
  const w = weibullPdfAdstock.weights({ type: 'weibull-pdf', shape: 1, scale: 2 }, 3);
  assertClose(w, [1, 2, 3, 4].map((x) => Math.exp(-x / 2) / 2), 1e-14);
});

test('weibull-pdf: the upper search bounds put the peak near 28 weeks', () => {
  // mode of the density = scale·((k−1)/k)^(1/k) = 30·(7/8)^(1/8) ≈ 29.5, i.e. lag ≈ 28.5
  const w = weibullPdfAdstock.weights({ type: 'weibull-pdf', shape: 8, scale: 30 }, 52);
  let argmax = 0;
  for (let l = 1; l < w.length; l++) if (w[l] > w[argmax]) argmax = l;
  assert.ok(argmax === 28 || argmax === 29, `peak at ${argmax}`);
});

test('weibull-pdf: extreme parameters underflow to 0 weights, never NaN', () => {
  const w = weibullPdfAdstock.weights({ type: 'weibull-pdf', shape: 8, scale: 0.01 }, 4);
  assert.deepEqual([...w], [0, 0, 0, 0, 0]);
  assert.throws(() => weibullPdfAdstock.validate({ type: 'weibull-pdf', shape: NaN, scale: 1 }), { code: 'INVALID_ARGUMENT', message: /shape/ });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fourierFromDates, fourierTerms, meanPeriodsPerYear } from './fourier.ts';

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= tol, `index ${i}: ${actual[i]} vs ${expected[i]}`);
  }
}

test('meanPeriodsPerYear', () => {
  assert.equal(meanPeriodsPerYear('weekly'), 365.25 / 7);
  assert.equal(meanPeriodsPerYear('daily'), 365.25);
  assert.throws(() => meanPeriodsPerYear('monthly' as 'weekly'), { code: 'INVALID_ARGUMENT' });
});

test('fourierTerms: hand-computed quarter turns (period 4)', () => {
  const cols = fourierTerms(5, 4, 1);
  assert.equal(cols.length, 2);
  assertClose(cols[0], [0, 1, 0, -1, 0], 1e-15); // sin(πt/2)
  assertClose(cols[1], [1, 0, -1, 0, 1], 1e-15); // cos(πt/2)
  // offset 1 shifts the phase by a quarter turn
  assertClose(fourierTerms(2, 4, 1, 1)[0], [1, 0], 1e-15);
});

test('fourierTerms: order 2 on period 8 gives sin/cos of k·πt/4 in [sin1, cos1, sin2, cos2] order', () => {
  const cols = fourierTerms(3, 8, 2);
  const r = Math.SQRT1_2;
  assertClose(cols[0], [0, r, 1], 1e-15);
  assertClose(cols[1], [1, r, 0], 1e-15);
  assertClose(cols[2], [0, 1, 0], 1e-15);
  assertClose(cols[3], [1, 0, -1], 1e-15);
});

test('fourierTerms: order 0 gives no columns; bad arguments throw', () => {
  assert.deepEqual(fourierTerms(10, 52, 0), []);
  assert.throws(() => fourierTerms(10, 0, 1), { code: 'INVALID_ARGUMENT', message: /period/ });
  assert.throws(() => fourierTerms(10, 52, 1.5), { code: 'INVALID_ARGUMENT', message: /order/ });
  assert.throws(() => fourierTerms(10, 7, 4), { code: 'INVALID_ARGUMENT', message: /Nyquist/ });
  assert.throws(() => fourierTerms(10, 4, 2), { code: 'INVALID_ARGUMENT', message: /Nyquist/ });
  assert.throws(() => fourierTerms(-1, 52, 1), { code: 'INVALID_ARGUMENT', message: /nTimes/ });
  assert.equal(fourierTerms(10, 7, 3).length, 6);
});

test('fourierFromDates: phase from days since 1970-01-01 (numpy reference)', () => {
  // python3: days = [(d - date(1970, 1, 1)).days for d in dates] → [19721, 19728, 19782, 19905];
  //          np.sin(2*np.pi*k*days/365.25), np.cos(...) for k = 1, 2
  const dates = ['2023-12-30', '2024-01-06', '2024-02-29', '2024-07-01'];
  const cols = fourierFromDates(dates, 2);
  assert.equal(cols.length, 4);
  assertClose(cols[0], [-0.04299280405377013, 0.07733361695677542, 0.8448805268402679, 0.019351518818329302], 1e-12);
  assertClose(cols[1], [0.9990753819405191, 0.9970052716452319, 0.5349550405091174, -0.9998127418269003], 1e-12);
  assertClose(cols[2], [-0.08590610426142858, 0.15420404756259637, 0.9039461929223999, -0.03869579017653735], 1e-12);
  assertClose(cols[3], [0.9963032375991883, 0.9880390233767655, -0.42764620926777724, 0.9992510374388477], 1e-12);
});

test('fourierFromDates: the same calendar day gets the same phase whatever row it sits on', () => {
  const a = fourierFromDates(['2024-03-04', '2024-03-11'], 1);
  const b = fourierFromDates(['2024-02-26', '2024-03-04', '2024-03-11'], 1);
  assertClose(a[0], b[0].subarray(1), 1e-15);
  assertClose(a[1], b[1].subarray(1), 1e-15);
});

test('fourierFromDates: Nyquist check uses the smallest gap between dates; bad dates are named', () => {
  const weekly = ['2024-01-01', '2024-01-08', '2024-01-15'];
  assert.equal(fourierFromDates(weekly, 26).length, 52); // 2·26 < 365.25/7 ≈ 52.18
  assert.throws(() => fourierFromDates(weekly, 27), { code: 'INVALID_ARGUMENT', message: /Nyquist/ });
  assert.throws(() => fourierFromDates(['2024-01-01', 'x'], 1), { code: 'INVALID_ARGUMENT', message: /dates\[1\]/ });
  assert.throws(() => fourierFromDates(weekly, 1, -1), { code: 'INVALID_ARGUMENT', message: /period/ });
});

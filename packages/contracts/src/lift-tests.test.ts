import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FitRequestSchema } from './fit-request.ts';
import { LiftTestsFormSchema, MAX_LIFT_TESTS } from './lift-tests.ts';

const roles = { date: 'date', target: 'sales', channels: ['tv_spend'] };
const tv = { channel: 'tv', start: '2024-03-04', end: '2024-04-01', lift: 125000 };

test('fit request: lift tests are kept, the standard error is optional', () => {
  const liftTests = [tv, { ...tv, channel: 'search', standardError: 9000 }];
  assert.deepEqual(FitRequestSchema.parse({ uploadId: '0123456789abcdef', roles, options: { liftTests } }).options.liftTests, liftTests);
});

test('fit request: bad dates, reversed dates, a lift ≤ 0 without a standard error, a non-positive standard error are rejected with their paths', () => {
  const r = FitRequestSchema.safeParse({ uploadId: '0123456789abcdef', roles, options: { liftTests: [
    { ...tv, start: '2024-02-30' }, { ...tv, end: '2024-03-01' }, { ...tv, lift: -5 }, { ...tv, standardError: 0 }, { ...tv, channel: '' }, { ...tv, lift: 0 },
  ] } });
  assert.equal(r.success, false);
  assert.deepEqual(r.error?.issues.map((i) => i.path.join('.')).sort(), [
    'options.liftTests.0.start', 'options.liftTests.1.end', 'options.liftTests.2.standardError', 'options.liftTests.3.standardError', 'options.liftTests.4.channel',
    'options.liftTests.5.standardError',
  ]);
});

test('fit request: a null or negative lift with its standard error is accepted (refusing it would bias calibration)', () => {
  const liftTests = [{ ...tv, lift: -500, standardError: 100 }, { ...tv, lift: 0, standardError: 100 }];
  assert.deepEqual(FitRequestSchema.parse({ uploadId: '0123456789abcdef', roles, options: { liftTests } }).options.liftTests, liftTests);
});

test(`fit request: at most ${MAX_LIFT_TESTS} lift tests`, () => {
  const r = FitRequestSchema.safeParse({ uploadId: '0123456789abcdef', roles, options: { liftTests: Array.from({ length: MAX_LIFT_TESTS + 1 }, () => tv) } });
  assert.deepEqual(r.error?.issues.map((i) => i.path.join('.')), ['options.liftTests']);
});

test('lift-test form: roles are required, the holdout is a non-negative integer', () => {
  assert.equal(LiftTestsFormSchema.safeParse({ roles, holdout: 8 }).success, true);
  assert.deepEqual(LiftTestsFormSchema.safeParse({ holdout: -1 }).error?.issues.map((i) => i.path.join('.')).sort(), ['holdout', 'roles']);
});

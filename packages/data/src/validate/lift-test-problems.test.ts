import { test } from 'node:test';
import assert from 'node:assert/strict';
import { liftTestProblems } from './lift-test-problems.ts';

const dates = ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22'];
const scope = { channels: ['tv', 'search'], dates };
const codes = (t: { channel: string; start?: string; end?: string }, s: Parameters<typeof liftTestProblems>[1] = scope) =>
  liftTestProblems(t, s).map((p) => `${p.code}:${p.field}`);

test('a known channel with dates inside the data has no problem', () => {
  assert.deepEqual(codes({ channel: 'tv', start: '2024-01-08', end: '2024-01-15' }), []);
  assert.deepEqual(codes({ channel: 'tv', start: '2024-01-01', end: '2024-01-03' }), [], 'one row date inside is enough');
  // Reaching before the data: the lift would include spend the model never saw.
  assert.deepEqual(codes({ channel: 'tv', start: '2023-12-25', end: '2024-01-01' }), ['LIFT_TEST_RANGE:start']);
});

test('unknown channel, reversed dates and a test outside the data are each named with their field', () => {
  assert.deepEqual(codes({ channel: 'radio', start: '2024-01-08', end: '2024-01-15' }), ['LIFT_TEST_CHANNEL:channel']);
  assert.deepEqual(codes({ channel: 'tv', start: '2024-01-15', end: '2024-01-08' }), ['LIFT_TEST_RANGE:end']);
  assert.deepEqual(codes({ channel: 'tv', start: '2024-02-01', end: '2024-02-08' }), ['LIFT_TEST_RANGE:start']);
  assert.deepEqual(codes({ channel: 'radio' }), ['LIFT_TEST_CHANNEL:channel'], 'unreadable dates skip the range checks');
});

test('with fitted rows, a test must cover one of them; an empty fitted range is left to other checks', () => {
  const fitted = { start: 0, end: 2 };
  assert.deepEqual(codes({ channel: 'tv', start: '2024-01-08', end: '2024-01-22' }, { ...scope, fitted }), []);
  const p = liftTestProblems({ channel: 'tv', start: '2024-01-15', end: '2024-01-22' }, { ...scope, fitted });
  assert.deepEqual(p.map((x) => [x.code, x.field]), [['LIFT_TEST_RANGE', 'start']]);
  assert.match(p[0].message, /\(2024-01-15 … 2024-01-22\) has no period inside the fitted rows \(2024-01-01 … 2024-01-08\)/);
  assert.match(p[0].hint, /shorten the holdout/);
  assert.deepEqual(codes({ channel: 'tv', start: '2024-01-15', end: '2024-01-22' }, { ...scope, fitted: { start: 0, end: 0 } }), []);
});

test('with the spend, a channel must have spent something inside the test; a date problem is reported instead of it', () => {
  const spend = new Map([['tv', [0, 0, 5, 0]], ['search', [1, 1, 1, 1]]]);
  const s = { ...scope, spend };
  assert.deepEqual(codes({ channel: 'tv', start: '2024-01-01', end: '2024-01-08' }, s), ['LIFT_TEST_NO_SPEND:start']);
  assert.deepEqual(codes({ channel: 'tv', start: '2024-01-08', end: '2024-01-15' }, s), [], 'one week with spend is enough');
  assert.deepEqual(codes({ channel: 'search', start: '2024-01-01', end: '2024-01-08' }, s), []);
  assert.deepEqual(codes({ channel: 'tv', start: '2024-01-09', end: '2024-01-10' }, s), ['LIFT_TEST_RANGE:start'], 'no row inside: the date rule speaks');
  assert.deepEqual(codes({ channel: 'radio', start: '2024-01-01', end: '2024-01-08' }, s), ['LIFT_TEST_CHANNEL:channel']);
});

test('a test on organic media says lift tests are for paid channels only, not "unknown channel"', () => {
  const [p] = liftTestProblems({ channel: 'newsletter', start: '2024-01-08', end: '2024-01-15' }, { ...scope, organic: ['newsletter'] });
  assert.equal(p.code, 'LIFT_TEST_CHANNEL');
  assert.equal(p.field, 'channel');
  assert.match(p.message, /lift test names organic media "newsletter": lift tests calibrate paid channels only/);
  assert.doesNotMatch(p.message, /unknown channel/);
  assert.match(p.hint, /remove the test/);
});

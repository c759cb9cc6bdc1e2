import { test } from 'node:test';
import assert from 'node:assert/strict';
import { liftTestExample, liftTestOptions, liftTestRows, withoutLiftTest } from './lift-tests.ts';

const tv = { channel: 'tv', start: '2024-03-04', end: '2024-04-01', lift: 125000, standardError: 25000 };
const search = { channel: 'search', start: '2024-05-06', end: '2024-06-03', measuredThrough: '2024-07-01', lift: 48000 };

test('rows show channel, dates, lift and the standard error, "20% (default)" when none was given', () => {
  const rows = liftTestRows([tv, search], ['tv', 'search']);
  assert.deepEqual(rows.map((r) => [r.channel, r.dates, r.lift, r.standardError, r.problem]), [
    ['tv', '2024-03-04 – 2024-04-01', '125,000', '25,000', null],
    ['search', '2024-05-06 – 2024-06-03 (measured through 2024-07-01)', '48,000', '20% (default)', null],
  ]);
  assert.equal(new Set(rows.map((r) => r.key)).size, 2);
  assert.deepEqual(rows.map((r) => r.geos), [null, null]);
  assert.equal(liftTestRows([{ ...tv, geos: ['north', 'south'] }], ['tv'])[0].geos, 'north, south', 'a geo test shows its geos');
});

test('a test whose channel the current roles do not have gets a note; none while the roles are unchecked', () => {
  assert.match(liftTestRows([tv, search], ['search'])[0].problem ?? '', /"tv" is not a channel with the current roles/);
  assert.equal(liftTestRows([tv], null)[0].problem, null);
});

test('removing a test keeps the others in order; the request carries tests only when there are some', () => {
  assert.deepEqual(withoutLiftTest([tv, search, tv], 1), [tv, tv]);
  assert.deepEqual(liftTestOptions([]), {});
  assert.deepEqual(liftTestOptions([search]), { liftTests: [search] });
});

test('liftTestExample names the run\'s first channel (the checked name, else the column without _spend), tv before any role', () => {
  assert.deepEqual(liftTestExample(['TV_Spend', 'radio_spend'], null), { channel: 'TV', column: 'TV_Spend' });
  assert.deepEqual(liftTestExample(['mdsp_search'], ['search']), { channel: 'search', column: 'mdsp_search' });
  assert.deepEqual(liftTestExample(null, null), { channel: 'tv', column: 'tv_spend' });
});

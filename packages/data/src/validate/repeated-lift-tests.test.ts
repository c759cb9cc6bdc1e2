import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repeatedLiftTests } from './repeated-lift-tests.ts';

const tv = { channel: 'tv', start: '2024-03-04', end: '2024-04-01', lift: 125000 };

test('repeatedLiftTests: an exact repeat is paired with its first occurrence, in input order', () => {
  const search = { ...tv, channel: 'search' };
  assert.deepEqual(repeatedLiftTests([tv, search, { ...tv }, { ...search }, { ...tv }]), [
    { first: 0, repeat: 2 }, { first: 1, repeat: 3 }, { first: 0, repeat: 4 },
  ]);
});

test('repeatedLiftTests: an omitted measured-through date equals the end', () => {
  assert.deepEqual(repeatedLiftTests([tv, { ...tv, measuredThrough: tv.end }]), [{ first: 0, repeat: 1 }]);
});

test('repeatedLiftTests: tests differing in any field are separate measurements', () => {
  const variants = [
    tv, { ...tv, channel: 'search' }, { ...tv, start: '2024-03-11' }, { ...tv, end: '2024-04-08' },
    { ...tv, measuredThrough: '2024-04-29' }, { ...tv, lift: 125001 }, { ...tv, standardError: 25000 },
  ];
  assert.deepEqual(repeatedLiftTests(variants), []);
});

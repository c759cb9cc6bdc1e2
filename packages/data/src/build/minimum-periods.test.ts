import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minimumPeriods, parameterCount } from './minimum-periods.ts';
import { guessTargetKind } from './guess-target-kind.ts';

test('parameter count and recommended periods', () => {
  assert.equal(parameterCount(3, 1, 2), 13);
  assert.equal(parameterCount(0, 0, 0), 1);
  assert.equal(minimumPeriods(13), 26);
  assert.equal(minimumPeriods(20), 40);
});

test('target kind guessed from the name', () => {
  assert.equal(guessTargetKind('conversions'), 'count');
  assert.equal(guessTargetKind('Orders'), 'count');
  assert.equal(guessTargetKind('new_leads'), 'count');
  assert.equal(guessTargetKind('revenue'), 'revenue');
  assert.equal(guessTargetKind('sales'), 'revenue');
  assert.equal(guessTargetKind('y'), 'revenue');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MIN_PERIODS_HARD } from '@mixwise/data';
import { ApiHttpError } from '../http/api-http-error.ts';
import { checkHoldout } from './check-holdout.ts';

const refusal = (periods: number, holdout: number, field?: string): ApiHttpError => {
  try { checkHoldout(periods, holdout, field); } catch (e) { if (e instanceof ApiHttpError) return e; throw e; }
  throw new Error('not refused');
};

test('a holdout longer than the data is refused without a negative count, with the largest holdout that works, at the field', () => {
  const e = refusal(104, 500);
  assert.equal(e.message, `a holdout of 500 periods leaves none of the 104 periods to fit; at least ${MIN_PERIODS_HARD} are needed: hold out at most ${104 - MIN_PERIODS_HARD} periods, or none`);
  assert.doesNotMatch(e.message, /-\d/);
  assert.deepEqual(e.issues?.map((i) => i.at.column), ['options.holdout']);
  assert.match(refusal(104, 104 - MIN_PERIODS_HARD + 1, 'holdout').message, new RegExp(`leaves ${MIN_PERIODS_HARD - 1} of the 104 periods`));
  assert.deepEqual(refusal(104, 200, 'holdout').issues?.map((i) => i.at.column), ['holdout']);
  assert.doesNotThrow(() => checkHoldout(104, 104 - MIN_PERIODS_HARD));
  assert.doesNotThrow(() => checkHoldout(104, undefined));
});

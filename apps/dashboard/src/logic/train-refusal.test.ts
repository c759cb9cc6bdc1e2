import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Issue } from '@mixwise/contracts';
import { trainFieldLabel, trainRefusal } from './train-refusal.ts';

const issue = (column: string, message: string, hint: string): Issue => ({ code: 'INVALID_REQUEST', severity: 'error', message, hint, at: { column } });

test('trainRefusal: a refused fit option is named by its label on the form, with a hint to change it there, never the request body', () => {
  const r = trainRefusal('invalid request body: options.iterations: search iterations must be a whole number from 1 to 1,000,000',
    [issue('options.iterations', 'search iterations must be a whole number from 1 to 1,000,000', 'check "options.iterations" in the request body')]);
  assert.equal(r.message, 'Search iterations: search iterations must be a whole number from 1 to 1,000,000');
  assert.deepEqual(r.issues.map((i) => [i.at.column, i.hint]), [['Search iterations', 'change "Search iterations" above and train again']]);
  const h = trainRefusal('a holdout of 500 periods leaves none of the 104 periods to fit; at least 12 are needed: hold out at most 92 periods, or none',
    [issue('options.holdout', 'a holdout of 500 periods leaves none of the 104 periods to fit; at least 12 are needed', 'hold out at most 92 periods, or none')]);
  assert.equal(h.message, 'Holdout periods: a holdout of 500 periods leaves none of the 104 periods to fit; at least 12 are needed');
  assert.equal(h.issues[0].hint, 'hold out at most 92 periods, or none', 'a hint in plain words is kept');
  for (const text of [r.message, h.message, ...[...r.issues, ...h.issues].map((i) => i.hint)]) assert.doesNotMatch(text, /options\.|request body|-\d/);
});

test('trainRefusal: refusals about roles, lift tests or the data keep the server\'s words', () => {
  const lift = [issue('options.liftTests.0.channel', 'lift test 1 (radio, …): unknown channel', 'use one of the channels')];
  assert.deepEqual(trainRefusal('lift test 1 (radio, …): unknown channel', lift), { message: 'lift test 1 (radio, …): unknown channel', issues: lift });
  assert.equal(trainFieldLabel('options.bayes.chains'), 'Chains');
  assert.equal(trainFieldLabel('roles.target'), undefined);
});

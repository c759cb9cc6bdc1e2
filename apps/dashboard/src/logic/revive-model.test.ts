import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reviveModel } from './revive-model.ts';

test('reviveModel: a null KPI (a period left out of the fit) becomes NaN, never 0; the rest is kept', () => {
  const model = reviveModel(JSON.parse('{"actual":[1,null,3],"intercept":2}'));
  assert.equal(model.actual[0], 1);
  assert.ok(Number.isNaN(model.actual[1]));
  assert.equal(model.intercept, 2);
});

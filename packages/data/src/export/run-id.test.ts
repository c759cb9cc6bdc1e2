import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel } from '@mixwise/engine';
import { fittedFixture } from './fitted-fixture.ts';
import { runId } from './run-id.ts';
import { toJson } from '../write/atomic-write.ts';

let model: MmmModel;
before(async () => {
  model = (await fittedFixture()).model;
});

test('runId: 16 hex digits, the same for the model read back from its model.json text, different for another model', () => {
  const id = runId(model);
  assert.match(id, /^[0-9a-f]{16}$/);
  assert.equal(runId(JSON.parse(toJson(model)) as MmmModel), id, 'read back from model.json');
  assert.equal(runId(model), id, 'deterministic');
  assert.notEqual(runId({ ...model, intercept: model.intercept + 1 }), id);
});

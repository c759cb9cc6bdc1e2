import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isOwnTemp, isOwnTempOrStaging, ownTempPid } from './stale-temps.ts';

test('isOwnTemp: writeFileAtomic temps and writeRunFiles staging folders, of a given process when asked', () => {
  assert.equal(ownTempPid('.model.json.4242.0a1b2c3d4e5f.tmp'), 4242);
  assert.equal(ownTempPid('.mixwise-run-4242-0a1b2c'), 4242);
  assert.equal(isOwnTemp('.mixwise-run-4242-0a1b2c', 4242), true);
  assert.equal(isOwnTemp('.mixwise-run-4242-0a1b2c', 4243), false);
  assert.equal(isOwnTemp('.model.json.4242.0a1b.tmp'), false, 'not 12 hex digits');
  for (const other of ['model.json', '.mixwise.lock', 'report.html', '.mixwise-run-x-1']) assert.equal(isOwnTemp(other), false, other);
});

test('isOwnTempOrStaging: also the export staging folder of that process, never a recovered one nor another pid\'s', () => {
  assert.equal(isOwnTempOrStaging('.mixwise-export-4242-0a1b2c', 4242), true);
  assert.equal(isOwnTempOrStaging('.mixwise-run-4242-0a1b2c', 4242), true);
  assert.equal(isOwnTempOrStaging('.model.json.4242.0a1b2c3d4e5f.tmp', 4242), true);
  assert.equal(isOwnTempOrStaging('.mixwise-export-4243-0a1b2c', 4242), false);
  assert.equal(isOwnTempOrStaging('.mixwise-export-recovered-4242-0a1b2c', 4242), false);
  assert.equal(ownTempPid('.mixwise-export-4242-0a1b2c'), null, 'removeStaleTemps leaves export staging to clearAbandoned');
});

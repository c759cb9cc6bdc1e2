import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MmmModel } from '@mixwise/engine';
import { fittedFixture } from './fitted-fixture.ts';
import { runId } from './run-id.ts';
import { writeJsonAtomic } from '../write/atomic-write.ts';
import { MODEL_FILE, readModel } from '../read/read-model.ts';

let model: MmmModel;
before(async () => {
  model = (await fittedFixture()).model;
});

test('runId: 16 hex digits, computed before writing equals that of model.json read back with readModel', async () => {
  const id = runId(model);
  assert.match(id, /^[0-9a-f]{16}$/);
  // As the store writes it (writeRunFiles: writeJsonAtomic of model.json), then read as optimize reads it.
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-run-id-'));
  await writeJsonAtomic(join(dir, MODEL_FILE), model);
  const readBack = readModel(dir);
  assert.notEqual(readBack, model);
  assert.equal(runId(readBack), id, 'read back from model.json');
});

test('runId: one coefficient changed gives another id', () => {
  const id = runId(model);
  const channels = model.channels.map((c, k) => (k === 0 ? { ...c, coef: c.coef * (1 + 1e-9) } : c));
  assert.notEqual(channels[0].coef, model.channels[0].coef);
  assert.notEqual(runId({ ...model, channels }), id);
});

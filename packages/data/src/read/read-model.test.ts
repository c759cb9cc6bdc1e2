import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MODEL_SCHEMA_VERSION } from '@mixwise/engine';
import { DataError, formatIssue } from '../issue.ts';
import type { Issue } from '../issue.ts';
import { readModel } from './read-model.ts';
import { toJson } from '../write/atomic-write.ts';

/** The smallest object readModel accepts as a model (one channel, two periods). */
const MINIMAL = {
  schemaVersion: 1, intercept: 10, dates: ['2024-01-01', '2024-01-08'], window: { start: 0, end: 2 }, actual: [1, 2], baseline: [],
  channels: [{ name: 'tv', coef: 2, scale: 1, maxLag: 0, spend: [1, 1], adstock: { type: 'geometric', alpha: 0.5 }, saturation: { type: 'hill', halfSaturation: 1, shape: 1 } }],
};

function runDir(content?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-read-model-'));
  if (content !== undefined) writeFileSync(join(dir, 'model.json'), content);
  return dir;
}

function issueOf(fn: () => unknown): Issue {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof DataError, `expected a DataError, got ${String(err)}`);
    assert.equal(err.issues.length, 1);
    return err.issues[0];
  }
  assert.fail('expected readModel to throw');
}

test('reads a valid model and fills a missing bootstrapRoi with []', () => {
  const model = readModel(runDir(JSON.stringify(MINIMAL)));
  assert.equal(model.schemaVersion, 1);
  assert.equal(model.channels[0].name, 'tv');
  assert.equal(model.channels[0].coef, 2);
  assert.deepEqual(model.bootstrapRoi, []);
});

test('a KPI left out of the fit, written as null, is read back as NaN (not 0)', () => {
  const model = readModel(runDir(JSON.stringify({ ...MINIMAL, actual: [1, NaN] })));
  assert.equal(model.actual[0], 1);
  assert.ok(Number.isNaN(model.actual[1]));
  assert.ok(Number.isNaN(Float64Array.from(model.actual)[1]));
  // As writeJsonAtomic writes a model: NaN (a plain or typed array) is null in the file.
  const text = toJson({ ...MINIMAL, actual: Float64Array.from([1, NaN]) });
  assert.match(text, /"actual": \[\n {4}1,\n {4}null\n {2}\]/);
  assert.ok(Number.isNaN(readModel(runDir(text)).actual[1]));
});

test('keeps bootstrap replicates when present', () => {
  const model = readModel(runDir(JSON.stringify({ ...MINIMAL, bootstrapRoi: [[1.5], [2.5]] })));
  assert.deepEqual(model.bootstrapRoi, [[1.5], [2.5]]);
});

test('a missing folder: FILE_NOT_FOUND naming the folder', () => {
  const dir = join(tmpdir(), 'mixwise-no-such-run-folder-xyz');
  const issue = issueOf(() => readModel(dir));
  assert.equal(issue.code, 'FILE_NOT_FOUND');
  assert.equal(issue.at.file, dir);
  assert.match(formatIssue(issue), /mixwise-no-such-run-folder-xyz: model folder not found/);
  assert.notEqual(issue.hint, '');
});

test('a folder without model.json: FILE_NOT_FOUND with the file as location', () => {
  const dir = runDir();
  const issue = issueOf(() => readModel(dir));
  assert.equal(issue.code, 'FILE_NOT_FOUND');
  assert.match(issue.message, /no model\.json in the folder/);
  assert.equal(issue.at.file, join(dir, 'model.json'));
});

test('a file instead of a folder: FILE_UNREADABLE', () => {
  const dir = runDir(JSON.stringify(MINIMAL));
  assert.equal(issueOf(() => readModel(join(dir, 'model.json'))).code, 'FILE_UNREADABLE');
});

test('model.json that is a folder: FILE_UNREADABLE', () => {
  const dir = runDir();
  mkdirSync(join(dir, 'model.json'));
  assert.equal(issueOf(() => readModel(dir)).code, 'FILE_UNREADABLE');
});

test('bad JSON: MODEL_JSON_SYNTAX located at the line of the error', () => {
  // The trailing comma is on line 3 ("  \"b\": 2,"), the offending "}" on line 4, character 1.
  const issue = issueOf(() => readModel(runDir('{\n  "a": 1,\n  "b": 2,\n}\n')));
  assert.equal(issue.code, 'MODEL_JSON_SYNTAX');
  assert.equal(issue.at.row, 4);
  assert.match(issue.message, /line 4, character 1/);
});

test('truncated JSON: MODEL_JSON_SYNTAX', () => {
  assert.equal(issueOf(() => readModel(runDir(JSON.stringify(MINIMAL).slice(0, 40)))).code, 'MODEL_JSON_SYNTAX');
});

test('JSON that is not a model (no schemaVersion, or an array): NOT_A_MODEL', () => {
  assert.equal(issueOf(() => readModel(runDir('{"target":"revenue","periods":156}'))).code, 'NOT_A_MODEL');
  assert.equal(issueOf(() => readModel(runDir('[1,2,3]'))).code, 'NOT_A_MODEL');
});

test('a newer schemaVersion: MODEL_SCHEMA_VERSION telling to upgrade', () => {
  const issue = issueOf(() => readModel(runDir(JSON.stringify({ ...MINIMAL, schemaVersion: MODEL_SCHEMA_VERSION + 1 }))));
  assert.equal(issue.code, 'MODEL_SCHEMA_VERSION');
  assert.match(issue.message, new RegExp(`schemaVersion ${MODEL_SCHEMA_VERSION + 1}`));
  assert.match(issue.hint, /upgrade/);
});

test('an invalid schemaVersion (0, "1", 1.5): MODEL_SCHEMA_VERSION', () => {
  for (const v of [0, '1', 1.5]) assert.equal(issueOf(() => readModel(runDir(JSON.stringify({ ...MINIMAL, schemaVersion: v })))).code, 'MODEL_SCHEMA_VERSION', String(v));
});

test('a model missing required fields: NOT_A_MODEL naming the field', () => {
  const noChannels: Record<string, unknown> = { ...MINIMAL };
  delete noChannels.channels;
  assert.match(issueOf(() => readModel(runDir(JSON.stringify(noChannels)))).message, /channels/);
  const badCoef = { ...MINIMAL, channels: [{ ...MINIMAL.channels[0], coef: 'x' }] };
  const issue = issueOf(() => readModel(runDir(JSON.stringify(badCoef))));
  assert.equal(issue.code, 'NOT_A_MODEL');
  assert.match(issue.message, /channels\[0\]\.coef/);
});

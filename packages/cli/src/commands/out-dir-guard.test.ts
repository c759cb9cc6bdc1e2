import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError } from '@mixwise/data';
import { guardOutDir } from './out-dir-guard.ts';
import { errorNotes } from '../error-notes.ts';

const failing = async (): Promise<never> => {
  throw new Error('the fit failed');
};

test('guardOutDir: creates the folder and leaves no probe file behind', async () => {
  const root = mkdtempSync(join(tmpdir(), 'mixwise-guard-'));
  const out = join(root, 'a', 'b');
  assert.equal(await guardOutDir(out, 'a/b', ['model.json'], async () => readdirSync(out).length), 0);
  assert.deepEqual(readdirSync(out), []);
  rmSync(root, { recursive: true, force: true });
});

test('guardOutDir: a failure before anything is written removes the folders the run created', async () => {
  const root = mkdtempSync(join(tmpdir(), 'mixwise-guard-'));
  await assert.rejects(guardOutDir(join(root, 'a', 'b'), 'a/b', ['model.json'], failing), /the fit failed/);
  assert.deepEqual(readdirSync(root), []);
  // A folder that existed before is kept, and so is one the run wrote into.
  mkdirSync(join(root, 'kept'));
  await assert.rejects(guardOutDir(join(root, 'kept'), 'kept', ['model.json'], failing));
  await assert.rejects(guardOutDir(join(root, 'new'), 'new', ['model.json'], async () => {
    writeFileSync(join(root, 'new', 'data.csv'), 'x');
    throw new Error('later');
  }));
  assert.deepEqual(readdirSync(root).sort(), ['kept', 'new']);
  rmSync(root, { recursive: true, force: true });
});

test('guardOutDir: a failure that left earlier results as they were says so, only when there were some', async () => {
  const root = mkdtempSync(join(tmpdir(), 'mixwise-guard-'));
  writeFileSync(join(root, 'model.json'), '{}');
  const err = await guardOutDir(root, 'run', ['model.json'], failing).catch((e: unknown) => e);
  assert.deepEqual(errorNotes(err), ['the previous results in run were left unchanged']);
  const empty = mkdtempSync(join(tmpdir(), 'mixwise-guard-'));
  assert.deepEqual(errorNotes(await guardOutDir(empty, 'e', ['model.json'], failing).catch((e: unknown) => e)), []);
  rmSync(root, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
});

test('guardOutDir: a folder that cannot be created is OUTPUT_NOT_WRITABLE before the work runs', async () => {
  const root = mkdtempSync(join(tmpdir(), 'mixwise-guard-'));
  writeFileSync(join(root, 'file'), 'x');
  let ran = false;
  const err = await guardOutDir(join(root, 'file', 'sub'), 'file/sub', [], async () => {
    ran = true;
  }).catch((e: unknown) => e);
  assert.ok(err instanceof DataError);
  assert.equal(err.issues[0].code, 'OUTPUT_NOT_WRITABLE');
  assert.match(err.issues[0].message, /^the output folder file\/sub cannot be created/);
  assert.equal(ran, false);
  assert.equal(existsSync(join(root, 'file', 'sub')), false);
  rmSync(root, { recursive: true, force: true });
});

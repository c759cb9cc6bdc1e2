import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toJson, writeFileAtomic, writeJsonAtomic } from './atomic-write.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'mixwise-write-'));

test('writes text and replaces an existing file, leaving no temporary file', async () => {
  const dir = tempDir();
  const path = join(dir, 'a.txt');
  writeFileSync(path, 'old');
  await writeFileAtomic(path, 'new content ü');
  assert.equal(readFileSync(path, 'utf8'), 'new content ü');
  assert.deepEqual(readdirSync(dir), ['a.txt']);
});

test('writes bytes', async () => {
  const path = join(tempDir(), 'b.bin');
  await writeFileAtomic(path, new Uint8Array([0, 255, 7]));
  assert.deepEqual([...readFileSync(path)], [0, 255, 7]);
});

test('on failure the error surfaces and the temporary file is removed', async () => {
  const dir = tempDir();
  const target = join(dir, 'taken');
  mkdirSync(target); // renaming a file over a folder fails
  await assert.rejects(writeFileAtomic(target, 'x'), (e: NodeJS.ErrnoException) => typeof e.code === 'string');
  assert.deepEqual(readdirSync(dir), ['taken']);
  await assert.rejects(writeFileAtomic(join(dir, 'no', 'such', 'f.txt'), 'x'), { code: 'ENOENT' });
});

test('JSON: 2-space indent, trailing newline, typed arrays as arrays', async () => {
  assert.equal(toJson({ a: new Float64Array([0.5, 2]), b: 'x' }), '{\n  "a": [\n    0.5,\n    2\n  ],\n  "b": "x"\n}\n');
  const path = join(tempDir(), 'v.json');
  await writeJsonAtomic(path, { beta: new Float64Array([1.25]), n: 3 });
  assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), { beta: [1.25], n: 3 });
});

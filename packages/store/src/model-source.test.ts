import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { modelSource } from './model-source.ts';

test('modelSource records the base name, the SHA-256 of the bytes and their count', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mw-src-'));
  try {
    const file = join(dir, 'sales.csv');
    writeFileSync(file, 'abc');
    // SHA-256("abc") is the FIPS 180-2 test vector.
    assert.deepEqual(await modelSource(file), { file: 'sales.csv', sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', bytes: 3 });
    assert.equal((await modelSource(file, 'C:\\Users\\ann\\Q3 spend.csv')).file, 'Q3 spend.csv', 'an upload keeps the name it was given, never a path');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

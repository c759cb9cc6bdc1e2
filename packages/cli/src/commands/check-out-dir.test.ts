import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkOutDir, checkOutFile } from './check-out-dir.ts';
import { UsageError } from '../usage-error.ts';

const dir = mkdtempSync(join(tmpdir(), 'outdir-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('an existing folder or a path that does not exist yet is fine', () => {
  mkdirSync(join(dir, 'run'));
  checkOutDir(join(dir, 'run'), 'fit');
  checkOutDir(join(dir, 'new', 'deeper'), 'fit');
});

test('a file, or a path below a file, is a usage error naming it', () => {
  writeFileSync(join(dir, 'data.csv'), 'x');
  assert.throws(() => checkOutDir(join(dir, 'data.csv'), 'fit'), (e: unknown) => e instanceof UsageError && /is a file, not a folder/.test(e.message) && e.command === 'fit');
  assert.throws(() => checkOutDir(join(dir, 'data.csv', 'run'), 'fit'), /cannot be created: .*data\.csv is a file/);
});

test('checkOutFile: a file in an existing or missing folder is fine; a folder, or a path below a file, is a usage error', () => {
  checkOutFile(join(dir, 'r.html'), 'report');
  checkOutFile(join(dir, 'missing', 'deeper', 'r.html'), 'report');
  writeFileSync(join(dir, 'notes.txt'), 'x');
  assert.throws(() => checkOutFile(join(dir, 'notes.txt', 'sub', 'r.html'), 'report'),
    (e: unknown) => e instanceof UsageError && e.command === 'report' && e.message.includes(`${join(dir, 'notes.txt')} is a file, not a folder`));
  assert.throws(() => checkOutFile(dir, 'init', '--out', 'mixwise.yaml'),
    (e: unknown) => e instanceof UsageError && e.message.includes(`--out ${dir} is a folder, not a file`) && e.message.includes(join(dir, 'mixwise.yaml')));
  assert.throws(() => checkOutDir(join(dir, 'notes.txt', 'runs'), 'serve', '--runs'), /^UsageError: --runs .* cannot be created/);
});

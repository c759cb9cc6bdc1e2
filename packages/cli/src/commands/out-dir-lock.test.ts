import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError } from '@mixwise/data';
import { defaultDeps, type CliDeps } from '../cli-deps.ts';
import type { FitRunResult } from './fit-run.ts';
import { runCli } from '../program.ts';
import { captureIo } from '../../test/capture-io.ts';
import { csvText, spendCsv } from '../../test/spend-csv.ts';
import { LOCK_FILE, withOutDirLock } from './out-dir-lock.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-lock-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const DEAD = 2 ** 22 + 4321; // above Linux's pid_max default: no such process

test('withOutDirLock: a lock of a running process refuses (OUTPUT_LOCKED naming it); a dead one is taken over; the lock is removed after', async () => {
  const out = join(dir, 'a');
  mkdirSync(out);
  // The test runner that started this process is alive.
  writeFileSync(join(out, LOCK_FILE), `${process.ppid}\nfit\n2026-01-01T00:00:00.000Z\n`);
  let ran = false;
  await assert.rejects(withOutDirLock(out, 'a', 'fit', async () => { ran = true; }), (e: unknown) =>
    e instanceof DataError && e.issues[0].code === 'OUTPUT_LOCKED' && e.issues[0].message.includes(`pid ${process.ppid}, mixwise fit`));
  assert.equal(ran, false);
  assert.equal(readFileSync(join(out, LOCK_FILE), 'utf8').split('\n')[0], String(process.ppid), 'the other process keeps its lock');
  writeFileSync(join(out, LOCK_FILE), `${DEAD}\nfit\n`);
  assert.equal(await withOutDirLock(out, 'a', 'fit', async () => readFileSync(join(out, LOCK_FILE), 'utf8').split('\n')[0]), String(process.pid));
  assert.equal(existsSync(join(out, LOCK_FILE)), false);
  await assert.rejects(withOutDirLock(out, 'a', 'fit', async () => { throw new Error('fit failed'); }), /fit failed/);
  assert.equal(existsSync(join(out, LOCK_FILE)), false, 'released on failure too');
});

test('withOutDirLock: a lock naming no process yet, just created, is being written: waited for, not refused; an old one is taken over', async () => {
  const out = join(dir, 'b');
  mkdirSync(out);
  const lock = join(out, LOCK_FILE);
  writeFileSync(lock, '');
  // Its creator finishes and releases it 100 ms later.
  setTimeout(() => rmSync(lock), 100);
  const t0 = Date.now();
  assert.equal(await withOutDirLock(out, 'b', 'fit', async () => 'ran'), 'ran');
  assert.ok(Date.now() - t0 >= 90, 'it waited for the creator');
  writeFileSync(lock, '');
  const old = new Date(Date.now() - 120_000);
  utimesSync(lock, old, old);
  assert.equal(await withOutDirLock(out, 'b', 'fit', async () => readFileSync(lock, 'utf8').split('\n')[0]), String(process.pid));
  assert.equal(existsSync(lock), false);
  assert.equal(existsSync(`${lock}.takeover`), false, 'the take-over guard is removed');
});

test('mixwise fit into a folder another fit is writing: exit 1 naming the process, nothing fitted', async () => {
  writeFileSync(join(dir, 'data.csv'), csvText(spendCsv(30)));
  mkdirSync(join(dir, 'run'));
  writeFileSync(join(dir, 'run', LOCK_FILE), `${process.ppid}\nfit\n2026-01-01T00:00:00.000Z\n`);
  let fitted = false;
  const deps: CliDeps = { ...defaultDeps, runFit: async () => { fitted = true; return {} as FitRunResult; } };
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'data.csv', '--target', 'sales', '--out', 'run'], cap.io, deps), 1);
  assert.equal(fitted, false);
  assert.match(cap.stderr(), new RegExp(`another mixwise process \\(pid ${process.ppid}, mixwise fit.*is writing the output folder run`));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { clearAbandoned, keepForRecovery, RECOVERED_PREFIX, STAGING_PREFIX } from './abandoned-staging.ts';
import { exportPaths, publishExport } from './publish-export.ts';

/** A staging folder of a process that no longer runs (pid 2^22 + 1 is above Linux's pid_max default). */
const DEAD = `${STAGING_PREFIX}4194305-abcdef`;

/** A folder holding `files` (path → content). */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-abandoned-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Every file under dir and its content. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name).slice(dir.length + 1)] = readFileSync(join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

const V1 = { 'results.sqlite': 'v1', 'exports/csv/a.csv': 'v1', 'exports/csv/notes.txt': 'mine', 'exports/parquet/a.parquet': 'v1' };

test('a crash after the old CSV folder was moved aside, before the new one was moved in: the old one is put back', async () => {
  const dir = folder({
    'results.sqlite': 'v1', 'exports/parquet/a.parquet': 'v1',
    [`${DEAD}/results.sqlite`]: 'v2', [`${DEAD}/csv/a.csv`]: 'v2', [`${DEAD}/parquet/a.parquet`]: 'v2',
    [`${DEAD}/previous-csv/a.csv`]: 'v1', [`${DEAD}/previous-csv/notes.txt`]: 'mine',
  });
  await clearAbandoned(dir, join(dir, 'own'), exportPaths(dir));
  assert.deepEqual(snapshot(dir), V1);
});

test('a crash with the new CSV folder in place and the old Parquet folder aside: the swap is undone', async () => {
  const dir = folder({
    'results.sqlite': 'v1', 'exports/csv/a.csv': 'v2',
    [`${DEAD}/results.sqlite`]: 'v2', [`${DEAD}/parquet/a.parquet`]: 'v2',
    [`${DEAD}/previous-csv/a.csv`]: 'v1', [`${DEAD}/previous-csv/notes.txt`]: 'mine', [`${DEAD}/previous-parquet/a.parquet`]: 'v1',
  });
  await clearAbandoned(dir, join(dir, 'own'), exportPaths(dir));
  assert.deepEqual(snapshot(dir), V1);
});

test('a crash after the swap finished (while removing the old folders): the new export stays, the leftovers go', async () => {
  const dir = folder({
    'results.sqlite': 'v2', 'exports/csv/a.csv': 'v2', 'exports/parquet/a.parquet': 'v2',
    [`${DEAD}/previous-csv/a.csv`]: 'v1', [`${DEAD}/previous-parquet/a.parquet`]: 'v1',
  });
  await clearAbandoned(dir, join(dir, 'own'), exportPaths(dir));
  assert.deepEqual(snapshot(dir), { 'results.sqlite': 'v2', 'exports/csv/a.csv': 'v2', 'exports/parquet/a.parquet': 'v2' });
});

test('a swap that cannot be undone: the folder is kept under the recovered name, which no export removes', async () => {
  // exports/csv was made again after the crash, and the new CSV folder is still in the staging folder.
  const dir = folder({
    'results.sqlite': 'v1', 'exports/csv/other.csv': 'x',
    [`${DEAD}/results.sqlite`]: 'v2', [`${DEAD}/csv/a.csv`]: 'v2', [`${DEAD}/previous-csv/a.csv`]: 'v1',
  });
  await clearAbandoned(dir, join(dir, 'own'), exportPaths(dir));
  const recovered = `${RECOVERED_PREFIX}4194305-abcdef`;
  assert.deepEqual(readdirSync(dir).sort(), [recovered, 'exports', 'results.sqlite']);
  assert.equal(readFileSync(join(dir, recovered, 'previous-csv', 'a.csv'), 'utf8'), 'v1');
  await publishExport(dir, async (p) => { await writeFile(p.sqlite, 'v3'); });
  assert.ok(existsSync(join(dir, recovered, 'previous-csv', 'a.csv')));
});

test('publishExport after a crash mid-swap: starts from the previous export, so files kept beside its tables carry over', async () => {
  const dir = folder({
    'results.sqlite': 'v1', 'exports/parquet/a.parquet': 'v1',
    [`${DEAD}/results.sqlite`]: 'v2', [`${DEAD}/csv/a.csv`]: 'v2', [`${DEAD}/parquet/a.parquet`]: 'v2',
    [`${DEAD}/previous-csv/a.csv`]: 'v1', [`${DEAD}/previous-csv/notes.txt`]: 'mine',
  });
  await publishExport(dir, async (p) => {
    await writeFile(p.sqlite, 'v3');
    await writeFile(join(p.csvDir, 'a.csv'), 'v3');
  });
  assert.deepEqual(snapshot(dir), { 'results.sqlite': 'v3', 'exports/csv/a.csv': 'v3', 'exports/csv/notes.txt': 'mine' });
});

test('clearAbandoned leaves its own folder, a running process\'s and other names alone; keepForRecovery renames', async () => {
  const mine = `${STAGING_PREFIX}${process.pid}-0a`;
  const dir = folder({ [`${mine}/results.sqlite`]: 'x', [`${STAGING_PREFIX}4194305-0b/csv/a.csv`]: 'y', [`${RECOVERED_PREFIX}4194305-0c/previous-csv/a.csv`]: 'z', 'notes.txt': 'n' });
  await clearAbandoned(dir, join(dir, 'own'), exportPaths(dir));
  assert.deepEqual(readdirSync(dir).sort(), [mine, `${RECOVERED_PREFIX}4194305-0c`, 'notes.txt']);
  assert.equal(await keepForRecovery(join(dir, mine)), join(dir, `${RECOVERED_PREFIX}${process.pid}-0a`));
  assert.ok(existsSync(join(dir, `${RECOVERED_PREFIX}${process.pid}-0a`, 'results.sqlite')));
});

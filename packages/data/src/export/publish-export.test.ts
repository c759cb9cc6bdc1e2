import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPaths, ExportWriteError, publishExport, STAGING_PREFIX, targetNames, type ExportPaths } from './publish-export.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'mixwise-publish-'));

/** An export whose every file holds `tag`: results.sqlite, csv/a.csv, parquet/a.parquet. */
const build = (tag: string, tables = ['a']) => async (p: ExportPaths): Promise<void> => {
  await writeFile(p.sqlite, tag);
  for (const t of tables) {
    await writeFile(join(p.csvDir, `${t}.csv`), tag);
    await writeFile(join(p.parquetDir, `${t}.parquet`), tag);
  }
};

/** Every file of the run folder's export and its content. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const r = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) walk(r);
      else out[r] = readFileSync(join(dir, r), 'utf8');
    }
  };
  walk('');
  return out;
}

test('publishExport swaps the three formats in, drops stale tables, keeps other files, leaves no staging folder', async () => {
  const dir = tempDir();
  await publishExport(dir, build('v1', ['a', 'old']));
  writeFileSync(join(dir, 'exports', 'csv', 'Notes.txt'), 'mine');
  // A staging folder of a process that no longer runs (pid 2^22 + 1 is above Linux's pid_max default).
  mkdirSync(join(dir, `${STAGING_PREFIX}4194305-abcdef`));
  await publishExport(dir, build('v2'));
  assert.deepEqual(snapshot(dir), {
    'exports/csv/Notes.txt': 'mine', 'exports/csv/a.csv': 'v2', 'exports/parquet/a.parquet': 'v2', 'results.sqlite': 'v2',
  });
});

test('a failure while building leaves the previous export as it was and names the run folder\'s paths', async () => {
  const dir = tempDir();
  await publishExport(dir, build('v1'));
  const before = snapshot(dir);
  const err = await publishExport(dir, async (p) => {
    await build('v2')(p);
    const e = Object.assign(new Error(`EISDIR: illegal operation on a directory, rename '${join(p.parquetDir, '.a.parquet.123.abcdef.tmp')}'`), { code: 'EISDIR' });
    throw e;
  }).catch((e: unknown) => e);
  assert.ok(err instanceof ExportWriteError);
  assert.equal(err.code, 'EISDIR');
  assert.ok(err.message.includes(join(dir, 'exports', 'parquet', 'a.parquet')), err.message);
  assert.doesNotMatch(err.message, /\.tmp|mixwise-export-/);
  assert.match(err.message, /the previous export, if any, is unchanged/);
  assert.deepEqual(snapshot(dir), before);
});

test('a failure at the last step (results.sqlite cannot be replaced) puts the CSV and Parquet folders back', async () => {
  const dir = tempDir();
  await publishExport(dir, build('v1'));
  // A run folder whose results.sqlite is a non-empty folder: the final rename fails.
  const blocked = tempDir();
  mkdirSync(join(blocked, 'exports', 'csv'), { recursive: true });
  writeFileSync(join(blocked, 'exports', 'csv', 'a.csv'), 'v1');
  mkdirSync(join(blocked, 'results.sqlite', 'x'), { recursive: true });
  const before = snapshot(blocked);
  await assert.rejects(publishExport(blocked, build('v2')), (e: unknown) => e instanceof ExportWriteError && /unchanged/.test(e.message) && e.message.includes(exportPaths(blocked).sqlite));
  assert.deepEqual(snapshot(blocked), before);
  assert.deepEqual(readdirSync(blocked).sort(), ['exports', 'results.sqlite']);
  // No export folder before: none after.
  const fresh = tempDir();
  mkdirSync(join(fresh, 'results.sqlite', 'x'), { recursive: true });
  await assert.rejects(publishExport(fresh, build('v2')), ExportWriteError);
  assert.deepEqual(readdirSync(fresh), ['results.sqlite']);
});

test('a missing run folder: ExportWriteError with ENOENT, nothing created', async () => {
  const parent = tempDir();
  await assert.rejects(publishExport(join(parent, 'missing'), build('v1')), { name: 'ExportWriteError', code: 'ENOENT' });
  assert.ok(!existsSync(join(parent, 'missing')));
});

test('targetNames: staging paths and hidden temporary names become the run folder\'s paths', () => {
  const staged = { sqlite: '/r/.s/results.sqlite', csvDir: '/r/.s/csv', parquetDir: '/r/.s/parquet' };
  assert.equal(targetNames("rename '/r/.s/parquet/.optimization.parquet.77.0a1b2c.tmp' -> '/r/.s/parquet/optimization.parquet'", staged, exportPaths('/r')),
    "rename '/r/exports/parquet/optimization.parquet' -> '/r/exports/parquet/optimization.parquet'");
  assert.equal(targetNames('disk full: /r/.s/.results.sqlite.5.ff.tmp', staged, exportPaths('/r')), 'disk full: /r/results.sqlite');
});

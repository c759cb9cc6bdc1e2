import { mock, test } from 'node:test';
import assert from 'node:assert/strict';
import fs, { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { syncBuiltinESMExports } from 'node:module';
import { exportPaths, ExportWriteError, publishExport, STAGING_PREFIX, targetNames, type ExportPaths } from './publish-export.ts';
import { RECOVERED_PREFIX } from './abandoned-staging.ts';

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

test('beforeSwap runs after the user\'s own files were copied into the staging folder, before the run folder\'s export changes', async () => {
  const dir = tempDir();
  await publishExport(dir, build('v1'));
  writeFileSync(join(dir, 'exports', 'csv', 'Notes.txt'), 'mine');
  const seen: string[] = [];
  await publishExport(dir, build('v2'), async () => {
    const staging = readdirSync(dir).filter((n) => n.startsWith(STAGING_PREFIX));
    assert.equal(staging.length, 1);
    seen.push(readFileSync(join(dir, staging[0], 'csv', 'Notes.txt'), 'utf8'), readFileSync(join(dir, 'exports', 'csv', 'a.csv'), 'utf8'));
  });
  assert.deepEqual(seen, ['mine', 'v1'], 'copied into staging; the export still the previous one');
  assert.equal(readFileSync(join(dir, 'exports', 'csv', 'a.csv'), 'utf8'), 'v2');
  // A throw there cancels the export like a failed build.
  const before = snapshot(dir);
  await assert.rejects(publishExport(dir, build('v3'), async () => { throw new Error('no'); }), ExportWriteError);
  assert.deepEqual(snapshot(dir), before);
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

/** Runs `body` with fs/promises' `name` failing (EACCES) on the calls `fails` picks, as publishExport's imports see it. */
async function withFailing<T>(name: 'rename' | 'rm', fails: (...paths: string[]) => boolean, body: () => Promise<T>): Promise<T> {
  const original = fs.promises[name] as (...args: unknown[]) => Promise<void>;
  const m = mock.method(fs.promises, name, async (...args: unknown[]) => {
    if (fails(...args.filter((a): a is string => typeof a === 'string'))) throw Object.assign(new Error(`EACCES: permission denied, ${name} '${String(args[0])}'`), { code: 'EACCES' });
    return original(...args);
  });
  syncBuiltinESMExports();
  try {
    return await body();
  } finally {
    m.mock.restore();
    syncBuiltinESMExports();
  }
}

test('a swap that cannot be undone: the staging folder is kept under a name later exports leave alone, and the error says where', async () => {
  const dir = tempDir();
  await publishExport(dir, build('v1'));
  const target = exportPaths(dir);
  // results.sqlite cannot be replaced, and the new Parquet folder cannot be moved back out.
  const err = await withFailing('rename', (from, to) => to === target.sqlite || (from === target.parquetDir && basename(to) === 'parquet'), () => publishExport(dir, build('v2')))
    .catch((e: unknown) => e);
  assert.ok(err instanceof ExportWriteError);
  const kept = readdirSync(dir).filter((e) => e.startsWith(RECOVERED_PREFIX));
  assert.equal(kept.length, 1);
  assert.match(err.message, /the previous export could not be put back/);
  assert.ok(err.message.includes(`its files are in ${join(dir, kept[0])} (previous-csv, previous-parquet), a folder later exports leave alone`), err.message);
  assert.equal(readFileSync(join(dir, kept[0], 'previous-parquet', 'a.parquet'), 'utf8'), 'v1');
  // The next export does not remove it.
  await publishExport(dir, build('v3'));
  assert.equal(readFileSync(join(dir, kept[0], 'previous-parquet', 'a.parquet'), 'utf8'), 'v1');
  assert.equal(readFileSync(target.sqlite, 'utf8'), 'v3');
});

test('a staging folder that cannot be removed after the swap: the export succeeded, and the next export clears it', async () => {
  const dir = tempDir();
  await publishExport(dir, build('v1'));
  await withFailing('rm', (path) => basename(path).startsWith(STAGING_PREFIX), () => publishExport(dir, build('v2')));
  assert.deepEqual(snapshot(dir)['exports/csv/a.csv'], 'v2');
  assert.equal(readFileSync(exportPaths(dir).sqlite, 'utf8'), 'v2');
  const left = readdirSync(dir).filter((e) => e.startsWith(STAGING_PREFIX));
  assert.equal(left.length, 1);
  // This process still runs, so its folder stays until it ends; the leftover of a dead one goes.
  const dead = `${STAGING_PREFIX}4194305-0d`;
  fs.renameSync(join(dir, left[0]), join(dir, dead));
  await publishExport(dir, build('v3'));
  assert.deepEqual(readdirSync(dir).sort(), ['exports', 'results.sqlite']);
});

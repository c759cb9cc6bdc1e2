// A Ctrl-C after the run was swapped into a folder the fit created must not remove that good run:
// writeRunFiles' commit disarms guardOutDir's removal (keepOutDir). One during the swap is held until
// the swap has ended (holdSignals); one while the exports are built removes their staging folder too.
// The signal is emitted in-process with process.exit stubbed, so the test sees what the handler did.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../src/program.ts';
import { defaultDeps } from '../src/cli-deps.ts';
import { guardOutDir, keepOutDir } from '../src/commands/out-dir-guard.ts';
import { captureIo } from './capture-io.ts';
import { tempDir } from './run-mixwise.ts';

const dir = tempDir('mixwise-commit-');
after(() => rmSync(dir, { recursive: true, force: true }));

interface Signalled { code: unknown; message: string; atExit?: unknown }

/** Emits SIGINT to our own handlers with process.exit and stderr caught; returns the exit code and the message. */
function interrupt(): Signalled {
  const exit = process.exit;
  const write = process.stderr.write;
  let code: unknown;
  let message = '';
  process.exit = ((c?: number) => { code = c; }) as typeof process.exit;
  process.stderr.write = ((chunk: string | Uint8Array) => { message += String(chunk); return true; }) as typeof process.stderr.write;
  try {
    process.emit('SIGINT');
  } finally {
    process.exit = exit;
    process.stderr.write = write;
  }
  return { code, message };
}

/**
 * Emits `signal` with process.exit and stderr stubbed until the process would have exited (at once, or
 * later when the signal is held): `done` then has the code, the message and `snap()` at exit time.
 */
function deliver(signal: NodeJS.Signals, snap: () => unknown): { done: Signalled; exited: Promise<void> } {
  const exit = process.exit;
  const write = process.stderr.write;
  const done: Signalled = { code: undefined, message: '' };
  let restore!: () => void;
  const exited = new Promise<void>((r) => { restore = r; });
  process.stderr.write = ((chunk: string | Uint8Array) => { done.message += String(chunk); return true; }) as typeof process.stderr.write;
  process.exit = ((c?: number) => {
    done.code = c;
    done.atExit = snap();
    process.exit = exit;
    process.stderr.write = write;
    restore();
  }) as typeof process.exit;
  process.emit(signal);
  return { done, exited };
}

/** The names in a folder (none when it is gone), and the text of its run files, as they are now. */
function folderState(out: string): { names: string[]; model: string; summary: string } {
  const text = (f: string): string => (existsSync(join(out, f)) ? readFileSync(join(out, f), 'utf8') : '');
  return { names: existsSync(out) ? readdirSync(out).sort() : [], model: text('model.json'), summary: text('summary.json') };
}

const RUN_NAMES = ['decomposition.csv', 'diagnostics.json', 'exports', 'model.json', 'report.html', 'response_curves.csv', 'results.sqlite', 'summary.json'];

test('guardOutDir: Ctrl-C removes a folder the run created, but keeps it once a run was committed into it', async () => {
  const fresh = join(dir, 'fresh', 'run');
  const first = await guardOutDir(fresh, 'fresh/run', ['model.json'], async () => interrupt());
  assert.equal(first.code, 130);
  assert.match(first.message, /removed .*which this run created/);
  assert.equal(existsSync(join(dir, 'fresh')), false);
  const kept = join(dir, 'kept', 'run');
  const second = await guardOutDir(kept, 'kept/run', ['model.json'], async () => {
    writeFileSync(join(kept, 'model.json'), '{}');
    keepOutDir(kept);
    return interrupt();
  });
  assert.equal(second.code, 130);
  assert.match(second.message, /kept kept\/run: the run written into it is complete/);
  assert.equal(readFileSync(join(kept, 'model.json'), 'utf8'), '{}');
});

const day = (t: number): string => new Date(Date.UTC(2023, 0, 2 + 7 * t)).toISOString().slice(0, 10);
const data = join(dir, 'data.csv');
writeFileSync(data, 'date,revenue,tv_spend,search_spend\n' + Array.from({ length: 60 }, (_, t) =>
  `${day(t)},${1000 + 37 * ((t * 7) % 11) + 5 * t},${100 + 13 * ((t * 5) % 7)},${50 + 11 * ((t * 3) % 5)}`).join('\n') + '\n');
const FIT = ['fit', data, '--target', 'revenue', '--iterations', '60', '--workers', '1'];

test('mixwise fit into a new folder: a Ctrl-C after the swap keeps the run (and the staged change log)', async () => {
  const out = join(dir, 'new', 'run');
  let signalled: { code: unknown; message: string } | undefined;
  const deps = { ...defaultDeps, runFit: async (...args: Parameters<typeof defaultDeps.runFit>) => {
    const result = await defaultDeps.runFit(...args);
    signalled = interrupt();
    return result;
  } };
  const cap = captureIo(dir);
  assert.equal(await runCli([...FIT, '--clean', 'sort_dates', '--out', out], cap.io, deps), 0, cap.stderr());
  assert.equal(signalled?.code, 130);
  assert.match(signalled?.message ?? '', /kept .*the run written into it is complete/);
  for (const f of ['model.json', 'report.html', 'changes.csv', 'changes.json']) assert.ok(existsSync(join(out, f)), f);
});

/** Runs `mixwise fit` with `signal` delivered at writeRunFiles' step `at`; resolves once the handler would have exited. */
async function fitSignalledAt(out: string, at: string, signal: NodeJS.Signals, args: string[] = []): Promise<{ exit: number; stderr: string; signalled: Signalled }> {
  let sent: ReturnType<typeof deliver> | undefined;
  const deps = { ...defaultDeps, runFit: (...a: Parameters<typeof defaultDeps.runFit>) => defaultDeps.runFit(a[0], a[1], a[2], (s) => {
    if (s !== at) return;
    sent = deliver(signal, () => folderState(out));
    // A handler that exits here stops the run (process.exit stubbed: throw as if it had).
    if (sent.done.code !== undefined) throw new Error('exited');
  }) };
  const cap = captureIo(dir);
  const exit = await runCli([...FIT, ...args, '--out', out], cap.io, deps);
  assert.ok(sent !== undefined, `step ${at} was never reached: ${cap.stderr()}`);
  await sent.exited;
  return { exit, stderr: cap.stderr(), signalled: sent.done };
}

test('SIGTERM while the run is moved into a folder holding an earlier run: held until the swap ends, the new run kept whole, exit 143', async () => {
  const out = join(dir, 'mid-swap');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'model.json'), '{"earlier":"model"}');
  writeFileSync(join(out, 'summary.json'), '{"earlier":"summary"}');
  // After the first files of the swap moved (model.json is in, summary.json not yet).
  const r = await fitSignalledAt(out, 'move:summary.json', 'SIGTERM', ['--clean', 'sort_dates']);
  assert.equal(r.exit, 0, r.stderr);
  assert.equal(r.signalled.code, 143);
  assert.match(r.signalled.message, /^mixwise: stopped by SIGTERM; .*kept .*mid-swap: the run written into it is complete\n$/);
  const at = r.signalled.atExit as ReturnType<typeof folderState>;
  // Whole with the new run: every file, the change log too; no marker, holding folders or lock.
  assert.deepEqual(at.names, [...RUN_NAMES, 'changes.csv', 'changes.json'].sort());
  assert.notEqual(at.model, '{"earlier":"model"}');
  assert.ok(Array.isArray((JSON.parse(at.summary) as { channels?: unknown }).channels), at.summary);
  assert.deepEqual(folderState(out), at, 'nothing changed after the handler acted');
});

test('Ctrl-C at the first move of a fit into a new folder: the folder is kept with the whole run, exit 130', async () => {
  const out = join(dir, 'mid-swap-new', 'run');
  const r = await fitSignalledAt(out, 'move:model.json', 'SIGINT');
  assert.equal(r.signalled.code, 130);
  assert.match(r.signalled.message, /kept .*mid-swap-new\/run: the run written into it is complete/);
  assert.deepEqual((r.signalled.atExit as ReturnType<typeof folderState>).names, RUN_NAMES);
});

test('Ctrl-C while the exports are built: their staging folder is removed with the run\'s, the earlier run left as it was', async () => {
  const out = join(dir, 'exports-built');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'model.json'), '{"earlier":"model"}');
  const r = await fitSignalledAt(out, 'exports', 'SIGINT');
  assert.equal(r.signalled.code, 130);
  assert.match(r.signalled.message, /released the lock on .* and removed this run's temporary files/);
  const at = r.signalled.atExit as ReturnType<typeof folderState>;
  assert.deepEqual(at.names, ['model.json'], 'no .mixwise-export-*, .mixwise-run-*, marker or lock');
  assert.equal(at.model, '{"earlier":"model"}');
});

test('SIGTERM held during the swap, then a move fails (ENOSPC): the stop message names the error and the folder marked incomplete, exit 143', async () => {
  const out = join(dir, 'swap-fails');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'model.json'), '{"earlier":"model"}');
  let sent: ReturnType<typeof deliver> | undefined;
  const deps = { ...defaultDeps, runFit: (...a: Parameters<typeof defaultDeps.runFit>) => defaultDeps.runFit(a[0], a[1], a[2], (s) => {
    if (s === 'move:model.json') {
      sent = deliver('SIGTERM', () => folderState(out));
      // A second signal while held: told why the process is not stopping yet.
      process.emit('SIGINT');
    }
    if (s === 'move:summary.json') throw Object.assign(new Error(`ENOSPC: no space left on device, rename '${join(out, 'x')}'`), { code: 'ENOSPC' });
  }) };
  const cap = captureIo(dir);
  // process.exit is stubbed, so the error goes on to the usual printer too.
  await runCli([...FIT, '--out', out], cap.io, deps);
  assert.ok(sent !== undefined, cap.stderr());
  await sent.exited;
  const { code, message, atExit } = sent.done;
  assert.equal(code, 143);
  const lines = message.split('\n');
  assert.equal(lines[0], 'mixwise: finishing moving the run in; stopping right after', message);
  assert.match(lines[1], new RegExp(`^error: moving the run into .*swap-fails failed at summary\\.json: ENOSPC: no space left on device`), message);
  assert.match(lines[2], /swap-fails is marked incomplete \(mixwise-incomplete\.txt\).*RUN_INCOMPLETE.*fit again with --out .*swap-fails/, message);
  assert.match(lines[3], /^now the new fit's: model\.json, results\.sqlite, exports\/; still the previous fit's, or missing \(not moved in\): summary\.json, /, message);
  assert.match(lines[4], /^mixwise: stopped by SIGTERM; released the lock on /, message);
  assert.ok((atExit as ReturnType<typeof folderState>).names.includes('mixwise-incomplete.txt'), 'the marker is left');
});

test('a move that fails during the swap with no signal held: exit 1 saying which files are whose, that the folder is marked incomplete and to fit again', async () => {
  const out = join(dir, 'swap-fails-quiet');
  mkdirSync(out, { recursive: true });
  const earlier = { 'model.json': '{"earlier":"model"}', 'summary.json': '{"earlier":"summary"}', 'report.html': '<p>earlier</p>' };
  for (const [f, text] of Object.entries(earlier)) writeFileSync(join(out, f), text);
  const deps = { ...defaultDeps, runFit: (...a: Parameters<typeof defaultDeps.runFit>) => defaultDeps.runFit(a[0], a[1], a[2], (s) => {
    // The second move fails (a full disk), as a rename would.
    if (s === 'move:summary.json') throw Object.assign(new Error(`ENOSPC: no space left on device, rename '${join(out, 'summary.json')}'`), { code: 'ENOSPC' });
  }) };
  const cap = captureIo(dir);
  assert.equal(await runCli([...FIT, '--out', out], cap.io, deps), 1, cap.stderr());
  const err = cap.stderr().replace(/\s+/g, ' ');
  assert.ok(err.includes(`moving the run into ${out} failed at summary.json: ENOSPC: no space left on device`), err);
  assert.ok(err.includes('now the new fit\'s: model.json, results.sqlite, exports/; still the previous fit\'s, or missing (not moved in): summary.json, decomposition.csv, diagnostics.json, response_curves.csv, report.html'), err);
  assert.ok(err.includes(`${out} is marked incomplete (mixwise-incomplete.txt)`) && err.includes(`fit again with --out ${out}`), err);
  assert.match(err, /RUN_INCOMPLETE/);
  // What it says is what the folder holds.
  assert.notEqual(readFileSync(join(out, 'model.json'), 'utf8'), earlier['model.json']);
  assert.equal(readFileSync(join(out, 'summary.json'), 'utf8'), earlier['summary.json']);
  assert.equal(readFileSync(join(out, 'report.html'), 'utf8'), earlier['report.html']);
  assert.ok(existsSync(join(out, 'results.sqlite')) && existsSync(join(out, 'mixwise-incomplete.txt')));
  assert.deepEqual(readdirSync(out).filter((n) => n.startsWith('.')), [], 'no lock, staging folder or temp file');
});

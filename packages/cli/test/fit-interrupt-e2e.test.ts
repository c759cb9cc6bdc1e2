// A fit that fails or is killed (SIGTERM, Ctrl-C) mid-search leaves an earlier run in --out as it was
// (model.json and geo.json: geo.json is only written or removed with the new run) and no lock; a
// folder the killed run created is removed. The fit is faked to hang (slow-fit-cli.ts), and once real.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/program.ts';
import { defaultDeps } from '../src/cli-deps.ts';
import { captureIo } from './capture-io.ts';
import { REPO_ROOT, tempDir } from './run-mixwise.ts';

const dir = tempDir('mixwise-interrupt-');
after(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURE = fileURLToPath(new URL('./slow-fit-cli.ts', import.meta.url));
const day = (t: number): string => new Date(Date.UTC(2023, 0, 2 + 7 * t)).toISOString().slice(0, 10);
const data = join(dir, 'data.csv');
writeFileSync(data, 'date,revenue,tv_spend,search_spend\n' + Array.from({ length: 60 }, (_, t) =>
  `${day(t)},${1000 + 37 * ((t * 7) % 11) + 5 * t},${100 + 13 * ((t * 5) % 7)},${50 + 11 * ((t * 3) % 5)}`).join('\n') + '\n');

/** A folder holding an earlier geo run (its files as markers). */
function geoRun(name: string): { out: string; files: Record<string, string> } {
  const out = join(dir, name);
  mkdirSync(out, { recursive: true });
  const files = { 'model.json': '{"earlier":"geo model"}', 'geo.json': '{"level":"geo","rows":[]}' };
  for (const [f, text] of Object.entries(files)) writeFileSync(join(out, f), text);
  return { out, files };
}

/** Runs the CLI with a hanging fit, sends `signal` once the fit started, and resolves with its exit. */
async function killedFit(args: string[], signal: NodeJS.Signals, real = false): Promise<{ code: number | null; stderr: string }> {
  const entry = real ? [join(REPO_ROOT, 'packages', 'cli', 'bin', 'mixwise.js')] : ['--conditions=mixwise-source', '--import', 'tsx', FIXTURE];
  const child = spawn(process.execPath, [...entry, ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
  child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
  const started = (): boolean => (real ? /^search: /m.test(stderr) : stdout.includes('FITTING'));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const deadline = Date.now() + 60_000;
  while (!started()) {
    assert.ok(child.exitCode === null, `exited before the fit: ${stderr}`);
    assert.ok(Date.now() < deadline, `the fit never started: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill(signal);
  return { code: await exited, stderr };
}

test('SIGTERM during a national fit over a geo run: exit 143, model.json and geo.json unchanged, no lock', async () => {
  const { out, files } = geoRun('geo-run');
  const r = await killedFit(['fit', data, '--target', 'revenue', '--out', out], 'SIGTERM');
  assert.equal(r.code, 143, r.stderr);
  assert.match(r.stderr, /mixwise: stopped by SIGTERM; released the lock on /);
  for (const [f, text] of Object.entries(files)) assert.equal(readFileSync(join(out, f), 'utf8'), text, f);
  assert.equal(existsSync(join(out, '.mixwise.lock')), false);
});

test('Ctrl-C (SIGINT) during a fit into a new folder: exit 130 and the folder is removed', async () => {
  const out = join(dir, 'new', 'run');
  const r = await killedFit(['fit', data, '--target', 'revenue', '--out', out], 'SIGINT');
  assert.equal(r.code, 130, r.stderr);
  assert.match(r.stderr, /stopped by SIGINT; .*removed .*which this run created/);
  assert.equal(existsSync(join(dir, 'new')), false);
});

test('SIGTERM during the real search (worker threads) into a new folder: exit 143, no folder left', async () => {
  const out = join(dir, 'real-new');
  const r = await killedFit(['fit', data, '--target', 'revenue', '--iterations', '1000000', '--workers', '2', '--out', out], 'SIGTERM', true);
  assert.equal(r.code, 143, r.stderr);
  assert.match(r.stderr, /mixwise: stopped by SIGTERM; /);
  assert.equal(existsSync(out), false);
});

test('a national fit that fails over a geo run leaves its geo.json and model.json and no lock', async () => {
  const { out, files } = geoRun('geo-run-failed');
  const cap = captureIo(dir);
  const failing = { ...defaultDeps, runFit: async () => { throw new Error('search failed'); } };
  assert.notEqual(await runCli(['fit', data, '--target', 'revenue', '--out', out], cap.io, failing), 0);
  for (const [f, text] of Object.entries(files)) assert.equal(readFileSync(join(out, f), 'utf8'), text, f);
  assert.equal(existsSync(join(out, '.mixwise.lock')), false);
});

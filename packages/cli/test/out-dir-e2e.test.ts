// End-to-end: --out is checked before any work (empty, unwritable), and a failed run leaves nothing misleading.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mixwise, REPO_ROOT, STACK_LINE, tempDir } from './run-mixwise.ts';

const dir = tempDir();
const data = join(dir, 'sim', 'data.csv');

before(() => {
  chmodSync(dir, 0o755);
  const sim = mixwise(['simulate', '--preset', 'retail', '--seed', '7', '--out', join(dir, 'sim')]);
  assert.equal(sim.status, 0, sim.stderr);
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('--out "" is a usage error (exit 2) for every command writing outputs, nothing written', () => {
  for (const args of [['fit', data, '--target', 'revenue'], ['simulate', '--preset', 'retail'], ['demo'], ['prepare', '--config', 'x.yaml'], ['report', '--model', dir], ['init', data]]) {
    const r = mixwise([...args, '--out', '']);
    assert.equal(r.status, 2, `${args[0]}: ${r.stderr}`);
    assert.match(r.stderr, /option '--out <(dir|file)>' argument '' is invalid\. give a path; an empty one would write into the current folder/);
  }
});

test('--end before --start says so (exit 2), and the --out folder is not left behind', () => {
  const out = join(dir, 'window');
  const r = mixwise(['fit', data, '--target', 'revenue', '--start', '2024-12-01', '--end', '2022-01-01', '--out', out]);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /--end 2022-01-01 is before --start 2024-12-01/);
  assert.doesNotMatch(r.stderr, /leave 0 periods/);
  assert.equal(existsSync(out), false);
});

test('an engine failure removes the empty --out folder the run created; over an earlier run it says the results were left unchanged', () => {
  const header = ['date', 'revenue', ...Array.from({ length: 20 }, (_, i) => `c${i}_spend`)];
  const rows = Array.from({ length: 14 }, (_, t) => [new Date(Date.UTC(2024, 0, 1 + 7 * t)).toISOString().slice(0, 10),
    String(1000 + t * 13 + (t % 3) * 40), ...header.slice(2).map((_, i) => String(((t * 7 + i * 13) % 17) * 10 + 5))]);
  const few = join(dir, 'few.csv');
  writeFileSync(few, [header, ...rows].map((r) => r.join(',')).join('\n') + '\n');
  const fresh = join(dir, 'fresh', 'run');
  const r = mixwise(['fit', few, '--target', 'revenue', '--out', fresh]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /TOO_FEW_PERIODS/);
  assert.equal(existsSync(join(dir, 'fresh')), false);
  assert.doesNotMatch(r.stderr, /left unchanged/);

  const earlier = join(dir, 'earlier');
  assert.equal(mixwise(['fit', data, '--target', 'revenue', '--iterations', '20', '--out', earlier]).status, 0);
  const model = readFileSync(join(earlier, 'model.json'), 'utf8');
  const again = mixwise(['fit', few, '--target', 'revenue', '--out', earlier]);
  assert.equal(again.status, 1, again.stderr);
  assert.match(again.stderr, new RegExp(`note: the previous results in ${earlier.replace(/[/\\]/g, '.')} were left unchanged`));
  assert.equal(readFileSync(join(earlier, 'model.json'), 'utf8'), model);
});

/** Runs the CLI as an unprivileged user when this process is root (root writes anywhere), else as itself. */
function asUser(args: string[]): { status: number | null; stderr: string; ms: number } | undefined {
  const root = process.getuid?.() === 0;
  if (root && spawnSync('setpriv', ['--help']).status !== 0) return undefined;
  const bin = join(REPO_ROOT, 'packages', 'cli', 'bin', 'mixwise.js');
  const cmd = root ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, bin, ...args] : [process.execPath, bin, ...args];
  const t0 = performance.now();
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', MIXWISE_DEBUG: '' } });
  return { status: r.status, stderr: r.stderr, ms: performance.now() - t0 };
}

test('an --out folder that cannot be written, or created, is exit 1 before the fit, naming the folder and the fix', (t) => {
  const ro = join(dir, 'ro');
  mkdirSync(ro);
  chmodSync(ro, 0o555);
  chmodSync(join(dir, 'sim'), 0o755);
  chmodSync(data, 0o644);
  const r = asUser(['fit', data, '--target', 'revenue', '--iterations', '2000', '--out', ro]);
  if (r === undefined) {
    t.skip('running as root without setpriv: permissions cannot be tested');
    return;
  }
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, new RegExp(`the output folder ${ro} cannot be written \\(permission denied\\); nothing was computed`));
  assert.match(r.stderr, /fix: choose a folder you can write to with --out/);
  assert.doesNotMatch(r.stderr, /EACCES|read .*weekly periods/);
  assert.doesNotMatch(r.stderr, STACK_LINE);
  const sub = asUser(['fit', data, '--target', 'revenue', '--out', join(ro, 'sub')]);
  assert.equal(sub?.status, 1, sub?.stderr);
  assert.match(sub?.stderr ?? '', new RegExp(`the output folder ${ro}/sub cannot be created \\(permission denied in ${ro}\\)`));
  assert.equal(statSync(ro).isDirectory(), true);
});

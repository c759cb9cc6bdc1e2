// Stress: several processes loop on the same output folder's lock (as optimize's writes do) while
// crashed holders' locks (a dead pid) keep appearing; no process is refused (optimize waits for
// another optimize) and never do two hold the lock at once.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCK_FILE } from '../src/commands/out-dir-lock.ts';

const CHILD = fileURLToPath(new URL('./lock-stress-child.ts', import.meta.url));
const DEAD = 2 ** 22 + 4321; // above Linux's pid_max default: no such process
const dir = mkdtempSync(join(tmpdir(), 'mixwise-lock-stress-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface ChildReport { held: number; refused: number; overlaps: number; refusals: string[] }

function runChild(holderFile: string, ms: number): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=mixwise-source', '--import', 'tsx', CHILD, dir, holderFile, String(ms)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => { out += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { err += b.toString(); });
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as ChildReport) : reject(new Error(`child exited ${code}: ${err}`))));
  });
}

test('withOutDirLock under contention: 3 processes looping for 2 s, dead holders\' locks appearing: no refusal, never two holders', { timeout: 30_000 }, async () => {
  const holderFile = join(dir, 'holder');
  writeFileSync(holderFile, '');
  // A crashed process's lock, created exclusively as a real holder would, every 20 ms.
  let crashed = 0;
  const crasher = setInterval(() => {
    try {
      writeFileSync(join(dir, LOCK_FILE), `${DEAD}\noptimize\n2026-01-01T00:00:00.000Z\n`, { flag: 'wx' });
      crashed++;
    } catch { /* held: try again later */ }
  }, 20);
  const reports = await Promise.all([0, 1, 2].map(() => runChild(holderFile, 2000)));
  clearInterval(crasher);
  const total = reports.reduce((s, r) => ({ held: s.held + r.held, refused: s.refused + r.refused, overlaps: s.overlaps + r.overlaps }), { held: 0, refused: 0, overlaps: 0 });
  assert.ok(total.held > 100, `the lock was taken ${total.held} times`);
  assert.ok(crashed > 3, `${crashed} dead holders' locks were created`);
  assert.deepEqual({ refused: total.refused, overlaps: total.overlaps }, { refused: 0, overlaps: 0 }, JSON.stringify(reports.map((r) => r.refusals)));
});

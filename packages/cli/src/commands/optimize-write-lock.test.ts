import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_WEIGHTS, fitMmm, simulatePreset, type MmmModel } from '@mixwise/engine';
import { DataError, writeJsonAtomic } from '@mixwise/data';
import type { CliIo } from '../io.ts';
import { optimizeAction } from './optimize.ts';
import { LOCK_FILE } from './out-dir-lock.ts';

let model: MmmModel;
const root = mkdtempSync(join(tmpdir(), 'mixwise-optimize-lock-'));
before(async () => {
  model = await fitMmm(simulatePreset('retail', 2).table, { search: { iterations: 200, trials: 1, seed: 1, bootstrap: 0, posterior: 0, weights: DEFAULT_WEIGHTS } });
});
after(() => rmSync(root, { recursive: true, force: true }));

const quiet = (dir: string): CliIo => ({ stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: dir });

/** Every file of a folder (recursively) with its bytes, to compare a folder before and after. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files.set(join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name)).toString('base64'));
  }
  return files;
}

/** A run folder with the model and a first optimize's results in it. */
async function runFolder(name: string): Promise<string> {
  const dir = join(root, name);
  mkdirSync(dir);
  await writeJsonAtomic(join(dir, 'model.json'), model);
  await optimizeAction({ model: dir, uncertainty: 'point', json: true }, quiet(dir));
  assert.ok(existsSync(join(dir, 'optimization.json')));
  return dir;
}

test('optimize: a fit that replaces model.json while the optimize computes makes it write nothing (MODEL_REPLACED)', async () => {
  const dir = await runFolder('replaced');
  // The other fit's swap: a new model.json, the old model's optimize results removed.
  const fitMeanwhile = async (): Promise<void> => {
    await writeJsonAtomic(join(dir, 'model.json'), { ...model, source: { file: 'other.csv', sha256: '0'.repeat(64), bytes: 1 } });
    rmSync(join(dir, 'optimization.json'));
  };
  let hooked = false;
  const before = snapshot(dir);
  before.delete('optimization.json');
  await assert.rejects(optimizeAction({ model: dir, uncertainty: 'point', json: true, scenarios: [1, 1.2] }, quiet(dir), async () => { hooked = true; await fitMeanwhile(); }),
    (e: unknown) => e instanceof DataError && e.issues[0].code === 'MODEL_REPLACED'
      && e.issues[0].message.includes(`the model in ${dir} was replaced by another fit while this optimize ran; run optimize again`));
  assert.ok(hooked);
  const now = snapshot(dir);
  // model.json is the other fit's; everything else exactly as the fit left it: no optimize file, the exports unchanged.
  assert.deepEqual([...now.keys()].sort(), [...before.keys()].sort(), 'no optimization.json, budget_scenarios.csv, lock or temp file');
  for (const [f, bytes] of before) if (f !== 'model.json') assert.equal(now.get(f), bytes, f);
  assert.notEqual(now.get('model.json'), before.get('model.json'));
});

test('optimize: a fit holding the folder\'s lock at the write stops it at once with OUTPUT_LOCKED and writes nothing; the lock is the fit\'s still', async () => {
  const dir = await runFolder('fit-holds');
  const held = `${process.ppid}\nfit\n2026-01-01T00:00:00.000Z\n`;
  const before = snapshot(dir);
  const started = Date.now();
  await assert.rejects(optimizeAction({ model: dir, uncertainty: 'point', json: true, scenarios: [1, 1.1] }, quiet(dir), () => writeFileSync(join(dir, LOCK_FILE), held)),
    (e: unknown) => e instanceof DataError && e.issues[0].code === 'OUTPUT_LOCKED'
      && e.issues[0].message.includes(`pid ${process.ppid}, mixwise fit`) && e.issues[0].message.includes('optimize wrote nothing'));
  assert.ok(Date.now() - started < 5000, 'a fit\'s lock is not waited for');
  assert.equal(readFileSync(join(dir, LOCK_FILE), 'utf8'), held);
  rmSync(join(dir, LOCK_FILE));
  assert.deepEqual(snapshot(dir), before, 'every file as it was');
});

test('optimize: another optimize\'s lock (a short write) is waited for; then the write goes ahead and the lock is released', async () => {
  const dir = await runFolder('optimize-holds');
  const lock = join(dir, LOCK_FILE);
  const first = readFileSync(join(dir, 'optimization.json'), 'utf8');
  let released = 0;
  const out = await optimizeAction({ model: dir, uncertainty: 'point', json: true, scenarios: [1, 1.1] }, quiet(dir), () => {
    writeFileSync(lock, `${process.ppid}\noptimize\n2026-01-01T00:00:00.000Z\n`);
    setTimeout(() => { released = Date.now(); rmSync(lock); }, 300);
  });
  assert.ok(released > 0, 'it waited for the other optimize');
  assert.ok(out.feasible && out.scenarios?.length === 2);
  assert.notEqual(readFileSync(join(dir, 'optimization.json'), 'utf8'), first, 'the new results were written');
  assert.equal(existsSync(lock), false);
});

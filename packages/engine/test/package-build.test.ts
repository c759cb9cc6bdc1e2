// The engine as an outside consumer gets it: built by its tsconfig.build.json into dist/ and resolved
// through its package.json "exports" without the repository's "mixwise-source" condition. Plain node
// (no tsx) must run a fit and an allocation from the JavaScript, and a strict NodeNext tsc project must
// type-check against the emitted .d.ts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ENGINE = fileURLToPath(new URL('..', import.meta.url));
const TSC = fileURLToPath(new URL('../../../node_modules/typescript/bin/tsc', import.meta.url));
let dir = '';

// Without the repository's loader flags or NODE_OPTIONS: what a consumer's `node` does.
function run(args: string[], cwd: string) {
  return spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 120_000 });
}

const CONSUMER = `
import { fitMmm, simulatePreset, defaultModelSpec, summarizeModel, responseModelFromMmm, allocateBudget, EngineError } from '@mixwise/engine';
const { table } = simulatePreset('retail', 7);
const search = defaultModelSpec({ nTimes: table.dates.length, frequency: table.frequency, channels: table.channels.map((c) => c.name) }).search;
const model = await fitMmm(table, { search: { ...search, iterations: 300, trials: 1, bootstrap: 0, posterior: 0 } });
const response = responseModelFromMmm(model);
const plan = allocateBudget(response, { budget: response.channels.reduce((a, c) => a + c.current, 0) });
export const result = { channels: summarizeModel(model).channels.length, feasible: plan.feasible, error: new EngineError('CANCELLED', 'x').code };
`;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'mixwise-engine-pkg-'));
  const pkg = join(dir, 'node_modules', '@mixwise', 'engine');
  mkdirSync(pkg, { recursive: true });
  copyFileSync(join(ENGINE, 'package.json'), join(pkg, 'package.json'));
  const build = run([TSC, '-p', join(ENGINE, 'tsconfig.build.json'), '--outDir', join(pkg, 'dist'), '--declarationMap', 'false', '--sourceMap', 'false'], ENGINE);
  assert.equal(build.status, 0, `tsc build failed:\n${build.stdout}${build.stderr}`);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
});

after(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

test('plain node imports the built engine and runs a fit and an allocation', () => {
  writeFileSync(join(dir, 'consumer.mjs'), `${CONSUMER}\nconsole.log(JSON.stringify(result));\n`);
  const r = run(['consumer.mjs'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { channels: 5, feasible: true, error: 'CANCELLED' });
});

test('a strict NodeNext TypeScript project type-checks against the emitted .d.ts', () => {
  const typed = `${CONSUMER}
import type { MmmModel, AllocationResult, ModelingTable, FitOptions } from '@mixwise/engine';
const m: MmmModel = model;
const a: AllocationResult = plan;
const t: ModelingTable = table;
const o: FitOptions = { signal: new AbortController().signal, onProgress: (p) => { void p.phase; } };
export const used = [m.channels.length, a.feasible ? a.channels[0]?.recommended : 0, t.dates.length, o];
`;
  writeFileSync(join(dir, 'consumer.ts'), typed);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023', 'DOM'], types: [], noEmit: true,
      strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true, noUnusedLocals: true, noUnusedParameters: true, skipLibCheck: false,
    },
    files: ['consumer.ts'],
  }));
  const r = run([TSC, '-p', 'tsconfig.json'], dir);
  assert.equal(r.status, 0, `tsc reported errors:\n${r.stdout}${r.stderr}`);
});

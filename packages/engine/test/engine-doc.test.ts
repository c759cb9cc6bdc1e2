// docs/engine.md's example is code a reader copies: type-check it and run it, so the page cannot drift
// from the API. The block after the `<!-- engine-doc-example -->` marker is written to a temp file with
// @mixwise/engine pointed at the sources, then checked by tsc and run through tsx.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const MARKER = '<!-- engine-doc-example -->';
const dir = mkdtempSync(join(tmpdir(), 'mixwise-engine-doc-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function example(): string {
  const doc = readFileSync(join(REPO, 'docs', 'engine.md'), 'utf8');
  const at = doc.indexOf(MARKER);
  assert.ok(at >= 0, `docs/engine.md has no ${MARKER} marker`);
  const block = /```ts\n([\s\S]*?)\n```/.exec(doc.slice(at));
  assert.ok(block, 'no ```ts block after the marker');
  const code = block[1];
  assert.match(code, /from '@mixwise\/engine'/);
  return code.replaceAll("from '@mixwise/engine'", `from '${join(REPO, 'packages', 'engine', 'src', 'index.ts')}'`);
}

const file = join(dir, 'example.mts');
writeFileSync(file, example());

test('the example in docs/engine.md type-checks (strict)', () => {
  const tsc = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'ES2022', '--module', 'NodeNext', '--moduleResolution', 'NodeNext',
    '--lib', 'ES2023,DOM', '--types', 'node', '--typeRoots', join(REPO, 'node_modules', '@types'), '--allowImportingTsExtensions', '--skipLibCheck', file], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `tsc:\n${r.stdout}${r.stderr}`);
});

test('the example in docs/engine.md runs: a fit, its results, an allocation, a reload and a cancellation', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /phases: search → posterior → refit → bootstrap/);
  assert.match(r.stdout, /^tv: ROI \d/m);
  assert.match(r.stdout, /^search: \d+ → \d+ per week/m);
  assert.match(r.stdout, /^cancelled: /m);
});

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trackSwap } from './swap-failure.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-swap-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const planned = ['model.json', 'summary.json', 'report.html'];
const ENOSPC = new Error('ENOSPC: no space left on device');

/** The tracker's account of a swap that failed at the last of `steps` (writeRunFiles' step names, in its order). */
function failedAt(steps: readonly string[]): { what: string; state: string } {
  const t = trackSwap(dir, planned);
  for (const s of steps) void t.step(s);
  return t.failure(ENOSPC);
}

test('a failure after the last rename (removing the marker): every file, report.html too, is the new fit\'s', () => {
  const f = failedAt(['exports', 'remove:optimize', 'move:model.json', 'move:summary.json', 'move:report.html', 'unmark']);
  assert.equal(f.what, `moving the run into ${dir} failed removing mixwise-incomplete.txt: ENOSPC: no space left on device`);
  assert.equal(f.state, 'now the new fit\'s: model.json, summary.json, report.html, results.sqlite, exports/; removed: the previous model\'s optimize results');
});

test('a failure while removing: the exports are the new fit\'s, and what was (possibly) removed is said', () => {
  const geo = failedAt(['exports', 'remove:optimize', 'remove:geo.json']);
  assert.equal(geo.what, `moving the run into ${dir} failed at removing geo.json: ENOSPC: no space left on device`);
  assert.equal(geo.state, 'now the new fit\'s: results.sqlite, exports/; still the previous fit\'s, or missing (not moved in): model.json, summary.json, report.html; removed: the previous model\'s optimize results, possibly geo.json');
  const opt = failedAt(['exports', 'remove:optimize']);
  assert.equal(opt.state, 'now the new fit\'s: results.sqlite, exports/; still the previous fit\'s, or missing (not moved in): model.json, summary.json, report.html; removed: possibly the previous model\'s optimize results');
  // A move that fails: the one before it is in, the failing one is not.
  const move = failedAt(['exports', 'remove:optimize', 'move:model.json', 'move:summary.json']);
  assert.match(move.what, /failed at summary\.json: ENOSPC/);
  assert.match(move.state, /^now the new fit's: model\.json, results\.sqlite, exports\/; still the previous fit's, or missing \(not moved in\): summary\.json, report\.html; removed: the previous model's optimize results$/);
  // During the exports' swap nothing else has changed yet.
  assert.match(failedAt(['exports']).state, /^the exports \(results\.sqlite, exports\/\) may already be the new fit's; every other run file is still the previous fit's \(model\.json, summary\.json, report\.html\)$/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_WEIGHTS, fitMmm, simulatePreset } from '@mixwise/engine';
import { writeRunFiles, type StagedRunFiles } from './write-run-files.ts';

const read = (dir: string, name: string): string => readFileSync(join(dir, name), 'utf8');

test('extra files and stale files go in the same swap as model.json; onCommit is called once the run is whole', async () => {
  const a = await fitMmm(simulatePreset('retail', 2).table, { search: { iterations: 60, trials: 1, seed: 1, bootstrap: 0, posterior: 0, weights: DEFAULT_WEIGHTS } });
  const b = { ...a, intercept: a.intercept + 1 };
  const dir = mkdtempSync(join(tmpdir(), 'mw-extras-'));
  const log = (text: string): StagedRunFiles => ({ names: ['changes.csv', 'changes.json'], write: async (d) => {
    await writeFile(join(d, 'changes.csv'), text);
    await writeFile(join(d, 'changes.json'), `"${text}"`);
  } });
  try {
    await writeRunFiles(dir, a, { files: [log('old')] });
    writeFileSync(join(dir, 'geo-results.csv'), 'old geos');
    const model = read(dir, 'model.json');
    // A failure before the swap leaves the previous run's log and geo-results.csv with its model.
    for (const at of ['stage:changes.csv,changes.json', 'stage:report.html', 'exports']) {
      let committed = false;
      await assert.rejects(writeRunFiles(dir, b, { files: [log('new')], stale: ['geo-results.csv'], onCommit: () => { committed = true; } }, (s) => { if (s === at) throw new Error('killed'); }), /killed/);
      assert.equal(read(dir, 'changes.csv'), 'old', at);
      assert.equal(read(dir, 'geo-results.csv'), 'old geos', at);
      assert.equal(read(dir, 'model.json'), model, at);
      assert.equal(committed, false, at);
    }
    // A complete write: the new log with the new model, the stale file removed, commit after every move.
    const steps: string[] = [];
    let movedWhenCommitted: string[] = [];
    const written = await writeRunFiles(dir, b, { files: [log('new')], stale: ['geo-results.csv', 'changes.csv'], onCommit: () => { movedWhenCommitted = steps.filter((s) => s.startsWith('move:')); } }, (s) => { steps.push(s); });
    assert.equal(read(dir, 'changes.csv'), 'new');
    assert.equal(read(dir, 'changes.json'), '"new"');
    assert.equal(existsSync(join(dir, 'geo-results.csv')), false);
    assert.deepEqual(written.stale, [join(dir, 'geo-results.csv')], 'a stale name this run writes is not removed');
    assert.ok(written.files.includes(join(dir, 'changes.json')));
    assert.ok(steps.indexOf('remove:geo-results.csv') < steps.indexOf('move:model.json'), 'removed in the swap, before the moves');
    assert.ok(movedWhenCommitted.includes('move:changes.csv') && movedWhenCommitted.includes('move:report.html'));
    assert.equal(steps.at(-1), 'committed');
    assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith('.')), []);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

// geo.json moves with the run: written or removed in the same swap as model.json, never before it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_WEIGHTS, fitMmm, simulatePreset } from '@mixwise/engine';
import { writeRunFiles } from './write-run-files.ts';

const geo = { level: 'geo' as const, kpi: 'revenue', window: { start: '2024-01-01', end: '2024-12-30' }, rows: [{ geo: 'north', kpi: 10, spend: 5 }] };
const read = (dir: string, name: string): string => readFileSync(join(dir, name), 'utf8');

test('geo.json is written with the run and removed by a national run only when that run is swapped in', async () => {
  const a = await fitMmm(simulatePreset('retail', 2).table, { search: { iterations: 40, trials: 1, seed: 1, bootstrap: 0, posterior: 0, weights: DEFAULT_WEIGHTS } });
  const b = { ...a, intercept: a.intercept + 1 };
  const dir = mkdtempSync(join(tmpdir(), 'mw-geo-'));
  try {
    const written = await writeRunFiles(dir, a, { geo, geoFile: 'write' });
    assert.ok(written.files.includes(join(dir, 'geo.json')));
    assert.equal(written.removedGeo, null);
    const before = { model: read(dir, 'model.json'), geo: read(dir, 'geo.json') };
    assert.deepEqual(JSON.parse(before.geo), geo);
    // A national run that fails before or during the staging keeps the geo run's map and model.
    for (const at of ['stage:model.json', 'stage:report.html', 'exports', 'remove:geo.json']) {
      await assert.rejects(writeRunFiles(dir, b, { geoFile: 'remove' }, (s) => { if (s === at) throw new Error('killed'); }), /killed/);
      assert.equal(read(dir, 'geo.json'), before.geo, at);
      if (at !== 'remove:geo.json') assert.equal(read(dir, 'model.json'), before.model, at);
    }
    // A geo run that fails while staging leaves the previous geo.json.
    await assert.rejects(writeRunFiles(dir, b, { geo: { ...geo, rows: [] }, geoFile: 'write' }, (s) => { if (s === 'stage:geo.json') throw new Error('killed'); }), /killed/);
    assert.equal(read(dir, 'geo.json'), before.geo);
    // 'keep' leaves it; 'remove' in a complete write removes it.
    await writeRunFiles(dir, b);
    assert.equal(read(dir, 'geo.json'), before.geo);
    assert.equal((await writeRunFiles(dir, b, { geoFile: 'remove' })).removedGeo, join(dir, 'geo.json'));
    assert.equal(existsSync(join(dir, 'geo.json')), false);
    // Nothing left to remove: nothing to announce.
    assert.equal((await writeRunFiles(dir, b, { geoFile: 'remove' })).removedGeo, null);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

// The report route serves a stored report.html only when this generator stamped it; an older stamp or
// none is re-rendered (on a check worker), never sent as it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_WEIGHTS, fitMmm, simulatePreset } from '@mixwise/engine';
import { REPORT_GENERATOR, REPORT_STAMP, REPORT_VERSION } from '@mixwise/report';
import { writeRunFiles } from '@mixwise/store';
import { createServer } from '../src/index.ts';

test('report.html: served as stored with the current stamp; an old stamp or none is rendered again', async () => {
  const root = await mkdtemp(join(tmpdir(), 'mixwise-report-stamp-'));
  const runsDir = join(root, 'runs');
  const folder = join(runsDir, 'r1');
  await mkdir(folder, { recursive: true });
  const model = await fitMmm(simulatePreset('retail', 2).table, { search: { iterations: 60, trials: 1, seed: 1, bootstrap: 0, posterior: 0, weights: DEFAULT_WEIGHTS } });
  await writeRunFiles(folder, model);
  const file = join(folder, 'report.html');
  const written = await readFile(file, 'utf8');
  assert.ok(written.split('\n').slice(0, 3).includes(REPORT_STAMP), 'the stamp is at the top of the head');
  assert.match(REPORT_GENERATOR, new RegExp(`^mixwise-report ${REPORT_VERSION.replace(/\./g, '\\.')} format \\d+$`));
  const pkg = JSON.parse(await readFile(new URL('../../report/package.json', import.meta.url), 'utf8')) as { version: string };
  assert.equal(REPORT_VERSION, pkg.version, 'REPORT_VERSION follows @mixwise/report\'s package.json');
  // A marker the renderer never writes tells a stored file from a rendered one.
  const stored = (html: string): string => html.replace('<title>', '<title>STORED ');
  const app = await createServer({ runsDir, dataDir: join(root, 'data'), dashboardDir: false });
  const get = async (): Promise<string> => {
    const res = await app.inject('/api/runs/r1/report');
    assert.equal(res.statusCode, 200, res.body);
    return res.body;
  };
  try {
    await writeFile(file, stored(written));
    assert.match(await get(), /<title>STORED /, 'current stamp: sent as stored');
    await writeFile(file, stored(written.replace(REPORT_STAMP, '<meta name="generator" content="mixwise-report 0.0.9 format 0">')));
    const old = await get();
    assert.doesNotMatch(old, /STORED/, 'an older generator\'s report is rendered again');
    assert.equal(old, written);
    await writeFile(file, stored(written.replace(`${REPORT_STAMP}\n`, '')));
    const unstamped = await get();
    assert.doesNotMatch(unstamped, /STORED/, 'an unstamped report is rendered again');
    assert.ok(unstamped.includes(REPORT_STAMP));
  } finally {
    await app.close();
    await rm(root, { recursive: true, force: true });
  }
});

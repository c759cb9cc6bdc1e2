// A config's lift test naming geos on a geo-level fit (columns.geo): judged against the panel (its geos and
// the spend in them), each problem named at the test's line in the config.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../program.ts';
import { captureIo } from '../../test/capture-io.ts';
import { recordingFit, type FitCall } from '../../test/fake-fit.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-cfggeolift-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const WEEKS = 52;

/** A long panel of 3 geos; tv is dark in r2 from 2022-06-06 on, but r0 and r1 keep spending. */
function panel(): string {
  let seed = 5;
  const rnd = (): number => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
  const lines = ['date,region,sales,tv_spend,search_spend'];
  for (let g = 0; g < 3; g++) {
    for (let t = 0; t < WEEKS; t++) {
      const date = new Date(Date.UTC(2022, 0, 3 + 7 * t)).toISOString().slice(0, 10);
      const tv = g === 2 && date >= '2022-06-06' ? 0 : Math.round((g + 1) * 100 * (0.2 + 1.6 * rnd()));
      const search = Math.round((g + 1) * 50 * (0.2 + 1.6 * rnd()));
      lines.push([date, `r${g}`, Math.round((g + 1) * 1000 + 20 * Math.sqrt(tv) + 1.5 * search + 50 * rnd()), tv, search].join(','));
    }
  }
  return lines.join('\n') + '\n';
}
writeFileSync(join(dir, 'panel.csv'), panel());

/** A config fitting the panel by geo, with one tv lift test in `geos` (line 8 of the file). */
function config(name: string, geos: string): void {
  writeFileSync(join(dir, name), ['version: 1', 'data:', '  path: panel.csv', 'columns:', '  target: sales', '  geo: region',
    'calibration:', `  lift_tests:`, `    - { channel: tv, start: 2022-06-06, end: 2022-07-25, lift: 4000, standard_error: 800, geos: [${geos}] }`, ''].join('\n'));
}

test('a config geo test on a geo fit is accepted and reaches the fit with its geos', async () => {
  config('ok.yaml', 'r0, r1');
  const cap = captureIo(dir);
  const calls: FitCall[] = [];
  assert.equal(await runCli(['fit', '--config', 'ok.yaml', '--out', 'o1'], cap.io, recordingFit(calls)), 0, cap.stderr());
  assert.doesNotMatch(cap.stderr(), /the fit is national/);
  assert.deepEqual(calls[0].options.liftTests?.map((t) => t.geos), [['r0', 'r1']]);
  assert.deepEqual(calls[0].table.panel?.geos, ['r0', 'r1', 'r2']);
});

test('a config geo test whose geos spent nothing in its window is refused at its config line, though the nation spent', async () => {
  config('dark.yaml', 'r2');
  const cap = captureIo(dir);
  const calls: FitCall[] = [];
  assert.equal(await runCli(['fit', '--config', 'dark.yaml', '--out', 'o2'], cap.io, recordingFit(calls)), 1);
  assert.equal(calls.length, 0);
  assert.match(cap.stderr(), /dark\.yaml:9/);
  assert.match(cap.stderr(), /calibration\.lift_tests\[0\]\.start: tv spent nothing in 2022-06-06 … 2022-07-25 in r2/);
});

test('a config geo test naming a geo the panel lacks is refused at its geos line, naming the panel\'s geos', async () => {
  config('west.yaml', 'r0, west');
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', '--config', 'west.yaml', '--out', 'o3'], cap.io, recordingFit([])), 1);
  assert.match(cap.stderr(), /west\.yaml:9/);
  assert.match(cap.stderr(), /calibration\.lift_tests\[0\]\.geos: lift test on tv names unknown geo "west"/);
  assert.match(cap.stderr(), /r0, r1, r2/);
});

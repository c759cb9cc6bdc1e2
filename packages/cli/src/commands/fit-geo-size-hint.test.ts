// A geo panel fitted without a size column: a population column (constant within each geo, different
// between geos) is named as a likely geo size with the setting that uses it, not as "constant".
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../program.ts';
import { captureIo } from '../../test/capture-io.ts';
import { recordingFit, type FitCall } from '../../test/fake-fit.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-geosizehint-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const POPULATION = [1_000_000, 2_500_000, 400_000];
const WEEKS = 52;

/** A long panel, one row per date and geo, with each geo's population on its rows. */
function panel(): string {
  let seed = 11;
  const rnd = (): number => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
  const lines = ['date,region,sales,tv_spend,search_spend,price,population'];
  POPULATION.forEach((pop, g) => {
    const size = pop / 1_000_000;
    for (let t = 0; t < WEEKS; t++) {
      const date = new Date(Date.UTC(2022, 0, 3 + 7 * t)).toISOString().slice(0, 10);
      const tv = Math.round(size * 100 * (0.2 + 1.6 * rnd()));
      const search = Math.round(size * 50 * (0.2 + 1.6 * rnd()));
      const price = (10 + Math.sin(t / 8) + 0.3 * rnd()).toFixed(2);
      lines.push([date, `r${g}`, Math.round(size * 1000 + 20 * Math.sqrt(size * tv) + 1.5 * search + 50 * rnd()), tv, search, price, pop].join(','));
    }
  });
  return lines.join('\n') + '\n';
}
writeFileSync(join(dir, 'panel.csv'), panel());

test('fit --geo without --geo-size: population is named a likely geo size, with --geo-size population as the fix', async () => {
  const cap = captureIo(dir);
  const calls: FitCall[] = [];
  assert.equal(await runCli(['fit', 'panel.csv', '--target', 'sales', '--geo', 'region', '--out', 'o1'], cap.io, recordingFit(calls)), 0, cap.stderr());
  const err = cap.stderr();
  assert.match(err, /not used by the model: population \(constant within each geo, different between geos: looks like a geo size\)/);
  assert.match(err, /fix: to size each geo by population rather than by its share of the KPI, fit with --geo-size population \(or columns\.geo_size: population in mixwise\.yaml\)/);
  assert.doesNotMatch(err, /population \(constant\)/);
  assert.equal(calls[0].table.panel?.size, undefined, 'no size is used unless asked for');
});

test('a config with columns.geo and no geo_size gets the same wording', async () => {
  writeFileSync(join(dir, 'geo.yaml'), 'version: 1\ndata:\n  path: panel.csv\ncolumns:\n  target: sales\n  geo: region\n');
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', '--config', 'geo.yaml', '--out', 'o2'], cap.io, recordingFit([])), 0, cap.stderr());
  assert.match(cap.stderr(), /population \(constant within each geo, different between geos: looks like a geo size\)/);
});

// `mixwise fit --geo COL --geo-size COL` (and columns.geo_size): the sizes handed to the fit, the size
// column's errors (file, line, column and geo named; exit 1) and its usage errors (exit 2).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../program.ts';
import { captureIo } from '../../test/capture-io.ts';
import { recordingFit, type FitCall } from '../../test/fake-fit.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-geosize-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const GEOS = 4;
const WEEKS = 60;
const POPULATION = [1_000_000, 2_500_000, 400_000, 1_600_000];

/** A long panel sorted by geo then date, with each geo's population repeated on its rows. */
function panelLines(): string[] {
  let seed = 5;
  const rnd = (): number => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
  const lines = ['date,region,sales,tv_spend,search_spend,price,population'];
  for (let g = 0; g < GEOS; g++) {
    const size = POPULATION[g] / 1_000_000;
    for (let t = 0; t < WEEKS; t++) {
      const date = new Date(Date.UTC(2022, 0, 3 + 7 * t)).toISOString().slice(0, 10);
      const tv = Math.round(size * 100 * (0.2 + 1.6 * rnd()));
      const search = Math.round(size * 50 * (0.2 + 1.6 * rnd()));
      const price = (10 + Math.sin(t / 8) + 0.3 * rnd()).toFixed(2);
      const sales = Math.round(size * (1000 + 300 * g) + 20 * Math.sqrt(size * tv) + 1.5 * search + 50 * rnd() - 20 * Number(price));
      lines.push([date, `r${g}`, sales, tv, search, price, POPULATION[g]].join(','));
    }
  }
  return lines;
}
const lines = panelLines();
const write = (name: string, rows: readonly string[]): void => writeFileSync(join(dir, name), rows.join('\n') + '\n');
write('panel.csv', lines);
const lineOf = (g: number, t: number): number => 2 + g * WEEKS + t;
/** The file with one cell of the population column (the last) replaced. */
function withPopulation(g: number, t: number, value: string): string[] {
  const bad = [...lines];
  const cells = bad[lineOf(g, t) - 1].split(',');
  cells[cells.length - 1] = value;
  bad[lineOf(g, t) - 1] = cells.join(',');
  return bad;
}

test('fit --geo-size: the panel carries each geo\'s population, the population is no control, and the national control is averaged by population share', async () => {
  const calls: FitCall[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'panel.csv', '--target', 'sales', '--geo', 'region', '--geo-size', 'population', '--out', 'o1'], cap.io, recordingFit(calls)), 0, cap.stderr());
  const table = calls[0].table;
  assert.deepEqual(table.panel?.size, { column: 'population', values: POPULATION });
  assert.deepEqual(table.controls.map((c) => c.name), ['price']);
  assert.doesNotMatch(cap.stderr(), /not used by the model: population/);
  const total = POPULATION.reduce((a, b) => a + b, 0);
  const price0 = table.panel!.controls[0]!.reduce((a, v, g) => a + (POPULATION[g] / total) * v[0], 0);
  assert.ok(Math.abs(table.controls[0].values[0] - price0) < 1e-12);
  // Without --geo-size: no sizes (KPI shares).
  const plain: FitCall[] = [];
  assert.equal(await runCli(['fit', 'panel.csv', '--target', 'sales', '--geo', 'region', '--out', 'o2'], captureIo(dir).io, recordingFit(plain)), 0);
  assert.equal(plain[0].table.panel?.size, undefined);
});

test('fit --geo-size: a size that is empty, not a number, ≤ 0 or different on another row of the geo names the file, line, column and geo (exit 1)', async () => {
  const cases: [string, string, RegExp][] = [
    ['', 'empty.csv', /the size is empty in "population"/],
    ['many', 'text.csv', /the size "many" is not a number/],
    ['0', 'zero.csv', /the size "0" is not above zero/],
    ['-3', 'negative.csv', /the size "-3" is not above zero/],
    ['2400000', 'varying.csv', /is 2400000 here but 2500000 on line \d+; a geo's size must be the same on all its rows/],
  ];
  for (const [value, file, message] of cases) {
    write(file, withPopulation(1, 7, value));
    const cap = captureIo(dir);
    assert.equal(await runCli(['fit', file, '--target', 'sales', '--geo', 'region', '--geo-size', 'population', '--out', 'o3'], cap.io, recordingFit([])), 1, file);
    const at = new RegExp(`${file.replace('.', '\\.')}:${lineOf(1, 7)} column "population": region "r1": `);
    assert.match(cap.stderr(), at, cap.stderr());
    assert.match(cap.stderr(), message);
  }
  const missing = captureIo(dir);
  assert.equal(await runCli(['fit', 'panel.csv', '--target', 'sales', '--geo', 'region', '--geo-size', 'households', '--out', 'o4'], missing.io, recordingFit([])), 1);
  assert.match(missing.stderr(), /--geo-size households: column "households" is not in the file/);
});

test('fit --geo-size without --geo, or naming the geo, KPI or a listed control, is a usage error (exit 2)', async () => {
  const cases: [string[], RegExp][] = [
    [['--geo-size', 'population'], /--geo-size population sizes the geos of a geo-level model, which needs --geo COLUMN/],
    [['--geo', 'region', '--geo-size', 'region'], /--geo-size region: "region" is also --geo region/],
    [['--geo', 'region', '--geo-size', 'sales'], /"sales" is also --target/],
    [['--geo', 'region', '--geo-size', 'population', '--controls', 'price,population'], /--controls names "population", the size column of --geo-size population/],
  ];
  for (const [args, message] of cases) {
    const cap = captureIo(dir);
    assert.equal(await runCli(['fit', 'panel.csv', '--target', 'sales', ...args, '--out', 'o5'], cap.io, recordingFit([])), 2, args.join(' '));
    assert.match(cap.stderr(), message);
  }
});

test('columns.geo_size in the config is --geo-size; without columns.geo it is a config error', async () => {
  writeFileSync(join(dir, 'size.yaml'), 'version: 1\ndata:\n  path: panel.csv\ncolumns:\n  target: sales\n  geo: region\n  geo_size: population\n');
  const calls: FitCall[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', '--config', 'size.yaml', '--out', 'o6'], cap.io, recordingFit(calls)), 0, cap.stderr());
  assert.deepEqual(calls[0].table.panel?.size?.values, POPULATION);
  writeFileSync(join(dir, 'nogeo.yaml'), 'version: 1\ndata:\n  path: panel.csv\ncolumns:\n  target: sales\n  geo_size: population\n');
  const bad = captureIo(dir);
  assert.notEqual(await runCli(['fit', '--config', 'nogeo.yaml', '--out', 'o7'], bad.io, recordingFit([])), 0);
  assert.match(bad.stderr(), /geo_size sizes the geos of a geo-level model, and the config gives no columns\.geo/);
});

test('prepare with columns.geo_size: the sizes are checked as fit checks them (PANEL_SIZE at its line, column and geo), the column is no control', async () => {
  writeFileSync(join(dir, 'prep.yaml'), 'version: 1\ndata:\n  path: panel.csv\ncolumns:\n  target: sales\n  geo: region\n  geo_size: population\n');
  const ok = captureIo(dir);
  assert.equal(await runCli(['prepare', '--config', 'prep.yaml', '--out', 'p1'], ok.io), 0, ok.stderr());
  assert.doesNotMatch(ok.stderr(), /controls [^\n]*population/);
  const changed = lines.map((l, i) => (i === lineOf(2, 7) - 1 ? l.replace(/,400000$/, ',-5') : l));
  write('prep-bad.csv', changed);
  writeFileSync(join(dir, 'prep-bad.yaml'), 'version: 1\ndata:\n  path: prep-bad.csv\ncolumns:\n  target: sales\n  geo: region\n  geo_size: population\n');
  const bad = captureIo(dir);
  assert.equal(await runCli(['prepare', '--config', 'prep-bad.yaml', '--out', 'p2'], bad.io), 1, bad.stderr());
  assert.match(bad.stderr(), new RegExp(`prep-bad\\.csv:${lineOf(2, 7)}[^\\n]*population|line ${lineOf(2, 7)}[^\\n]*population`));
  assert.match(bad.stderr(), /region "r2": the size "-5" is not above zero in "population" \(columns\.geo_size: population \(in the config\)\)/);
});

/** The panel with its size column renamed (the header's last name). */
const renamedSize = (name: string): string[] => [lines[0].replace(/,population$/, `,${name}`), ...lines.slice(1)];

test('a size column named like spend (pop_spend) is no channel: fit and validate read tv and search only (exit 0), and --channels naming it stays exit 2', async () => {
  write('pop-spend.csv', renamedSize('pop_spend'));
  const calls: FitCall[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'pop-spend.csv', '--target', 'sales', '--geo', 'region', '--geo-size', 'pop_spend', '--out', 'o8'], cap.io, recordingFit(calls)), 0, cap.stderr());
  assert.deepEqual(calls[0].table.channels.map((c) => c.name), ['tv', 'search']);
  assert.deepEqual(calls[0].table.panel?.size?.values, POPULATION);
  assert.doesNotMatch(cap.stderr(), /channel "pop"/);
  const checked = captureIo(dir);
  assert.equal(await runCli(['validate', 'pop-spend.csv', '--target', 'sales', '--geo', 'region', '--geo-size', 'pop_spend'], checked.io), 0, checked.stderr());
  assert.doesNotMatch(checked.stderr() + checked.stdout(), /"pop"|pop_spend/);
  writeFileSync(join(dir, 'pop-spend.yaml'), 'version: 1\ndata:\n  path: pop-spend.csv\ncolumns:\n  target: sales\n  geo: region\n  geo_size: pop_spend\n');
  const prepared = captureIo(dir);
  assert.equal(await runCli(['prepare', '--config', 'pop-spend.yaml', '--out', 'p3'], prepared.io), 0, prepared.stderr());
  assert.doesNotMatch(prepared.stderr(), /channel "pop"|channels [^\n]*pop/);
  const listed = captureIo(dir);
  assert.equal(await runCli(['fit', 'pop-spend.csv', '--target', 'sales', '--geo', 'region', '--geo-size', 'pop_spend', '--channels', 'tv_spend,pop_spend', '--out', 'o9'], listed.io, recordingFit([])), 2);
  assert.match(listed.stderr(), /--channels names "pop_spend", the size column of --geo-size pop_spend/);
});

test('a size column that is the date column found without --date (or columns.date) is a usage error naming the clash (exit 2) in fit, validate and prepare', async () => {
  const clash = /--geo-size date: "date" is the file's date column \(found without --date\), not a size; name the column that holds each geo's size/;
  const fit = captureIo(dir);
  assert.equal(await runCli(['fit', 'panel.csv', '--target', 'sales', '--geo', 'region', '--geo-size', 'date', '--out', 'o10'], fit.io, recordingFit([])), 2, fit.stderr());
  assert.match(fit.stderr(), clash);
  assert.doesNotMatch(fit.stderr(), /PANEL_SIZE|is not a number/);
  const validate = captureIo(dir);
  assert.equal(await runCli(['validate', 'panel.csv', '--target', 'sales', '--geo', 'region', '--geo-size', 'date'], validate.io), 2, validate.stderr());
  assert.match(validate.stderr(), clash);
  // Given with --date, as before.
  const given = captureIo(dir);
  assert.equal(await runCli(['validate', 'panel.csv', '--target', 'sales', '--date', 'date', '--geo', 'region', '--geo-size', 'date'], given.io), 2);
  assert.match(given.stderr(), /--geo-size date: "date" is also --date/);
  writeFileSync(join(dir, 'date-size.yaml'), 'version: 1\ndata:\n  path: panel.csv\ncolumns:\n  target: sales\n  geo: region\n  geo_size: date\n');
  const prepare = captureIo(dir);
  assert.equal(await runCli(['prepare', '--config', 'date-size.yaml', '--out', 'p4'], prepare.io), 2, prepare.stderr());
  assert.match(prepare.stderr(), /columns\.geo_size: date \(in the config\): "date" is the file's date column \(found without columns\.date\), not a size/);
  const fitConfig = captureIo(dir);
  assert.equal(await runCli(['fit', '--config', 'date-size.yaml', '--out', 'o11'], fitConfig.io, recordingFit([])), 2, fitConfig.stderr());
  assert.match(fitConfig.stderr(), /found without --date or columns\.date/);
});

test('a geo whose KPI adds up to zero is a PANEL_KPI_TOTAL error naming the file, its lines, the column and the geo (exit 1), with --geo-size as with the KPI shares', async () => {
  write('zero-geo.csv', lines.map((l, i) => (i >= lineOf(2, 0) - 1 && i <= lineOf(2, WEEKS - 1) - 1 ? l.replace(/^([^,]+,r2,)[^,]+,/, '$10,') : l)));
  const where = new RegExp(`zero-geo\\.csv:${lineOf(2, 0)} column "sales": region "r2": the KPI "sales" adds up to 0 over its 60 dates \\(lines ${lineOf(2, 0)}–${lineOf(2, WEEKS - 1)}\\)`);
  const calls: FitCall[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'zero-geo.csv', '--target', 'sales', '--geo', 'region', '--geo-size', 'population', '--out', 'o12'], cap.io, recordingFit(calls)), 1, cap.stderr());
  assert.equal(calls.length, 0, 'not fitted');
  assert.match(cap.stderr(), where);
  assert.match(cap.stderr(), /sized by "population" \(--geo-size population\)/);
  assert.match(cap.stderr(), /check the geo's KPI in the file \(a missing export reads as zeros\), or leave the geo's rows out of the file/);
  const checked = captureIo(dir);
  assert.equal(await runCli(['validate', 'zero-geo.csv', '--target', 'sales', '--geo', 'region', '--geo-size', 'population'], checked.io), 1, checked.stderr());
  assert.match(checked.stderr() + checked.stdout(), /region "r2": the KPI "sales" adds up to 0/);
  const shares = captureIo(dir);
  assert.equal(await runCli(['fit', 'zero-geo.csv', '--target', 'sales', '--geo', 'region', '--out', 'o13'], shares.io, recordingFit([])), 1);
  assert.match(shares.stderr(), where);
  assert.match(shares.stderr(), /so the geo has no share of the KPI/);
});

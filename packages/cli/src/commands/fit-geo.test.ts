// `mixwise fit --geo COL` on a long panel file: the panel table handed to the fit, the panel's errors, and a real fit's outputs.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultDeps } from '../cli-deps.ts';
import { runCli } from '../program.ts';
import { captureIo } from '../../test/capture-io.ts';
import { recordingFit, type FitCall } from '../../test/fake-fit.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-fitgeo-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const fake = recordingFit;

const GEOS = 6;
const WEEKS = 104;
const HEADER = 'date,region,sales,tv_spend,search_spend,price,temp';

/**
 * A long panel (GEOS × WEEKS rows, sorted by geo then date): geo g is (g + 1) times the size of r0; price is
 * national (the same in every geo), temp differs by geo; sales respond to each geo's own spend.
 */
function panelLines(): string[] {
  let seed = 11;
  const rnd = (): number => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
  const lines = [HEADER];
  for (let g = 0; g < GEOS; g++) {
    const size = g + 1;
    for (let t = 0; t < WEEKS; t++) {
      const date = new Date(Date.UTC(2022, 0, 3 + 7 * t)).toISOString().slice(0, 10);
      const tv = Math.round(size * 100 * (0.2 + 1.6 * rnd()));
      const search = Math.round(size * 50 * (0.2 + 1.6 * rnd()));
      const price = (10 + Math.sin(t / 8)).toFixed(2);
      const temp = (15 + 10 * Math.sin(t / 8 + g) + rnd()).toFixed(1);
      const sales = Math.round(size * 1000 + 20 * Math.sqrt(size * tv) + 1.5 * search + 50 * rnd() - 20 * Number(price));
      lines.push([date, `r${g}`, sales, tv, search, price, temp].join(','));
    }
  }
  return lines;
}
const lines = panelLines();
const write = (name: string, rows: readonly string[]): void => writeFileSync(join(dir, name), rows.join('\n') + '\n');
write('panel.csv', lines);
/** The file line of geo g's row t (the header is line 1). */
const lineOf = (g: number, t: number): number => 2 + g * WEEKS + t;

test('fit --geo: the fit gets a panel table with every geo, national columns the geo sums, price national and temp per geo; nothing logged as cleaning', async () => {
  const calls: FitCall[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'panel.csv', '--target', 'sales', '--geo', 'region', '--out', 'o1'], cap.io, fake(calls)), 0, cap.stderr());
  const table = calls[0].table;
  const panel = table.panel;
  assert.ok(panel !== undefined);
  assert.deepEqual(panel.geos, ['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
  assert.equal(panel.column, 'region');
  assert.equal(table.dates.length, WEEKS);
  assert.deepEqual(table.channels.map((c) => c.name), ['tv', 'search']);
  // Independent reading of the file: geo r3's search spend in week 10, and the national KPI of week 0.
  const cells = (g: number, t: number): string[] => lines[lineOf(g, t) - 1].split(',');
  assert.equal(panel.spend[1][3][10], Number(cells(3, 10)[4]));
  const week0 = Array.from({ length: GEOS }, (_, g) => Number(cells(g, 0)[2])).reduce((a, b) => a + b, 0);
  assert.equal(table.target.values[0], week0);
  const k = (name: string): number => table.controls.findIndex((c) => c.name === name);
  assert.equal(panel.controls[k('price')], null, 'price is the same in every geo: national');
  assert.equal(panel.controls[k('temp')]?.[5][7], Number(cells(5, 7)[6]), 'temp differs by geo: per geo');
  assert.match(cap.stderr(), /6 geos by region/);
  assert.doesNotMatch(cap.stderr(), /sum_panel|cleaning:/);
  assert.equal(existsSync(join(dir, 'o1', 'changes.csv')), false);
});

test('fit --geo: a geo missing a date is an error naming the geo and the date (exit 1)', async () => {
  write('missing.csv', lines.filter((_, i) => i !== lineOf(2, 9) - 1));
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'missing.csv', '--target', 'sales', '--geo', 'region', '--out', 'o2'], cap.io, fake([])), 1);
  assert.match(cap.stderr(), /region "r2" has no row for the date 2022-03-07/);
});

test('fit --geo: a repeated (date, geo) names both file lines (exit 1)', async () => {
  write('dup.csv', [...lines, lines[lineOf(4, 17) - 1]]);
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'dup.csv', '--target', 'sales', '--geo', 'region', '--out', 'o3'], cap.io, fake([])), 1);
  assert.match(cap.stderr(), new RegExp(`region "r4" has two rows dated 2022-05-02: line ${lineOf(4, 17)} and line ${GEOS * WEEKS + 2}`));
});

test('fit --geo: a negative spend and an empty KPI name the file line, the column and the geo, with no cleaning step offered', async () => {
  const bad = [...lines];
  const set = (g: number, t: number, j: number, v: string): void => {
    const c = bad[lineOf(g, t) - 1].split(',');
    c[j] = v;
    bad[lineOf(g, t) - 1] = c.join(',');
  };
  set(3, 22, 3, '-5');
  set(1, 23, 2, '');
  write('bad.csv', bad);
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'bad.csv', '--target', 'sales', '--geo', 'region', '--out', 'o4'], cap.io, fake([])), 1);
  assert.match(cap.stderr(), new RegExp(`bad\\.csv:${lineOf(3, 22)} column "tv_spend": region "r3": spend is negative`));
  assert.match(cap.stderr(), new RegExp(`bad\\.csv:${lineOf(1, 23)} column "sales": region "r1": `));
  assert.doesNotMatch(cap.stderr(), /negatives=clip|sum_panel:/);
});

test('fit --geo with --clean sum_panel is a usage error saying to pick one (exit 2)', async () => {
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'panel.csv', '--target', 'sales', '--geo', 'region', '--clean', 'sum_panel', '--out', 'o5'], cap.io, fake([])), 2);
  assert.match(cap.stderr(), /--geo region and --clean sum_panel both given: pick one/);
});

test('fit --geo with a value-changing cleaning step is refused (exit 2): it would not be applied per geo', async () => {
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'panel.csv', '--target', 'sales', '--geo', 'region', '--clean', 'winsorize', '--out', 'o5b'], cap.io, fake([])), 2);
  assert.match(cap.stderr(), /winsorize with --geo region: these cleaning steps are not applied per geo yet/);
});

test('fit --geo with organic media is refused (exit 2), naming them; --media exposure without an exposure column says how to add one', async () => {
  const organic = captureIo(dir);
  assert.equal(await runCli(['fit', 'panel.csv', '--target', 'sales', '--geo', 'region', '--organic', 'temp', '--out', 'o5c'], organic.io, fake([])), 2);
  assert.match(organic.stderr(), /organic media \(temp\) are not supported with --geo region yet/);
  // The real fit: it refuses before any search, as on a national file.
  const exposure = captureIo(dir);
  assert.equal(await runCli(['fit', 'panel.csv', '--target', 'sales', '--geo', 'region', '--media', 'exposure', '--out', 'o5d'], exposure.io, defaultDeps), 1);
  assert.match(exposure.stderr(), /no channel has an exposure column/);
  assert.doesNotMatch(exposure.stderr(), /not supported with --geo/);
});

test('fit --geo --media exposure: each geo\'s impressions are read from its own rows, paired with the channel by name', async () => {
  // tv_impressions beside tv_spend, at a cost per 1,000 that differs by geo and week; search has none (stays on spend).
  const rows = [`${HEADER},tv_impressions`, ...lines.slice(1).map((l, i) => {
    const tv = Number(l.split(',')[3]);
    return `${l},${Math.round((tv * 1000) / (8 + (i % 7) + Math.floor(i / WEEKS)))}`;
  })];
  write('imps.csv', rows);
  const calls: FitCall[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'imps.csv', '--target', 'sales', '--geo', 'region', '--media', 'exposure', '--out', 'o1x'], cap.io, fake(calls)), 0, cap.stderr());
  const { table } = calls[0];
  const panel = table.panel!;
  const cells = (g: number, t: number): string[] => rows[lineOf(g, t) - 1].split(',');
  assert.equal(panel.exposure?.[0]?.[4][20], Number(cells(4, 20)[7]));
  assert.equal(panel.exposure?.[1], undefined, 'search has no exposure column');
  assert.equal(table.channels[0].exposureColumn, 'tv_impressions');
  const week3 = Array.from({ length: GEOS }, (_, g) => Number(cells(g, 3)[7])).reduce((a, b) => a + b, 0);
  assert.equal(table.channels[0].exposure?.[3], week3, 'the national exposure is the geos\' sum');
  assert.match(cap.stderr(), /media exposure: tv ← tv_impressions/);
});

test('fit --geo naming a column not in the file, or one with one value, says so (exit 1)', async () => {
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'panel.csv', '--target', 'sales', '--geo', 'geo', '--out', 'o6'], cap.io, fake([])), 1);
  assert.match(cap.stderr(), /--geo geo: column "geo" is not in the file \(its columns: date, region, sales/);
  write('one.csv', lines.slice(0, WEEKS + 1));
  const one = captureIo(dir);
  assert.equal(await runCli(['fit', 'one.csv', '--target', 'sales', '--geo', 'region', '--out', 'o7'], one.io, fake([])), 1);
  assert.match(one.stderr(), /column "region" has one value \("r0"\), so there is no panel to fit/);
});

test('a panel fitted without --geo: PANEL_DATA offers --geo COL beside sum_panel', async () => {
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'panel.csv', '--target', 'sales', '--out', 'o8'], cap.io, fake([])), 1);
  assert.match(cap.stderr(), /or fit a geo-level model on every region's own series, with shared media curves: mixwise fit --geo region, or "columns: \{ geo: region \}" in mixwise\.yaml/);
  assert.match(cap.stderr(), /--clean sum_panel=region/);
});

test('columns.geo in the config is --geo; with the config\'s cleaning: sum_panel it is a usage error', async () => {
  writeFileSync(join(dir, 'geo.yaml'), 'version: 1\ndata:\n  path: panel.csv\ncolumns:\n  target: sales\n  geo: region\n');
  const calls: FitCall[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', '--config', 'geo.yaml', '--out', 'o9'], cap.io, fake(calls)), 0, cap.stderr());
  assert.deepEqual(calls[0].table.panel?.geos.length, GEOS);
  writeFileSync(join(dir, 'both.yaml'), 'version: 1\ndata:\n  path: panel.csv\ncolumns:\n  target: sales\n  geo: region\ncleaning: [sum_panel]\n');
  const both = captureIo(dir);
  assert.equal(await runCli(['fit', '--config', 'both.yaml', '--out', 'o10'], both.io, fake([])), 2);
  assert.match(both.stderr(), /columns\.geo: region \(in the config\) and the config's cleaning: sum_panel both given: pick one/);
});

test('prepare with columns.geo checks the panel like fit, writes the national sums and geo.json; a missing row is named', async () => {
  writeFileSync(join(dir, 'geo-prep.yaml'), 'version: 1\ndata:\n  path: panel.csv\ncolumns:\n  target: sales\n  geo: region\n');
  const cap = captureIo(dir);
  assert.equal(await runCli(['prepare', '--config', 'geo-prep.yaml', '--out', 'prep'], cap.io, defaultDeps), 0, cap.stderr());
  assert.match(cap.stderr(), /note: modeling_table\.csv holds the national sums of the 6 geos/);
  const table = readFileSync(join(dir, 'prep', 'modeling_table.csv'), 'utf8').trim().split('\n');
  assert.equal(table.length, 1 + WEEKS);
  const week0 = Array.from({ length: GEOS }, (_, g) => Number(lines[lineOf(g, 0) - 1].split(',')[2])).reduce((a, b) => a + b, 0);
  const header = table[0].split(',');
  assert.equal(Number(table[1].split(',')[header.indexOf('sales')]), week0);
  const geo = JSON.parse(readFileSync(join(dir, 'prep', 'geo.json'), 'utf8')) as { rows: { geo: string }[] };
  assert.equal(geo.rows.length, GEOS);
  // The same folder prepared nationally (the panel summed): the geo prepare's geo.json is removed, and said so.
  cpSync(join(dir, 'prep'), join(dir, 'prep-national'), { recursive: true });
  writeFileSync(join(dir, 'national-prep.yaml'), 'version: 1\ndata:\n  path: panel.csv\ncolumns:\n  target: sales\ncleaning:\n  - sum_panel\n');
  const national = captureIo(dir);
  assert.equal(await runCli(['prepare', '--config', 'national-prep.yaml', '--out', 'prep-national'], national.io, defaultDeps), 0, national.stderr());
  assert.equal(existsSync(join(dir, 'prep-national', 'geo.json')), false);
  assert.match(national.stderr(), /removed prep-national\/geo\.json: an earlier prepare's file that this prepare does not write/);
  writeFileSync(join(dir, 'geo-prep-missing.yaml'), 'version: 1\ndata:\n  path: missing.csv\ncolumns:\n  target: sales\n  geo: region\n');
  const bad = captureIo(dir);
  assert.equal(await runCli(['prepare', '--config', 'geo-prep-missing.yaml', '--out', 'prep2'], bad.io, defaultDeps), 1);
  assert.match(bad.stderr(), /region "r2" has no row for the date 2022-03-07/);
});

// A real fit with the engine's geo-level model: geo.json from the panel, summary.json `geos` (summarizeModel),
// geo-results.csv and the per-geo table.
test('fit --geo end to end: geo.json from the panel; summary.json geos, geo-results.csv and the per-geo table', async () => {
  const cap = captureIo(dir);
  const code = await runCli(['fit', 'panel.csv', '--target', 'sales', '--geo', 'region', '--iterations', '40', '--workers', '1', '--seed', '1', '--out', 'real'], cap.io, defaultDeps);
  assert.equal(code, 0, cap.stderr());
  const geo = JSON.parse(readFileSync(join(dir, 'real', 'geo.json'), 'utf8')) as { level: string; kpi: string; rows: { geo: string; kpi: number; spend: number }[] };
  assert.equal(geo.level, 'geo');
  assert.equal(geo.kpi, 'sales');
  const fileTotal = lines.slice(1).reduce((s, l) => s + Number(l.split(',')[2]), 0);
  assert.equal(geo.rows.reduce((s, r) => s + r.kpi, 0), fileTotal);
  const r5Spend = lines.slice(lineOf(5, 0) - 1, lineOf(5, WEEKS - 1)).reduce((s, l) => s + Number(l.split(',')[3]) + Number(l.split(',')[4]), 0);
  assert.equal(geo.rows.find((r) => r.geo === 'r5')?.spend, r5Spend);
  const summary = JSON.parse(readFileSync(join(dir, 'real', 'summary.json'), 'utf8')) as { geos?: { name: string; kpi: number; channels: { name: string }[] }[] };
  assert.ok(summary.geos !== undefined, 'summary.json has no `geos`');
  assert.deepEqual(summary.geos.map((g) => g.name), ['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
  assert.equal(Math.round(summary.geos.reduce((s, g) => s + g.kpi, 0)), fileTotal);
  const csv = readFileSync(join(dir, 'real', 'geo-results.csv'), 'utf8').trim().split('\n');
  assert.equal(csv[0], 'geo,share,kpi,fitted,r2,channel,spend,contribution,roi,size_column,size');
  assert.equal(csv.length, 1 + GEOS * 2);
  // The file as the "Wrote:" list names it (absolute), not relative to the current folder.
  assert.ok(cap.stdout().includes(`By region (6 geos; full figures in ${join(dir, 'real', 'geo-results.csv')}):`), cap.stdout());
  assert.ok(cap.stdout().includes(`\n  ${join(dir, 'real', 'geo-results.csv')}\n`), 'the Wrote list names it the same way');
  assert.match(cap.stdout(), /real\/geo\.json/, 'the Wrote list names geo.json');
});

test('a national fit into a geo-level run\'s folder removes geo.json and geo-results.csv, and says so for each', async () => {
  // The run fitted by the end-to-end test above.
  cpSync(join(dir, 'real'), join(dir, 'national'), { recursive: true });
  assert.ok(existsSync(join(dir, 'national', 'geo.json')));
  const cap = captureIo(dir);
  const code = await runCli(['fit', 'panel.csv', '--target', 'sales', '--clean', 'sum_panel', '--iterations', '40', '--workers', '1', '--seed', '1', '--out', 'national'], cap.io, defaultDeps);
  assert.equal(code, 0, cap.stderr());
  assert.equal(existsSync(join(dir, 'national', 'geo.json')), false);
  assert.equal(existsSync(join(dir, 'national', 'geo-results.csv')), false);
  assert.match(cap.stderr(), /removed national\/geo\.json: an earlier fit's file that this fit does not write/);
  assert.match(cap.stderr(), /removed national\/geo-results\.csv: an earlier fit's file that this fit does not write/);
  // Refitting the national run: nothing left to remove, nothing said.
  const again = captureIo(dir);
  assert.equal(await runCli(['fit', 'panel.csv', '--target', 'sales', '--clean', 'sum_panel', '--iterations', '40', '--workers', '1', '--seed', '1', '--out', 'national'], again.io, defaultDeps), 0, again.stderr());
  assert.doesNotMatch(again.stderr(), /removed national\/geo/);
});

test('fit --geo naming the KPI, the date or a spend column, or a geo column given another role, is one usage error (exit 2) before reading', async () => {
  const cases: [string[], RegExp][] = [
    [['--geo', 'sales'], /--geo sales: "sales" is the KPI \(--target\); name the column that holds each row's geo/],
    [['--geo', 'date'], /--geo date: "date" is the file's date column/],
    [['--geo', 'tv_spend'], /--geo tv_spend: "tv_spend" is a spend column/],
    [['--geo', 'region', '--controls', 'region,price'], /--controls names "region", the geo column of --geo region/],
    [['--geo', 'region', '--method', 'bayes'], /--method bayes is not supported with --geo region yet/],
  ];
  for (const [args, message] of cases) {
    const cap = captureIo(dir);
    assert.equal(await runCli(['fit', 'panel.csv', '--target', 'sales', ...args, '--out', 'o9'], cap.io, fake([])), 2, args.join(' '));
    assert.match(cap.stderr(), message);
    assert.equal(cap.stderr().split('\n').filter((l) => l.startsWith('error:')).length, 1);
  }
});

test('fit --geo: an event column that differs between geos is read per geo as a free-sign control, with a warning; a geo whose KPI adds up to 0 is refused naming it', async () => {
  // promo on in geo g's weeks where (t + g) % 5 == 0: staggered by geo.
  const promo = lines.map((l, i) => (i === 0 ? `${l},promo` : `${l},${(((i - 1) % WEEKS) + Math.floor((i - 1) / WEEKS)) % 5 === 0 ? 1 : 0}`));
  write('promo.csv', promo);
  const calls: FitCall[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'promo.csv', '--target', 'sales', '--geo', 'region', '--out', 'o10'], cap.io, fake(calls)), 0, cap.stderr());
  assert.match(cap.stderr(), /event "promo" differs between geos on .*: read per geo as a control \(sign free\)/);
  const table = calls[0].table;
  assert.deepEqual(table.events.map((e) => e.name), []);
  const k = table.controls.findIndex((c) => c.name === 'promo');
  assert.equal(table.controls[k].sign, 'free');
  const perGeo = table.panel?.controls[k];
  assert.ok(perGeo !== null && perGeo !== undefined);
  // Each geo keeps its own weeks: 1 in 5, not the national "largest value" (4 in 5 with 6 geos).
  for (let g = 0; g < GEOS; g++) assert.deepEqual([...perGeo[g]].map((v, t) => [t, v]).filter(([, v]) => v === 1).map(([t]) => t), [...Array(WEEKS).keys()].filter((t) => (t + g) % 5 === 0));
  const zero = lines.map((l, i) => (i >= lineOf(2, 0) - 1 && i <= lineOf(2, WEEKS - 1) - 1 ? l.split(',').map((c, j) => (j === 2 ? '0' : c)).join(',') : l));
  write('zero.csv', zero);
  const z = captureIo(dir);
  assert.equal(await runCli(['fit', 'zero.csv', '--target', 'sales', '--geo', 'region', '--out', 'o11'], z.io, fake([])), 1);
  assert.match(z.stderr(), /zero\.csv:210 column "sales": region "r2": the KPI "sales" adds up to 0 over its 104 dates \(lines 210–313\)/);
  assert.match(z.stderr(), /fix: check the geo's KPI in the file \(a missing export reads as zeros\), or leave the geo's rows out of the file/);
});

test('optimize on a geo-level run states the split across geos its plan assumes, in the text and in --json', async () => {
  // Uses the run fitted by the end-to-end test above.
  const text = captureIo(dir);
  assert.equal(await runCli(['optimize', '--model', 'real'], text.io, defaultDeps), 0, text.stderr());
  assert.match(text.stdout().replace(/\s+/g, ' '), /A geo-level model \(6 values of region\): each channel's budget is taken as split across them in proportion to their share of the KPI \(r\d \d+\.\d%/);
  const json = captureIo(dir);
  assert.equal(await runCli(['optimize', '--model', 'real', '--json'], json.io, defaultDeps), 0, json.stderr());
  assert.match((JSON.parse(json.stdout()) as { geo_split?: string }).geo_split ?? '', /^geo-level model \(6 values of region\)/);
});

test('optimize on a geo-level run reports the current spend at the historical split across geos beside the proportional one', async () => {
  // Uses the run fitted by the end-to-end test above.
  type Now = { basis: string; kpi: number; proportional: number; historical: number; gap: number; channels: { channel: string; current: number; proportional: number; historical: number; gap: number }[] };
  type Out = { geo_split_now?: Now; expected: { current: number }; allocation: { channel: string; current: number }[]; uncertainty: { objective: string } | null };
  const json = captureIo(dir);
  assert.equal(await runCli(['optimize', '--model', 'real', '--json'], json.io, defaultDeps), 0, json.stderr());
  const out = JSON.parse(json.stdout()) as Out;
  const now = out.geo_split_now!;
  assert.ok(now, 'geo_split_now present');
  assert.equal(now.basis, out.uncertainty?.objective ?? 'point');
  const close = (a: number, b: number) => assert.ok(Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)), `${a} vs ${b}`);
  // The proportional split is what the plan's "now" uses: its KPI minus the re-splitting gap is the KPI at the historical split.
  close(out.expected.current - now.gap, now.kpi);
  close(now.gap, now.proportional - now.historical);
  close(now.proportional, now.channels.reduce((s, c) => s + c.proportional, 0));
  for (const a of out.allocation) close(now.channels.find((c) => c.channel === a.channel)!.current, a.current);
  // The panel's spend split is tilted away from the KPI shares, so the two splits differ.
  assert.ok(Math.abs(now.gap) > 0);
  const text = captureIo(dir);
  assert.equal(await runCli(['optimize', '--model', 'real'], text.io, defaultDeps), 0, text.stderr());
  assert.match(text.stdout().replace(/\s+/g, ' '), /At the current split across geos, the current spend is predicted to give [\d,.]+ of sales per period \([\d,.]+ from media\), [\d,.]+ (less|more) than at a split by KPI share/);
});


test('optimize on a geo-level run sized by a column names its share, not the KPI\'s, in geo_split and geo_split_now', async () => {
  // The run fitted by the end-to-end test above, its model marked as sized by population (sizes in proportion to its shares).
  cpSync(join(dir, 'real'), join(dir, 'real-sized'), { recursive: true });
  const file = join(dir, 'real-sized', 'model.json');
  const model = JSON.parse(readFileSync(file, 'utf8')) as { panel: { shares: number[]; sizeColumn?: string; sizes?: number[] } };
  model.panel.sizeColumn = 'population';
  model.panel.sizes = model.panel.shares.map((s) => s * 1e6);
  writeFileSync(file, JSON.stringify(model));
  const text = captureIo(dir);
  assert.equal(await runCli(['optimize', '--model', 'real-sized'], text.io, defaultDeps), 0, text.stderr());
  const out = text.stdout().replace(/\s+/g, ' ');
  assert.match(out, /each channel's budget is taken as split across them in proportion to their share of population \(the geos' size column\) \(r\d/);
  assert.match(out, / than at a split by population share/);
  assert.doesNotMatch(out, /KPI share/);
  const json = captureIo(dir);
  assert.equal(await runCli(['optimize', '--model', 'real-sized', '--json'], json.io, defaultDeps), 0, json.stderr());
  assert.equal((JSON.parse(json.stdout()) as { geo_split_now?: { size_column?: string; sizeColumn?: string } }).geo_split_now?.size_column, 'population');
});

test('fit --geo --lift-tests: a test with a geo column calibrates the geo fit and is reported with its geos; an unknown geo, or a geo on a national fit, is refused at its cell', async () => {
  write('geo-lift.csv', ['channel,start,end,lift,standard_error,geo', 'tv,2022-06-06,2022-07-25,4000,800,r1|r4', 'search,2022-03-07,2022-04-25,9000,2000,']);
  const cap = captureIo(dir);
  const code = await runCli(['fit', 'panel.csv', '--target', 'sales', '--geo', 'region', '--lift-tests', 'geo-lift.csv', '--iterations', '40', '--posterior-iterations', '200', '--workers', '1', '--seed', '1', '--out', 'lift'], cap.io, defaultDeps);
  assert.equal(code, 0, cap.stderr());
  const summary = JSON.parse(readFileSync(join(dir, 'lift', 'summary.json'), 'utf8')) as { lift_tests: { channel: string; geos?: string[]; predicted: number }[] };
  assert.deepEqual(summary.lift_tests.map((t) => [t.channel, t.geos]), [['tv', ['r1', 'r4']], ['search', undefined]]);
  assert.ok(summary.lift_tests.every((t) => Number.isFinite(t.predicted) && t.predicted >= 0), JSON.stringify(summary.lift_tests));
  assert.match(cap.stdout(), /tv in r1, r4 2022-06-06…2022-07-25: measured 4,?000/);
  const model = JSON.parse(readFileSync(join(dir, 'lift', 'model.json'), 'utf8')) as { spec: { liftTests: { geos?: string[] }[] }; search: { chosen: { objectives: (number | null)[] } } };
  assert.deepEqual(model.spec.liftTests[0].geos, ['r1', 'r4']);
  assert.ok(typeof model.search.chosen.objectives[3] === 'number', 'MAPE.LIFT is scored');
  write('geo-lift-bad.csv', ['channel,start,end,lift,geo', 'tv,2022-06-06,2022-07-25,4000,r1|north']);
  const bad = captureIo(dir);
  assert.equal(await runCli(['fit', 'panel.csv', '--target', 'sales', '--geo', 'region', '--lift-tests', 'geo-lift-bad.csv', '--out', 'o-lift'], bad.io, fake([])), 1);
  assert.match(bad.stderr(), /geo-lift-bad\.csv:2 column "geo"/);
  assert.match(bad.stderr(), /unknown geo "north"/);
  assert.match(bad.stderr(), /r0, r1, r2, r3, r4, r5/);
  const national = captureIo(dir);
  assert.equal(await runCli(['fit', 'panel.csv', '--target', 'sales', '--clean', 'sum_panel', '--lift-tests', 'geo-lift.csv', '--out', 'o-lift2'], national.io, fake([])), 1);
  assert.match(national.stderr(), /names geos \(r1, r4\), but the fit is national/);
});

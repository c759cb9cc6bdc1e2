// Large source files take the streaming path (sourceScan + DuckDB for exact duplicates): the same bad
// files give the same issues on both paths (the large one forced with largeFileBytes: 0).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError, type Issue } from '../issue.ts';
import { longToWide, type LongToWideOptions, type LongToWideResult } from './long-to-wide.ts';

function files(spend: string, kpi: string): { spend: string; kpi: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-large-'));
  writeFileSync(join(dir, 'spend.csv'), spend);
  writeFileSync(join(dir, 'kpi.csv'), kpi);
  return { spend: join(dir, 'spend.csv'), kpi: join(dir, 'kpi.csv') };
}

/** yyyy-mm-dd of 2024-01-01 (a Monday) + days. */
function day(days: number): string {
  return new Date(Date.UTC(2024, 0, 1 + days)).toISOString().slice(0, 10);
}

/** Daily spend lines of 3 channels × 2 geos over n weeks (every line distinct). */
function spendDays(n: number, cell: (t: number, c: number, g: number) => string = (t, c, g) => `${10 + t + c}.${g}5`): string[] {
  const lines: string[] = [];
  for (let t = 0; t < 7 * n; t++) for (const [c, ch] of ['tv', 'search', 'social'].entries()) for (const g of [0, 1]) lines.push(`${day(t)},${ch},geo_${g},${cell(t, c, g)},${100 + t}`);
  return lines;
}

const HEADER = 'date,channel,geo,spend,impressions';

function kpiDays(n: number, geos = ['geo_0', 'geo_1']): string {
  const lines = ['date,geo,revenue'];
  for (let t = 0; t < 7 * n; t++) for (const g of geos) lines.push(`${day(t)},${g},${1000 + t}`);
  return lines.join('\n') + '\n';
}

type Outcome = { issues: Issue[] } | { result: LongToWideResult };

async function outcome(options: LongToWideOptions): Promise<Outcome> {
  try {
    return { result: await longToWide(options) };
  } catch (err) {
    if (err instanceof DataError) return { issues: err.issues };
    throw err;
  }
}

/** Runs both paths and asserts identical outcomes; returns the issues (thrown or warnings). */
async function bothPaths(spend: string, kpi: string, options: Partial<LongToWideOptions> = {}): Promise<Issue[]> {
  const f = files(spend, kpi);
  const small = await outcome({ ...f, granularity: 'daily', ...options });
  const large = await outcome({ ...f, granularity: 'daily', ...options, largeFileBytes: 0 });
  assert.deepEqual(large, small);
  return 'issues' in small ? small.issues : small.result.issues;
}

const body = (lines: string[]): string => [HEADER, ...lines].join('\n') + '\n';

test('a clean file gives the same table on both paths', async () => {
  const issues = await bothPaths(body(spendDays(3)), kpiDays(3), { by: ['geo'] });
  assert.deepEqual(issues.filter((i) => i.severity === 'error'), []);
});

test('ragged rows and mixed line endings: the same lines on both paths', async () => {
  const lines = spendDays(3);
  lines[30] += ',extra';
  lines[70] = lines[70].replace(/,[^,]+$/, '');
  assert.deepEqual((await bothPaths(body(lines), kpiDays(3))).map((i) => [i.code, i.at.row]), [['RAGGED_ROW', 32], ['RAGGED_ROW', 72]]);
  const crlf = [HEADER, ...spendDays(3)].join('\r\n') + '\r\n' + 'x\n'.repeat(0);
  const mixed = crlf.replace(/\r\n(?=2024-01-10,tv,geo_0)/, '\n');
  const issues = await bothPaths(mixed, kpiDays(3));
  assert.deepEqual(issues.map((i) => i.code), ['MIXED_LINE_ENDINGS']);
});

test('cell errors (currency, dot thousands, US dates, ISO weeks, UTC offsets, empty channel), capped per code, match', async () => {
  const lines = spendDays(3, (t, c, g) => (t % 2 === 0 && c === 1 ? `$${10 + t + g}` : `${10 + t}`));
  lines[5] = lines[5].replace(/^[^,]+/, '01/17/2024');
  lines[6] = lines[6].replace(',tv,', ',,');
  lines[9] = lines[9].replace(/^[^,]+/, '2024-01-02T00:00:00+02:00');
  const issues = await bothPaths(body(lines), kpiDays(3));
  assert.ok(issues.some((i) => i.code === 'CURRENCY_SYMBOL'));
  assert.ok(issues.some((i) => i.code === 'EMPTY_CELL' && i.at.column === 'channel'));
  assert.ok(issues.some((i) => i.code === 'MORE_ISSUES'));
  const iso = await bothPaths(body(spendDays(2).map((l, i) => (i < 6 ? l.replace(/^[^,]+/, '2024-W01') : l))), kpiDays(2));
  assert.ok(iso.some((i) => i.code === 'ISO_WEEK_DATES'), JSON.stringify(iso));
  const dots = spendDays(2, (t) => (t === 3 ? '1.856.920' : `${10 + t}`));
  assert.ok((await bothPaths(body(dots), kpiDays(2))).some((i) => i.code === 'DOT_THOUSANDS'));
  const semicolon = spendDays(2, (t) => (t === 3 ? '9.388' : t === 4 ? '950' : `${10 + t}`)).map((l) => l.replaceAll(',', ';'));
  await bothPaths([HEADER.replaceAll(',', ';'), ...semicolon].join('\n') + '\n', kpiDays(2));
});

test('an empty exposure cell of a channel that reports exposures elsewhere, and a KPI text column, match', async () => {
  const lines = spendDays(2);
  lines[40] = lines[40].replace(/,\d+$/, ',');
  const issues = await bothPaths(body(lines), kpiDays(2));
  assert.ok(issues.some((i) => i.code === 'EMPTY_CELL' && i.at.column === 'impressions'));
  const kpi = kpiDays(2).replace('date,geo,revenue', 'date,geo,revenue,stage').replace(/\n(?!$)/g, ',won\n').replace(/won\n$/, '\n').replace(/\n$/, ',won\n');
  await bothPaths(body(spendDays(2)), kpi);
});

test('exact duplicate rows (DuckDB on the large path), dropped or refused, match', async () => {
  const lines = spendDays(2);
  const copies = [...lines.slice(0, 3), lines[10]];
  const issues = await bothPaths(body([...lines, ...copies]), kpiDays(2));
  assert.deepEqual(issues.map((i) => i.code), ['EXACT_DUPLICATE_ROWS']);
  const dropped = await bothPaths(body([...lines, ...copies]), kpiDays(2), { dropDuplicateRows: true });
  assert.ok(dropped.some((i) => i.code === 'DUPLICATE_ROWS_DROPPED'));
});

test('mixed currency, geo scope mismatch and week labels match', async () => {
  const withCurrency = ['date,channel,geo,spend,impressions,currency', ...spendDays(2).map((l, i) => `${l},${i === 50 ? 'GBP' : 'EUR'}`)].join('\n') + '\n';
  assert.ok((await bothPaths(withCurrency, kpiDays(2))).some((i) => i.code === 'MIXED_CURRENCY'));
  assert.ok((await bothPaths(body(spendDays(2)), kpiDays(2, ['geo_0', 'geo_1', 'geo_2']))).some((i) => i.code === 'SCOPE_MISMATCH'));
  const sundays = ['date,channel,spend', ...Array.from({ length: 8 }, (_, t) => `${day(7 * t + 6)},tv,${10 + t}`)].join('\n') + '\n';
  const kpi = ['date,revenue', ...Array.from({ length: 8 }, (_, t) => `${day(7 * t + 6)},${100 + t}`)].join('\n') + '\n';
  assert.ok((await bothPaths(sundays, kpi, { granularity: 'weekly' })).some((i) => i.code === 'WEEK_LABEL_MISMATCH'));
});

// readCheckedTable on a geo panel with a modeling window's start: the per-geo outlier check scores the rows the national one does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureIo } from '../../test/capture-io.ts';
import { readCheckedTable } from './read-checked-table.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-read-geo-'));
const GEOS = [['big', 10], ['small', 1]] as const;
const WEEKS = 30;
const date = (w: number): string => new Date(Date.UTC(2023, 0, 2 + 7 * w)).toISOString().slice(0, 10);

/** 2 geos × 30 weeks; geo "small" has a KPI 40× its level in week 2 (a warm-up row when the window starts at week 10). */
function panel(): string {
  const out = ['date,geo,sales,tv_spend,search_spend'];
  GEOS.forEach(([name, size], g) => {
    for (let w = 0; w < WEEKS; w++) {
      const kpi = size * (1000 + 80 * Math.sin(w / 3) + 7 * ((w * 13) % 5)) * (g === 1 && w === 2 ? 40 : 1);
      out.push([date(w), name, kpi.toFixed(1), (size * (100 + 20 * ((w * 7) % 5))).toFixed(0), (size * (50 + 10 * (w % 3))).toFixed(0)].join(','));
    }
  });
  return out.join('\n') + '\n';
}

function outliers(window?: { start: string }) {
  const file = join(dir, 'panel.csv');
  writeFileSync(file, panel());
  const io = captureIo(dir);
  const geo = { column: 'geo', flag: '--geo geo', target: 'sales' };
  const read = readCheckedTable(file, { target: 'sales' }, io.io, { name: 'panel.csv', steps: [{ type: 'sum-panel', column: 'geo' }], hints: 'both', quiet: true, geo, ...(window === undefined ? {} : { window }) });
  return read.warnings.filter((i) => i.code === 'EXTREME_OUTLIER').map((i) => [i.at.row, i.at.column]);
}

test('readCheckedTable --geo: the KPI spike of a warm-up row before --start is not scored per geo, as the national check leaves it out', () => {
  // Line of geo "small"'s week 2: header, 30 rows of "big", then weeks 0 and 1.
  const line = 2 + WEEKS + 2;
  assert.deepEqual(outliers(), [[line, 'sales']], 'without a window the spike is flagged at its line');
  assert.deepEqual(outliers({ start: date(10) }), [], 'with --start after it, the warm-up row\'s KPI is not scored');
});

/** The panel with geo "small"'s KPI 0 from week `from` to week `to` (inclusive), its other weeks as they were. */
function zeroKpi(from: number, to: number): string {
  const lines = panel().split('\n');
  // Data line of geo "small"'s week w: after the header and the 30 rows of "big".
  for (let w = from; w <= to; w++) lines[1 + WEEKS + w] = lines[1 + WEEKS + w].replace(/^([^,]+,small,)[^,]+,/, '$10,');
  return lines.join('\n');
}

function kpiTotalErrors(content: string, window?: { start?: string; end?: string }): { message: string; hint: string; row?: number }[] {
  const file = join(dir, 'zero.csv');
  writeFileSync(file, content);
  const io = captureIo(dir);
  const geo = { column: 'geo', flag: '--geo geo', target: 'sales' };
  try {
    readCheckedTable(file, { target: 'sales' }, io.io, { name: 'zero.csv', steps: [{ type: 'sum-panel', column: 'geo' }], hints: 'both', quiet: true, geo, ...(window === undefined ? {} : { window }) });
    return [];
  } catch (err) {
    const issues = (err as { issues?: { code: string; message: string; hint: string; at: { row?: number } }[] }).issues;
    if (issues === undefined) throw err;
    return issues.filter((i) => i.code === 'PANEL_KPI_TOTAL').map((i) => ({ message: i.message, hint: i.hint, ...(i.at.row === undefined ? {} : { row: i.at.row }) }));
  }
}

test('readCheckedTable --geo --start: a geo whose KPI is zero only inside the modeling window is a PANEL_KPI_TOTAL error naming the geo, the window and the fix', () => {
  // Geo "small" has its KPI in weeks 0–9 (warm-up before --start week 10) and zeros from week 10 on.
  const content = zeroKpi(10, WEEKS - 1);
  assert.deepEqual(kpiTotalErrors(content), [], 'over the whole file the geo has a KPI: no error without a window');
  const first = 2 + WEEKS + 10;
  const [found, ...more] = kpiTotalErrors(content, { start: date(10) });
  assert.equal(more.length, 0);
  assert.equal(found.message, `geo "small": the KPI "sales" adds up to 0 over the modeling window ${date(10)} … ${date(WEEKS - 1)} (20 dates, lines ${first}–${first + 19}; `
    + `the rows before ${date(10)} only warm up carryover), so the geo has no share of the KPI and a geo-level model cannot use it`);
  assert.equal(found.row, first);
  assert.match(found.hint, /leave the geo's rows out of the file .*; or set the window where the geo has its KPI \(move --start, or the config's window\)$/);
  assert.deepEqual(kpiTotalErrors(content, { start: date(5) }), [], 'a window starting where the geo still has its KPI passes');
});

test('readCheckedTable --geo --end: a geo whose KPI is zero up to the window\'s end is named with the window; the rows after it do not count', () => {
  // Geo "small" has zeros in weeks 0–19 and its KPI in weeks 20–29, which --end week 19 leaves out.
  const content = zeroKpi(0, 19);
  assert.deepEqual(kpiTotalErrors(content), []);
  const [found] = kpiTotalErrors(content, { end: date(19) });
  assert.match(found?.message ?? '', new RegExp(`^geo "small": the KPI "sales" adds up to 0 over the modeling window ${date(0)} … ${date(19)} \\(20 dates, lines ${2 + WEEKS}–${2 + WEEKS + 19}\\), so`));
  assert.match(found.hint, /\(move --end, or the config's window\)$/);
});

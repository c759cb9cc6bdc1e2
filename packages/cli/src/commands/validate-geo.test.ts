// `mixwise validate --geo COL`: a long panel file checked as `fit --geo` checks it, problems at their file line and geo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../program.ts';
import { captureIo } from '../../test/capture-io.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-validate-geo-'));
const GEOS = [['big', 10], ['mid', 3], ['small', 1]] as const;
const WEEKS = 40;

/** The file line of geo g's week w: rows sorted by geo, then date, after the header. */
const line = (g: number, w: number): number => 2 + WEEKS * g + w;

/** 3 geos × 40 weeks, each geo's values its size times a shared pattern with a little noise; `edit` may change a row's cells. */
function panel(edit: (g: number, w: number, cells: string[]) => void = () => {}): string {
  let seed = 7;
  const noise = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648 - 0.5;
  };
  const out = ['date,geo,sales,tv_spend,search_spend,price,comp'];
  GEOS.forEach(([name, size], g) => {
    for (let w = 0; w < WEEKS; w++) {
      const d = new Date(Date.UTC(2023, 0, 2 + 7 * w)).toISOString().slice(0, 10);
      const cells = [d, name, (size * (1000 + 80 * Math.sin(w / 3) + 40 * noise())).toFixed(1), (size * (100 + 20 * ((w * 7) % 5))).toFixed(0),
        (size * (50 + 10 * (w % 3))).toFixed(0), (10 + 0.1 * (w % 4)).toFixed(2), (size * (5 + noise())).toFixed(2)];
      edit(g, w, cells);
      out.push(cells.join(','));
    }
  });
  return out.join('\n') + '\n';
}

interface Found { code: string; severity: string; message: string; hint: string; at: { row?: number; column?: string } }

async function validate(name: string, content: string, args = ['--target', 'sales', '--geo', 'geo']): Promise<{ code: number; issues: Found[]; stderr: string }> {
  writeFileSync(join(dir, name), content);
  const io = captureIo(dir);
  const code = await runCli(['validate', name, ...args, '--json'], io.io);
  const issues = io.stdout() === '' ? [] : (JSON.parse(io.stdout()) as { issues: Found[] }).issues;
  return { code, issues, stderr: io.stderr() };
}

test('validate --geo: a clean panel passes, with no outlier warning from scoring each geo on its own', async () => {
  const { code, issues, stderr } = await validate('clean.csv', panel());
  assert.equal(code, 0, stderr);
  assert.deepEqual(issues.filter((i) => i.code === 'EXTREME_OUTLIER'), []);
});

test('validate --geo: a spike in the smallest geo is flagged at its own line and geo, with no cleaning step --geo refuses', async () => {
  const spiked = panel((g, w, cells) => {
    if (g === 2 && w === 20) {
      cells[2] = String(Number(cells[2]) * 40);
      cells[3] = String(Number(cells[3]) * 60);
    }
  });
  const { code, issues, stderr } = await validate('spike.csv', spiked);
  assert.equal(code, 0, stderr);
  const outliers = issues.filter((i) => i.code === 'EXTREME_OUTLIER');
  assert.deepEqual(outliers.map((i) => [i.at.row, i.at.column]), [[line(2, 20), 'sales'], [line(2, 20), 'tv_spend']]);
  for (const o of outliers) {
    assert.match(o.message, /^geo "small": value /);
    assert.doesNotMatch(o.message + o.hint, /summed row|winsorize|--clean/);
  }
});

test('validate --geo: an empty or unreadable control cell is named at its line and geo, with fixes a geo panel takes', async () => {
  const empty = await validate('empty.csv', panel((g, w, cells) => { if (g === 1 && w === 25) cells[6] = ''; }));
  assert.equal(empty.code, 0, empty.stderr);
  const unused = empty.issues.find((i) => i.code === 'UNUSED_COLUMNS');
  assert.match(unused?.message ?? '', new RegExp(`comp \\(has 1 empty cell, on line ${line(1, 25)}, geo "mid": fill it in the file, or fit the national sum with --clean sum_panel=geo,impute_controls without --geo\\)`));
  assert.doesNotMatch(unused?.message ?? '', /the cleaning step impute_controls/);
  const text = await validate('text.csv', panel((g, w, cells) => { if (g === 2 && w === 30) cells[6] = 'n/a'; }));
  assert.match(text.issues.find((i) => i.code === 'UNUSED_COLUMNS')?.message ?? '', new RegExp(`comp \\(has 1 empty or unreadable cell, on line ${line(2, 30)}, geo "small", reading "n/a"`));
});

test('validate --geo: a repeated (date, geo) is an error naming both lines; without --target a usage error', async () => {
  const rows = panel().split('\n');
  rows[line(1, 1) - 1] = rows[line(1, 0) - 1];
  const dup = await validate('dup.csv', rows.join('\n'));
  assert.equal(dup.code, 1);
  assert.ok(dup.issues.some((i) => i.code === 'DUPLICATE_PANEL_ROW' && i.message.includes(`line ${line(1, 0)} and line ${line(1, 1)}`)), JSON.stringify(dup.issues));
  const untargeted = await validate('clean2.csv', panel(), ['--geo', 'geo']);
  assert.equal(untargeted.code, 2);
  assert.match(untargeted.stderr, /--geo geo needs --target/);
});

/** The panel with a population column after the KPI's columns: each geo's size on all its rows; `edit` may change a row's cells. */
const sized = (edit: (g: number, w: number, cells: string[]) => void = () => {}): string => {
  const [header, ...rows] = panel().trimEnd().split('\n');
  const pop = [5_000_000, 1_500_000, 500_000];
  const out = [`${header},population`, ...rows.map((r, i) => {
    const g = Math.floor(i / WEEKS), cells = [...r.split(','), String(pop[g])];
    edit(g, i % WEEKS, cells);
    return cells.join(',');
  })];
  return out.join('\n') + '\n';
};
const SIZE_ARGS = ['--target', 'sales', '--geo', 'geo', '--geo-size', 'population'];

test('validate --geo --geo-size: a clean size column passes and is not reported unused (it is not a control)', async () => {
  const { code, issues, stderr } = await validate('sized.csv', sized(), SIZE_ARGS);
  assert.equal(code, 0, stderr);
  assert.doesNotMatch(JSON.stringify(issues), /population/);
});

test('validate --geo --geo-size: an empty, non-positive or changing size is a PANEL_SIZE error naming line, column and geo', async () => {
  const bad = await validate('sized-bad.csv', sized((g, w, cells) => {
    if (g === 1 && w === 3) cells[7] = '';
    if (g === 2 && w === 10) cells[7] = '600000';
  }), SIZE_ARGS);
  assert.equal(bad.code, 1, bad.stderr);
  const errors = bad.issues.filter((i) => i.code === 'PANEL_SIZE');
  assert.deepEqual(errors.map((i) => [i.at.row, i.at.column]), [[line(1, 3), 'population'], [line(2, 10), 'population']]);
  assert.match(errors[0].message, /^geo "mid": the size is empty in "population" \(--geo-size population\)/);
  assert.match(errors[1].message, /^geo "small": the size in "population" \(--geo-size population\) is 600000 here but 500000 on line \d+; a geo's size must be the same on all its rows/);
  const zero = await validate('sized-zero.csv', sized((g, w, cells) => { if (g === 0 && w === 0) cells[7] = '0'; }), SIZE_ARGS);
  assert.match(zero.issues.find((i) => i.code === 'PANEL_SIZE')?.message ?? '', /^geo "big": the size "0" is not above zero/);
  const missing = await validate('sized-missing.csv', panel(), SIZE_ARGS);
  assert.equal(missing.code, 1);
  assert.match(missing.issues.find((i) => i.code === 'MISSING_COLUMN')?.message ?? '', /--geo-size population: column "population" is not in the file/);
});

test('validate --geo-size: without --geo, or naming the KPI, a usage error (exit 2)', async () => {
  const noGeo = await validate('sized-nogeo.csv', sized(), ['--target', 'sales', '--geo-size', 'population']);
  assert.equal(noGeo.code, 2);
  assert.match(noGeo.stderr, /--geo-size population sizes the geos of a geo panel, which needs --geo COLUMN/);
  const kpi = await validate('sized-kpi.csv', sized(), ['--target', 'sales', '--geo', 'geo', '--geo-size', 'sales']);
  assert.equal(kpi.code, 2);
  assert.match(kpi.stderr, /--geo-size sales: "sales" is also --target/);
});

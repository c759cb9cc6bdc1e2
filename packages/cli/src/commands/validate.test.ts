// `mixwise validate`: one row per broken input (file content, flags, expected exit, code, row, column).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../program.ts';
import { captureIo } from '../../test/capture-io.ts';
import { mixwise, STACK_LINE } from '../../test/run-mixwise.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-validate-'));

/** 30 weeks from 2024-01-01: sales 1000 + 10·i, tv 100 + 5·i, search 50 + 10·(i mod 3); file line = i + 2. */
function lines(n = 30): string[] {
  const out = ['date,sales,tv_spend,search_spend'];
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10);
    out.push(`${d},${1000 + 10 * i},${100 + 5 * i},${50 + 10 * (i % 3)}`);
  }
  return out;
}
/** The base lines with line `k` (1-based file line) replaced. */
function edit(k: number, line: string): string[] {
  const out = lines();
  out[k - 1] = line;
  return out;
}
const text = (l: string[]): string => l.join('\n') + '\n';

interface Case {
  name: string;
  content: string | Uint8Array;
  args?: string[];
  exit: 0 | 1;
  code?: string;
  row?: number;
  column?: string;
}

const CASES: Case[] = [
  { name: 'empty file', content: '', exit: 1, code: 'EMPTY_FILE' },
  { name: 'header only', content: 'date,sales,tv_spend\n', exit: 1, code: 'HEADER_ONLY', row: 1 },
  { name: 'missing KPI column', content: text(lines()), args: ['--target', 'revenue'], exit: 1, code: 'MISSING_COLUMN', column: 'revenue' },
  { name: 'impossible date', content: text(edit(6, '2023-02-30,1050,125,70')), exit: 1, code: 'INVALID_DATE', row: 6, column: 'date' },
  { name: 'text in a spend cell', content: text(edit(14, '2024-03-25,1120,abc,50')), exit: 1, code: 'NOT_A_NUMBER', row: 14, column: 'tv_spend' },
  { name: 'negative spend', content: text(edit(9, '2024-02-19,1070,-135,60')), exit: 1, code: 'NEGATIVE_SPEND', row: 9, column: 'tv_spend' },
  { name: 'duplicate dates', content: text(edit(5, '2024-01-15,1030,115,50')), exit: 1, code: 'DUPLICATE_DATE', row: 5, column: 'date' },
  { name: 'too few rows', content: text(lines(5)), exit: 1, code: 'TOO_FEW_ROWS' },
  { name: 'empty KPI cell', content: text(edit(7, '2024-02-05,,130,50')), exit: 1, code: 'EMPTY_CELL', row: 7, column: 'sales' },
  { name: 'ragged row', content: text(edit(10, '2024-02-26,1080,140')), exit: 1, code: 'RAGGED_ROW', row: 10 },
  { name: 'binary garbage', content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff]), exit: 1, code: 'BINARY_FILE', row: 3 }, // a PNG header: the NUL byte follows two \n, so it is on line 3
  { name: 'constant KPI', content: text(lines().map((l, i) => (i === 0 ? l : l.replace(/^([^,]*),[^,]*,/, '$1,500,')))), exit: 1, code: 'CONSTANT_TARGET', column: 'sales' },
  { name: 'a missing week (lists the missing date)', content: text(lines().filter((_, i) => i !== 11)), exit: 1, code: 'IRREGULAR_DATES', row: 12, column: 'date' },
  { name: 'pipe-delimited file', content: text(lines().map((l) => l.replaceAll(',', '|'))), exit: 1, code: 'WRONG_DELIMITER', row: 1 },
  { name: 'a channel that never spends', content: text(lines().map((l, i) => (i === 0 ? l : l.replace(/,[^,]*$/, ',0')))), exit: 1, code: 'CHANNEL_NEVER_SPENDS', column: 'search_spend' },
  { name: 'an organic column at 0 in every period', content: text(lines().map((l, i) => l + (i === 0 ? ',newsletter' : ',0'))), args: ['--target', 'sales', '--organic', 'newsletter'], exit: 1, code: 'ORGANIC_ALL_ZERO', column: 'newsletter' },
  { name: 'a KPI typo (outlier warning)', content: text(edit(12, '2024-03-11,110000,150,50')), exit: 0, code: 'EXTREME_OUTLIER', row: 12, column: 'sales' },
  { name: 'Windows line endings with a BOM', content: '\uFEFF' + lines().join('\r\n') + '\r\n', exit: 0 },
];

interface JsonReport {
  file: string;
  ok: boolean;
  errors: number;
  warnings: number;
  issues: { code: string; severity: string; at: { file?: string; row?: number; column?: string } }[];
}

for (const [k, c] of CASES.entries()) {
  test(`validate: ${c.name} → exit ${c.exit}${c.code === undefined ? ', no issue' : `, ${c.code}`}`, async () => {
    const name = `case-${k}.csv`;
    writeFileSync(join(dir, name), c.content);
    const args = ['validate', name, ...(c.args ?? ['--target', 'sales'])];
    const json = captureIo(dir);
    assert.equal(await runCli([...args, '--json'], json.io), c.exit, json.stderr());
    const report = JSON.parse(json.stdout()) as JsonReport;
    assert.equal(report.ok, c.exit === 0);
    if (c.code === undefined) {
      assert.deepEqual(report.issues, []);
    } else {
      const hit = report.issues.find((i) => i.code === c.code);
      assert.ok(hit !== undefined, `no ${c.code} in ${JSON.stringify(report.issues)}`);
      assert.deepEqual([hit.at.file, hit.at.row, hit.at.column], [name, c.row, c.column]);
    }
    assert.equal(report.errors, report.issues.filter((i) => i.severity === 'error').length);
    const pretty = captureIo(dir);
    assert.equal(await runCli(args, pretty.io), c.exit);
    assert.equal(pretty.stdout(), '');
    const where = c.row === undefined ? name : `${name}:${c.row}`;
    if (c.code !== undefined) assert.ok(pretty.stderr().includes(where), pretty.stderr());
    if (c.column !== undefined) assert.ok(pretty.stderr().includes(`column "${c.column}"`), pretty.stderr());
    if (c.exit === 0) assert.match(pretty.stderr(), /✔ .*: no errors/);
    assert.doesNotMatch(pretty.stderr() + json.stderr(), STACK_LINE);
    assert.doesNotMatch(pretty.stderr(), /internal error/);
  });
}

test('validate: pretty output lists errors before warnings, each with its fix', async () => {
  writeFileSync(join(dir, 'mixed.csv'), text(edit(12, '2024-03-11,110000,-150,50')));
  const io = captureIo(dir);
  assert.equal(await runCli(['validate', 'mixed.csv', '--target', 'sales'], io.io), 1);
  const out = io.stderr();
  assert.ok(out.indexOf('✖ 1 error') < out.indexOf('! 1 warning'), out);
  assert.match(out, /mixed\.csv:12 column "tv_spend": spend is negative \(-150\)\n {4}fix: /);
});

test('validate: without --target the KPI checks are skipped and the run says so', async () => {
  writeFileSync(join(dir, 'constant.csv'), text(lines().map((l, i) => (i === 0 ? l : l.replace(/^([^,]*),[^,]*,/, '$1,500,')))));
  const io = captureIo(dir);
  assert.equal(await runCli(['validate', 'constant.csv'], io.io), 0);
  assert.match(io.stderr(), /note: skipped KPI checks .*no target column was given/);
});

test('validate (real process): BOM + CRLF exits 0; binary garbage exits 1 naming the file, no stack trace', () => {
  writeFileSync(join(dir, 'bom.csv'), '\uFEFF' + lines().join('\r\n') + '\r\n');
  const ok = mixwise(['validate', join(dir, 'bom.csv'), '--target', 'sales']);
  assert.equal(ok.status, 0, ok.stderr);
  writeFileSync(join(dir, 'garbage.csv'), new Uint8Array([0x00, 0x01, 0x02, 0xff, 0xfe, 0x0a]));
  const bad = mixwise(['validate', join(dir, 'garbage.csv'), '--target', 'sales']);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /garbage\.csv:1: the file contains binary data/);
  assert.doesNotMatch(bad.stderr, STACK_LINE);
});

test('validate on a panel whose spend columns are not named *_spend: the suggested roll-up query keeps them, summed and said so; with --channels, summed as spend', async () => {
  const multi = [',date,geo,x1,x2,event_1,event_2,y'];
  for (let w = 0; w < 14; w++) {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
    for (const g of [0, 1]) multi.push([2 * w + g, d, `geo_${'ab'[g]}`, 5000 + 100 * w + g, 6000 + 50 * (w % 4) - g, w === 3 ? 1 : 0, w === 9 ? 1 : 0, 8000 + 300 * (w % 5) + g].join(','));
  }
  writeFileSync(join(dir, 'multi.csv'), text(multi));
  const query = 'SELECT "date", sum("x1") AS "x1", sum("x2") AS "x2", max("event_1") AS "event_1", max("event_2") AS "event_2", sum("y") AS "y" FROM \'multi.csv\' GROUP BY "date"';
  const io = captureIo(dir);
  assert.equal(await runCli(['validate', 'multi.csv', '--target', 'y'], io.io), 1);
  assert.ok(io.stderr().includes(query), io.stderr());
  assert.match(io.stderr(), /TO 'national\.csv' \("x1" and "x2" have no role here, so they are summed like spend: use avg\(\) for a control such as a price\)/);
  const named = captureIo(dir);
  assert.equal(await runCli(['validate', 'multi.csv', '--target', 'y', '--channels', 'x1,x2'], named.io), 1);
  assert.ok(named.stderr().includes(query), named.stderr());
  assert.doesNotMatch(named.stderr(), /no role here/);
});

test('validate --organic: a negative, empty or non-numeric exposure cell is an error with its file line and column; without --organic the column is not checked', async () => {
  const withSends = lines().map((l, i) => `${l},${i === 0 ? 'newsletter_sends' : i === 5 ? '-3' : i === 8 ? '' : i === 11 ? 'lots' : String(1000 + i)}`);
  writeFileSync(join(dir, 'sends.csv'), text(withSends));
  const io = captureIo(dir);
  assert.equal(await runCli(['validate', 'sends.csv', '--target', 'sales', '--organic', 'newsletter_sends', '--json'], io.io), 1);
  const result = JSON.parse(io.stdout()) as { issues: { code: string; message: string; at: { row?: number; column?: string } }[] };
  const found = result.issues.filter((i) => i.at.column === 'newsletter_sends').map((i) => [i.code, i.at.row, i.message]);
  assert.deepEqual(found.map(([code, row]) => [code, row]).sort(), [['EMPTY_CELL', 9], ['NEGATIVE_SPEND', 6], ['NOT_A_NUMBER', 12]]);
  assert.match(String(found.find(([code]) => code === 'NEGATIVE_SPEND')?.[2]), /organic exposure is negative \(-3\)/);
  assert.match(String(found.find(([code]) => code === 'EMPTY_CELL')?.[2]), /organic exposure value is empty/);
  const plain = captureIo(dir);
  assert.equal(await runCli(['validate', 'sends.csv', '--target', 'sales'], plain.io), 0, plain.stderr());
});

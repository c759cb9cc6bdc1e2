import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CleaningRoles } from '../change.ts';
import { DataError } from '../../issue.ts';
import { parseCsvText } from '../../read/read-csv.ts';
import { runCleaning } from '../run-cleaning.ts';
import { checkAndClean } from '../check-and-clean.ts';
import { readOutcomeFromText } from '../../validate/read-outcome.ts';
import { runRules } from '../../validate/run-rules.ts';
import { tableFromCsv } from '../../build/table-from-csv.ts';
import { decimalComma } from './decimal-comma.ts';

const ROLES: CleaningRoles = { date: 'date', target: 'revenue', spend: ['tv_spend'], controls: ['price'], events: [] };

/** A weekly semicolon file of n rows, each cell of a column given by a function of the row index. */
function semicolon(columns: Record<string, (i: number) => string>, n = 14): string {
  const names = Object.keys(columns);
  const rows = Array.from({ length: n }, (_, i) => [new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10), ...names.map((c) => columns[c](i))].join(';'));
  return ['date;' + names.join(';'), ...rows].join('\n') + '\n';
}

function refused(run: () => unknown): [string, number | undefined, string | undefined, string][] {
  try {
    run();
  } catch (err) {
    if (err instanceof DataError) return err.issues.map((i) => [i.code, i.at.row, i.at.column, i.message]);
    throw err;
  }
  throw new Error('expected a DataError');
}

test('decimalComma: a semicolon file\'s decimal commas become decimal points, one logged change per cell; whole numbers, text and the date are left alone', () => {
  const csv = parseCsvText('date;revenue;tv_spend;price;note\n2024-01-01;1234,5;100,25;9;a,b\n2024-01-08;1.234,5;,5;NA;x\n', 'd.csv');
  const { table, changes } = decimalComma(csv, { roles: ROLES });
  assert.deepEqual(table.rows, [['2024-01-01', '1234.5', '100.25', '9', 'a,b'], ['2024-01-08', '1234.5', '.5', 'NA', 'x']]);
  assert.deepEqual([...(table.decimalPointColumns ?? [])], ['revenue', 'tv_spend']);
  assert.deepEqual(changes.map((c) => [c.column, c.row, c.date, c.before, c.after]), [
    ['revenue', 2, '2024-01-01', '1234,5', '1234.5'], ['revenue', 3, '2024-01-08', '1.234,5', '1234.5'],
    ['tv_spend', 2, '2024-01-01', '100,25', '100.25'], ['tv_spend', 3, '2024-01-08', ',5', '.5'],
  ]);
  assert.equal(changes[1].reason, '"." thousands separators removed and the decimal comma read as a decimal point');
  assert.equal(csv.rows[0][1], '1234,5', 'the input is not modified');
});

test('decimalComma: a column mixing decimal commas with a "." (12.5, 1.234) or comma grouping (1,234,567) is refused cell by cell, nothing changed', () => {
  const csv = parseCsvText('date;revenue;tv_spend\n2024-01-01;1234,5;100,25\n2024-01-08;12.5;1,234,567\n2024-01-15;1.234;7\n', 'd.csv');
  const found = refused(() => decimalComma(csv, { roles: ROLES }));
  assert.deepEqual(found.map(([code, row, column]) => [code, row, column]), [['DECIMAL_COMMA', 3, 'revenue'], ['DECIMAL_COMMA', 4, 'revenue'], ['DECIMAL_COMMA', 3, 'tv_spend']]);
  assert.equal(found[0][3], 'value "12.5" does not use the decimal comma of this column ("1234,5" on row 2): decimal_comma cannot tell whether its "." or "," is a decimal point or a thousands separator, so it changed nothing');
});

test('decimalComma: a comma- or tab-separated file is refused (a comma in a number may be thousands there)', () => {
  const csv = parseCsvText('date,revenue\n2024-01-01,"1234,5"\n', 'd.csv');
  const found = refused(() => decimalComma(csv, { roles: ROLES }));
  assert.deepEqual(found.map(([code, row, column]) => [code, row, column]), [['DECIMAL_COMMA', undefined, undefined]]);
  assert.match(found[0][3], /semicolon-separated file only; this file is comma-separated/);
});

test('runCleaning: decimal-comma runs first wherever it is listed, even after sum-panel', () => {
  const csv = parseCsvText('date;revenue;tv_spend;price\n2024-01-08;2,5;1;9\n2024-01-01;1,5;1;9\n', 'd.csv');
  const result = runCleaning(csv, ROLES, [{ type: 'sort-dates' }, { type: 'decimal-comma' }]);
  assert.deepEqual(result.summary, [{ step: 'decimal-comma', changes: 2 }, { step: 'sort-dates', changes: 2 }]);
  assert.deepEqual(result.table.rows.map((r) => r[1]), ['1.5', '2.5']);
});

test('the DECIMAL_COMMA error of a semicolon file names decimal_comma; with it, the file validates and reads 1,540 as 1.54 (not as dot thousands beside 950)', () => {
  const text = semicolon({
    revenue: (i) => `${1000 + 37 * ((i * 7) % 11)},${i % 10}`,
    tv_spend: (i) => `${100 + 13 * ((i * 3) % 7)},25`,
    price: (i) => (i % 2 === 0 ? '1,540' : '950'),
  });
  const read = readOutcomeFromText(text, 'eu.csv');
  const roles = { target: 'revenue', channels: ['tv_spend'], controls: ['price'] };
  const before = runRules(read, roles).issues.filter((i) => i.code === 'DECIMAL_COMMA');
  assert.ok(before.length > 0);
  for (const issue of before) assert.match(issue.hint, /mixwise fit --clean decimal_comma, or "cleaning: \[decimal_comma\]" in mixwise\.yaml$/);
  const checked = checkAndClean(read, roles, { steps: [{ type: 'decimal-comma' }] });
  assert.equal(checked.validation.ok, true);
  assert.deepEqual(checked.cleaning?.summary, [{ step: 'decimal-comma', changes: 35 }]);
  const built = tableFromCsv(checked.csv, roles);
  assert.deepEqual([...built.table.controls[0].values.slice(0, 2)], [1.54, 950]);
  assert.deepEqual([...built.table.target.values.slice(0, 2)], [1000, 1259.1]);
});

test('the DECIMAL_COMMA error of a comma-separated file (a quoted "12,5") names no cleaning step', () => {
  const text = ['date,revenue,tv_spend', ...Array.from({ length: 14 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10)},"12,5",${i + 1}`)].join('\n');
  const issues = runRules(readOutcomeFromText(text, 'c.csv'), { target: 'revenue', channels: ['tv_spend'] }).issues.filter((i) => i.code === 'DECIMAL_COMMA');
  assert.ok(issues.length > 0);
  assert.doesNotMatch(issues[0].hint, /decimal_comma/);
});

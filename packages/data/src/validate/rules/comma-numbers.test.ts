import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../../read/read-csv.ts';
import { readOutcomeFromText } from '../read-outcome.ts';
import { runRules } from '../run-rules.ts';
import { commaNumbers } from './comma-numbers.ts';
import { baseCells, toText } from '../../../test/make-csv.ts';
import { ruleCase } from '../../../test/rule-case.ts';

const ROLES = { target: 'sales', channels: [{ name: 'tv', column: 'tv_spend' }], controls: ['price'] };

test('a comma file\'s quoted "2,495,881.62" cells are read as numbers, with one THOUSANDS_SEPARATORS warning naming the first', () => {
  const cells = baseCells();
  for (let i = 1; i < cells.length; i++) cells[i][1] = `"2,${String(100 + i)},881.62"`;
  const result = runRules(readOutcomeFromText(toText(cells), 'data.csv'), { target: 'sales' });
  assert.equal(result.ok, true, result.issues.map((i) => i.message).join('\n'));
  const w = result.issues.filter((i) => i.code === 'THOUSANDS_SEPARATORS');
  assert.equal(w.length, 1);
  assert.deepEqual(w[0].at, { file: 'data.csv', row: 2, column: 'sales' });
  assert.match(w[0].message, /"2,101,881\.62" and 29 other values .* read so \("2,101,881\.62" as 2101881\.62/);
  assert.equal(w[0].severity, 'warning');
});

test('a tab file whose price is "1,540" (decimal comma or thousands?) gets AMBIGUOUS_COMMA saying which reading was used and how to have the other; a semicolon file refuses it as a decimal comma', () => {
  const cells = baseCells();
  for (let i = 1; i < cells.length; i++) cells[i][4] = `1,${String(500 + i)}`;
  // In a semicolon file (the European convention) the comma is the decimal point: refused, not read (DECIMAL_COMMA).
  assert.deepEqual(commaNumbers(parseCsvText(toText(cells, ';'), 'data.csv'), ROLES), []);
  const csv = parseCsvText(`\uFEFF${toText(cells, '\t')}`, 'data.csv');
  const [w, ...rest] = commaNumbers(csv, ROLES);
  assert.equal(rest.length, 0);
  assert.equal(w.code, 'AMBIGUOUS_COMMA');
  assert.deepEqual(w.at, { file: 'data.csv', row: 2, column: 'price' });
  assert.match(w.message, /read with the comma as a thousands separator \("1,501" as 1501\), not as a decimal comma \(1\.501\)/);
  assert.match(w.hint, /write the values with "\." as the decimal point/);
  // Found without roles too (validate without --controls: the price is an automatic control).
  assert.equal(commaNumbers(csv, {}).find((i) => i.at.column === 'price')?.code, 'AMBIGUOUS_COMMA');
});

test('a single ",ddd" beside decimals with a dot is thousands, not ambiguous; no comma, no warning', () => {
  const cells = baseCells();
  cells[3][4] = '1,030';
  const csv = parseCsvText(toText(cells, ';'), 'data.csv');
  assert.deepEqual(commaNumbers(csv, ROLES).map((i) => i.code), ['THOUSANDS_SEPARATORS']);
  assert.deepEqual(commaNumbers(parseCsvText(toText(baseCells(), ';'), 'data.csv'), ROLES), []);
});

test('commaNumbers in a semicolon file: a column of "0,1xx" with no role is one DECIMAL_COMMA warning (not used), not AMBIGUOUS_COMMA', () => {
  const cells = baseCells().map((r, i) => [...r, i === 0 ? 'conv_rate' : `0,${100 + i}`]);
  const { csv, roles } = ruleCase(cells, { target: 'sales' }, ';');
  const issues = commaNumbers(csv, roles);
  assert.deepEqual(issues.map((i) => [i.code, i.severity, i.at.row, i.at.column]), [['DECIMAL_COMMA', 'warning', 2, 'conv_rate']]);
  assert.match(issues[0].message, /"0,101" on row 2 is 0\.101/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../test/make-csv.ts';
import { located, ruleCase } from '../../test/rule-case.ts';
import { unreadableDateColumn } from './unreadable-date-column.ts';

/** The base table with every date rewritten. */
function rewritten(f: (iso: string) => string): string[][] {
  return baseCells().map((r, i) => (i === 0 ? r : [f(r[0]), ...r.slice(1)]));
}

test('unreadableDateColumn: Excel serials are one error naming the column, a sample, the reason and the DuckDB fix', () => {
  const { csv } = ruleCase(rewritten((iso) => String(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000 + 25_569)), { target: 'sales', date: 'date' });
  const issue = unreadableDateColumn(csv, 'date');
  assert.deepEqual(located(issue === undefined ? [] : [issue]), [['UNSUPPORTED_DATE_FORMAT', 2, 'date']]);
  assert.equal(issue?.message, 'the date column "date" is written as Excel serial day numbers (30 of 30 values, e.g. "45292" on row 2), which Mixwise does not read: Excel serial day numbers (days since 1899-12-30) are numbers, not dates');
  assert.match(issue?.hint ?? '', /date '1899-12-30' \+ CAST\("date" AS INTEGER\)/);
  assert.match(issue?.hint ?? '', /TO 'd_iso\.csv'/);
});

test('unreadableDateColumn: yyyymmdd, a UTC offset and a time of day each name their pattern and fix', () => {
  const compact = unreadableDateColumn(ruleCase(rewritten((iso) => iso.replace(/-/g, ''))).csv, 'date');
  assert.match(compact?.message ?? '', /written as yyyymmdd \(30 of 30 values, e.g. "20240101" on row 2\)/);
  assert.match(compact?.hint ?? '', /strptime\("date", '%Y%m%d'\)/);
  const offset = unreadableDateColumn(ruleCase(rewritten((iso) => `${iso}T00:00:00+02:00`)).csv, 'date');
  assert.match(offset?.message ?? '', /UTC offset other than Z \(\+02:00\)/);
  assert.match(offset?.hint ?? '', /CAST\(left\("date", 10\) AS DATE\)/);
  const noon = unreadableDateColumn(ruleCase(rewritten((iso) => `${iso} 12:00:00`)).csv, 'date');
  assert.match(noon?.message ?? '', /time of day other than midnight \(12:00:00\)/);
});

test('unreadableDateColumn: text no pattern explains is one INVALID_DATE; a few bad rows are left to the row errors', () => {
  const text = unreadableDateColumn(ruleCase(rewritten(() => 'soon')).csv, 'date');
  assert.equal(text?.code, 'INVALID_DATE');
  assert.match(text?.message ?? '', /the date column "date" cannot be read: 30 of 30 values are not dates \(e.g. "soon" on row 2\)/);
  const cells = baseCells();
  cells[3][0] = '20240115';
  assert.equal(unreadableDateColumn(ruleCase(cells).csv, 'date'), undefined);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../read/read-csv.ts';
import { readOutcomeFromText } from '../validate/read-outcome.ts';
import { runRules } from '../validate/run-rules.ts';
import { tableFromCsv } from '../build/table-from-csv.ts';
import { wideTable } from '../write/wide-table.ts';
import { toCsv } from '../write/write-csv.ts';
import { baseCells, toText } from '../../test/make-csv.ts';
import { BASE_ROLES, located } from '../../test/rule-case.ts';
import { dropRowsAfter } from './drop-rows-after.ts';
import { outcomeUntil } from './outcome-until.ts';
import { warmUpRows } from './warm-up-rows.ts';
import { withoutRaggedAfter } from './ragged-after-end.ts';
import { windowSpan } from './window-span.ts';

// baseCells: 30 weeks from 2024-01-01 (line i + 2 is 2024-01-01 + 7i days)
const START = '2024-01-29'; // row 4, line 6
const ROLES = { ...BASE_ROLES, target: 'sales' };

test('dropRowsAfter leaves out the rows dated after the end and keeps the others\' file lines; an unreadable date stays', () => {
  const cells = baseCells(8);
  cells[8][0] = 'soon';
  const csv = parseCsvText(toText(cells), 'd.csv');
  const { csv: kept, lines } = dropRowsAfter(csv, 'date', '2024-01-31');
  assert.deepEqual(lines, [7, 8]);
  assert.deepEqual(kept.rowNumbers, [2, 3, 4, 5, 6, 9]);
  assert.equal(kept.rows.length, 6);
  assert.equal(dropRowsAfter(csv, 'day', '2024-01-31').lines.length, 0, 'no such column: nothing left out');
});

test('outcomeUntil drops late rows before validation, so their bad cells are not reported', () => {
  const cells = baseCells();
  cells[30][1] = 'abc';
  cells[29][2] = '-5';
  const read = readOutcomeFromText(toText(cells), 'd.csv');
  assert.equal(runRules(read, BASE_ROLES).ok, false);
  const { read: until, ignored } = outcomeUntil(read, BASE_ROLES, '2024-07-08');
  assert.deepEqual(ignored, [30, 31]);
  assert.deepEqual(runRules(until, BASE_ROLES).issues, []);
  assert.equal(outcomeUntil(read, BASE_ROLES, undefined).read, read);
});

test('outcomeUntil: ragged lines dated after the end are ignored like the other late rows; inside the window or with an unreadable date they stay RAGGED_ROW', () => {
  const text = toText(baseCells()); // lines 2–31, 2024-01-01 … 2024-07-22
  const late = readOutcomeFromText(`${text}2024-07-29,1\n2024-08-05,1,2,3,4,5,6,7,8,9\n`, 'd.csv');
  assert.equal(late.csv, undefined);
  const { read, ignored } = outcomeUntil(late, BASE_ROLES, '2024-07-08');
  assert.deepEqual(ignored, [30, 31, 32, 33]);
  assert.deepEqual(runRules(read, BASE_ROLES).issues, []);
  assert.equal(read.csv?.rows.length, 28);

  const refused = (extra: string, end = '2024-07-08'): string[] => {
    const r = withoutRaggedAfter(readOutcomeFromText(text + extra, 'd.csv'), BASE_ROLES, end);
    assert.deepEqual(r.ignored, []);
    return r.read.issues.map((i) => `${i.code}@${String(i.at.row)}`);
  };
  assert.deepEqual(refused('2024-07-29,1\n', '2024-08-05'), ['RAGGED_ROW@32'], 'inside the window');
  // One inside the window keeps the file refused; the late one (line 33) is not reported: it is ignored once line 32 is fixed.
  assert.deepEqual(refused('2024-03-04,1\n2024-07-29,1\n'), ['RAGGED_ROW@32'], 'one inside the window: the file stays refused');
  assert.deepEqual(refused('later,1\n'), ['RAGGED_ROW@32'], 'the date cannot be read');
  const why = (extra: string): string => withoutRaggedAfter(readOutcomeFromText(text + extra, 'd.csv'), BASE_ROLES, '2024-07-08').read.issues[0].message;
  assert.equal(why('2024-03-04,1\n'), 'this row has 2 fields but the header has 6; dated 2024-03-04, inside the window that ends 2024-07-08, so it is used');
  assert.equal(why('later,1\n'), 'this row has 2 fields but the header has 6; it is not ignored as a row after the window\'s end 2024-07-08: '
    + 'its date cannot be told (the date column "date" is field 1 of 6, so on this line its date is in field 1, and it holds no date)');
  assert.match(withoutRaggedAfter(readOutcomeFromText(`${text}later,1\n`, 'd.csv'), BASE_ROLES, '2024-07-08').read.issues[0].hint,
    /put such values in double quotes; or delete the line if its period is not needed$/);
  assert.deepEqual(withoutRaggedAfter(late, BASE_ROLES, undefined).read, late);
});

test('warmUpRows flags the rows before the start; the KPI rules skip them but still check spend there', () => {
  const cells = baseCells();
  cells[1][1] = '';      // line 2: warm-up KPI blank
  cells[2][1] = 'n/a?';  // line 3: warm-up KPI not a number
  cells[3][2] = '';      // line 4: warm-up spend blank
  cells[6][1] = '';      // line 7: KPI in the window
  const csv = parseCsvText(toText(cells), 'd.csv');
  assert.deepEqual(warmUpRows(csv, 'date', START)?.slice(0, 6), [true, true, true, true, false, false]);
  assert.equal(warmUpRows(csv, 'date', undefined), undefined);
  const issues = runRules(readOutcomeFromText(toText(cells), 'd.csv'), BASE_ROLES, { kpiFrom: START }).issues;
  assert.deepEqual(located(issues), [['EMPTY_CELL', 4, 'tv_spend'], ['EMPTY_CELL', 7, 'sales']]);
  const all = runRules(readOutcomeFromText(toText(cells), 'd.csv'), BASE_ROLES).issues;
  assert.deepEqual(located(all).filter(([, , c]) => c === 'sales').map(([, r]) => r), [2, 3, 7]);
});

test('a constant KPI over the window is still refused when only warm-up rows differ', () => {
  const cells = baseCells().map((r, i) => (i === 0 ? r : [r[0], i <= 4 ? String(i) : '500', ...r.slice(2)]));
  const issues = runRules(readOutcomeFromText(toText(cells), 'd.csv'), BASE_ROLES, { kpiFrom: START }).issues;
  assert.ok(issues.some((i) => i.code === 'CONSTANT_TARGET'));
});

test('tableFromCsv with kpiFrom: an unreadable warm-up KPI is NaN, written back as an empty cell', () => {
  const cells = baseCells();
  cells[1][1] = '';
  cells[2][1] = 'NA';
  const csv = parseCsvText(toText(cells), 'd.csv');
  assert.throws(() => tableFromCsv(csv, ROLES), /target value is empty/);
  const { table } = tableFromCsv(csv, ROLES, { kpiFrom: START });
  assert.ok(Number.isNaN(table.target.values[0]) && Number.isNaN(table.target.values[1]));
  assert.equal(table.target.values[2], 1020);
  const wide = wideTable(table);
  assert.match(toCsv(wide.columns, wide.rows).split('\n')[1], /^2024-01-01,,100,/);
});

test('windowSpan counts the file\'s periods in the window before any row is dropped, with the file\'s date range; a panel\'s dates count once', () => {
  const read = readOutcomeFromText(toText(baseCells()), 'd.csv');
  assert.deepEqual(windowSpan(read, ROLES, { end: '2020-01-01' }), { periods: 0, first: '2024-01-01', last: '2024-07-22' });
  assert.deepEqual(windowSpan(read, ROLES, { start: START, end: '2024-03-04' }), { periods: 6, first: '2024-01-01', last: '2024-07-22' });
  assert.equal(windowSpan(read, ROLES, undefined), undefined);
  assert.equal(windowSpan(read, ROLES, {}), undefined);
  const panel = readOutcomeFromText('date,geo,tv_spend,y\n2024-01-01,n,1,2\n2024-01-01,s,1,3\n2024-01-08,n,2,4\n2024-01-08,s,2,5\n', 'p.csv');
  assert.deepEqual(windowSpan(panel, { target: 'y' }, { end: '2024-01-31' }), { periods: 2, first: '2024-01-01', last: '2024-01-08' });
});

test('TOO_FEW_ROWS / FEW_ROWS say they count the rows up to the window\'s end when later rows were left out', () => {
  const { read } = outcomeUntil(readOutcomeFromText(toText(baseCells()), 'd.csv'), ROLES, '2024-02-26');
  const issues = runRules(read, ROLES, { rowsUntil: '2024-02-26' }).issues.filter((i) => i.code === 'TOO_FEW_ROWS');
  assert.match(issues[0].message, /^the file has 9 data rows up to the window's end 2024-02-26; at least 12 periods/);
  assert.match(runRules(read, ROLES).issues.find((i) => i.code === 'TOO_FEW_ROWS')?.message ?? '', /^the file has 9 data rows; /);
});

test('outcomeUntil: a ragged line is judged by its date wherever the date column is, before or after the missing or extra field', () => {
  // The date column last: a missing or extra field before it moves the date, and it is still found.
  const cells = baseCells().map((r) => [...r.slice(1), r[0]]);
  const text = toText(cells); // lines 2–31, 2024-01-01 … 2024-07-22; header sales,tv_spend,search_spend,price,promo,date
  const cases: [string, string][] = [
    ['1,2,3,4,2024-07-29\n', 'a field missing before the date'],
    ['1,2,3,4,5,6,2024-07-29\n', 'a field too many before the date'],
    ['2024-07-29\n', 'only the date'],
  ];
  for (const [extra, name] of cases) {
    const { read, ignored } = outcomeUntil(readOutcomeFromText(text + extra, 'd.csv'), BASE_ROLES, '2024-07-08');
    assert.deepEqual(ignored, [30, 31, 32], name);
    assert.deepEqual(runRules(read, BASE_ROLES).issues, [], name);
  }
  // Inside the window: refused, and the message says the line is dated inside it.
  const inside = withoutRaggedAfter(readOutcomeFromText(`${text}1,2,3,4,2024-03-04\n`, 'd.csv'), BASE_ROLES, '2024-07-08').read.issues;
  assert.deepEqual(located(inside), [['RAGGED_ROW', 32, undefined]]);
  assert.match(inside[0].message, /^this row has 5 fields but the header has 6; dated 2024-03-04, inside the window/);
  // Two different dates where the date could be: it cannot be told, so the line stays an error that says why.
  const ambiguous = withoutRaggedAfter(readOutcomeFromText(`${text}1,2,3,4,5,2024-07-29,2024-03-04\n`, 'd.csv'), BASE_ROLES, '2024-07-08').read.issues;
  assert.deepEqual(located(ambiguous), [['RAGGED_ROW', 32, undefined]]);
  assert.equal(ambiguous[0].at.file, 'd.csv');
  assert.equal(ambiguous[0].message, 'this row has 7 fields but the header has 6; it is not ignored as a row after the window\'s end 2024-07-08: its date cannot be told '
    + '(the date column "date" is field 6 of 6, so on this line its date is in one of fields 6–7, and these hold different dates (field 6: 2024-07-29, field 7: 2024-03-04))');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readOutcomeFromText } from './read-outcome.ts';
import { runRules } from './run-rules.ts';
import { baseCells, toText } from '../../test/make-csv.ts';
import { BASE_ROLES, located } from '../../test/rule-case.ts';

test('runRules: issues of every rule, sorted by row (column-wide issues first), warnings kept', () => {
  const cells = baseCells().map((r, i) => (i === 0 ? r : [...r.slice(0, 4), '4', r[5]])); // constant price
  cells[13][2] = 'abc';        // line 14, tv_spend
  cells[4][0] = '2023-02-30';  // line 5, date
  cells[8][3] = '-5';          // line 9, search_spend
  const result = runRules(readOutcomeFromText(toText(cells), 'd.csv'), BASE_ROLES);
  assert.deepEqual(located(result.issues), [
    ['CONSTANT_CONTROL', undefined, 'price'],
    ['INVALID_DATE', 5, 'date'],
    ['NEGATIVE_SPEND', 9, 'search_spend'],
    ['NOT_A_NUMBER', 14, 'tv_spend'],
  ]);
  assert.equal(result.ok, false);
  assert.deepEqual(result.skipped, []);
});

test('runRules: a good file is ok; without a target the KPI checks are listed as skipped', () => {
  const good = runRules(readOutcomeFromText(toText(baseCells()), 'd.csv'), BASE_ROLES);
  assert.deepEqual(good.issues, []);
  assert.equal(good.ok, true);
  const cells = baseCells().map((r, i) => (i === 0 ? r : [r[0], '5', ...r.slice(2)])); // constant KPI
  const noTarget = runRules(readOutcomeFromText(toText(cells), 'd.csv'), { controls: ['price'], events: ['promo'] });
  assert.deepEqual(noTarget.issues, []);
  assert.match(noTarget.skipped[0], /^KPI checks .*no target column was given$/);
});

test('runRules: a file the reader refuses gives the reader issues only, and at most perCode per code', () => {
  const refused = runRules(readOutcomeFromText('date,y\n', 'd.csv'), { target: 'y' });
  assert.deepEqual(located(refused.issues), [['HEADER_ONLY', 1, undefined]]);
  assert.match(refused.skipped[0], /could not be read/);
  const cells = baseCells();
  for (let i = 1; i <= 5; i++) cells[i][2] = 'x';
  const capped = runRules(readOutcomeFromText(toText(cells), 'd.csv'), BASE_ROLES, { perCode: 3 });
  assert.deepEqual(capped.issues.map((i) => [i.code, i.at.row]),
    [['NOT_A_NUMBER', 2], ['NOT_A_NUMBER', 3], ['NOT_A_NUMBER', 4], ['MORE_ISSUES', undefined]]);
});

test('runRules: with the roles set in the config, the role hints name its keys, not the command line flags', () => {
  // No date column (nor one named like it), no column named like spend: NO_DATE_COLUMN and NO_CHANNELS, from missingColumns.
  const cells = baseCells().map((r) => r.map((c) => (c === 'date' ? 'when' : c.replace(/_spend$/, ''))));
  const read = readOutcomeFromText(toText(cells.map((r, i) => (i === 0 ? r : [String(i), ...r.slice(1)]))), 'd.csv');
  const hints = (rolesIn?: 'flags' | 'config'): string[] => runRules(read, { target: 'sales' }, rolesIn === undefined ? {} : { rolesIn }).issues
    .filter((i) => i.code === 'NO_DATE_COLUMN' || i.code === 'NO_CHANNELS').map((i) => i.hint);
  const flags = hints();
  assert.equal(flags.length, 2);
  assert.match(flags[0], /^name the date column with --date COL; /);
  assert.match(flags[1], /name them with --channels col1,col2/);
  const config = hints('config');
  assert.match(config[0], /^name the date column as columns\.date in mixwise\.yaml; dates must look like 2024-01-31 \(available columns: when, /);
  assert.match(config[1], /^rename the spend columns to <channel>_spend, or list them under columns\.channels in mixwise\.yaml \(available columns: /);
  for (const hint of config) assert.doesNotMatch(hint, /--/);
});

test('runRules on a long file by channel (KPI repeated on each row): LONG_FORMAT alone, not also "no spend columns found" (as init)', () => {
  const lines = ['date,channel,spend,impressions,conversions'];
  for (let w = 0; w < 60; w++) {
    const d = new Date(Date.UTC(2021, 0, 25 + 7 * w)).toISOString().slice(0, 10);
    ['Channel0', 'Channel1', 'Channel2'].forEach((c, k) => lines.push(`${d},${c},${1000 * (k + 1) + 37 * w},${9000 * (k + 1) + w},${386300 + 911 * w}`));
  }
  const result = runRules(readOutcomeFromText(lines.join('\n'), 'long.csv'), { target: 'conversions' });
  assert.deepEqual(result.issues.map((i) => i.code), ['LONG_FORMAT']);
  assert.equal(result.ok, false);
});

test('runRules: a column named like the date column whose dates cannot be read is blamed as with --date, not "no column looks like dates"', () => {
  const cells = baseCells().map((r, i) => (i === 0 ? ['time', ...r.slice(1)] : [new Date(`${r[0]}T00:00:00Z`).toUTCString().slice(5, 16), ...r.slice(1)]));
  const read = readOutcomeFromText(toText(cells), 'd.csv');
  const detected = runRules(read, { target: 'sales' }).issues.filter((i) => i.severity === 'error');
  const given = runRules(read, { target: 'sales', date: 'time' }).issues.filter((i) => i.severity === 'error');
  assert.deepEqual(detected.map((i) => [i.code, i.at.column]), [['INVALID_DATE', 'time']]);
  assert.match(detected[0].message, /^the date column "time" cannot be read: \d+ of \d+ values are not dates \(e\.g\. "\d\d \w{3} \d{4}" on row 2\)/);
  assert.match(detected[0].hint, /name the date column with --date COL/);
  assert.deepEqual(detected, given);
});

test('runRules: a rule finding 150,000 bad cells is summarised, not a stack overflow', () => {
  // One NaN spend per row: a rule returns more issues than a call can take as spread arguments.
  const day = (d: number) => new Date(Date.UTC(1900, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
  const lines = ['date,geo,revenue,tv_spend'];
  for (let d = 0; d < 37_500; d++) for (const g of 'ABCD') lines.push(`${day(d)},${g},${1000 + (d % 7)},NaN`);
  const result = runRules(readOutcomeFromText(lines.join('\n') + '\n', 'p.csv'), { target: 'revenue', channels: ['tv_spend'] });
  assert.equal(result.ok, false);
  const more = result.issues.find((i) => i.code === 'MORE_ISSUES' && i.message.includes('NON_FINITE'));
  assert.ok(more !== undefined, 'the NaN cells beyond the cap are one summary');
  assert.ok(result.issues.length < 100);
});

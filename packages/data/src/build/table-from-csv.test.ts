import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Issue } from '../issue.ts';
import type { TableRoles } from './resolve-roles.ts';
import { DataError } from '../issue.ts';
import { parseCsvText } from '../read/read-csv.ts';
import { tableFromCsv } from './table-from-csv.ts';
import { baseCells, toText } from '../../test/make-csv.ts';

const ROLES: TableRoles = { target: 'sales', controls: ['price'], events: ['promo'] };

/** Builds from cells; returns the DataError's issues (fails if nothing is thrown). */
function errorsOf(cells: string[][], roles: TableRoles = ROLES, delimiter = ','): Issue[] {
  try {
    tableFromCsv(parseCsvText(toText(cells, delimiter), 'data.csv'), roles);
  } catch (err) {
    assert.ok(err instanceof DataError, String(err));
    return err.issues.filter((i) => i.severity === 'error');
  }
  assert.fail('expected a DataError');
}

const where = (i: Issue) => [i.code, i.at.row, i.at.column];

test('valid weekly table: values, roles, defaults', () => {
  const { table, warnings, roles } = tableFromCsv(parseCsvText(toText(baseCells(30)), 'data.csv'), ROLES);
  assert.equal(table.dates.length, 30);
  assert.equal(table.dates[1], '2024-01-08');
  assert.equal(table.frequency, 'weekly');
  assert.equal(table.target.name, 'sales');
  assert.equal(table.target.kind, 'revenue');
  assert.equal(table.target.values[3], 1030);
  assert.deepEqual(table.channels.map((c) => [c.name, c.column]), [['tv', 'tv_spend'], ['search', 'search_spend']]);
  assert.deepEqual(Array.from(table.channels[1].spend.slice(0, 4)), [50, 60, 70, 50]);
  assert.deepEqual(table.controls.map((c) => [c.name, c.sign, c.values[1]]), [['price', 'free', 10.49]]);
  assert.deepEqual(table.events.map((e) => e.name), ['promo']);
  assert.deepEqual(Array.from(table.events[0].values.slice(0, 5)), [1, 0, 0, 0, 1]);
  assert.deepEqual(warnings, []);
  assert.equal(roles.date, 'date');
});

test('control signs and target kind are passed through', () => {
  const { table } = tableFromCsv(parseCsvText(toText(baseCells()), 'data.csv'),
    { ...ROLES, controlSigns: { price: 'negative' }, targetKind: 'count' });
  assert.equal(table.controls[0].sign, 'negative');
  assert.equal(table.target.kind, 'count');
});

test('missing target, date, channel and control columns are all reported, with available columns', () => {
  const issues = errorsOf(baseCells(), { target: 'revenue', date: 'week', channels: ['radio_spend'], controls: ['temp'] });
  assert.deepEqual(issues.map((i) => [i.code, i.at.column]), [
    ['MISSING_COLUMN', 'revenue'], ['MISSING_COLUMN', 'week'], ['MISSING_COLUMN', 'radio_spend'], ['MISSING_COLUMN', 'temp'],
  ]);
  assert.ok(issues.every((i) => i.hint.includes('available columns: date, sales, tv_spend, search_spend, price, promo')));
});

test('a column in two roles and a sign for a non-control are errors', () => {
  const issues = errorsOf(baseCells(), { target: 'sales', controls: ['tv_spend'], controlSigns: { promo: 'positive' } });
  assert.deepEqual(issues.map((i) => [i.code, i.at.column]).sort(), [['ROLE_CONFLICT', 'tv_spend'], ['UNKNOWN_CONTROL_SIGN', 'promo']]);
});

test('non-numeric spend: row, column and the bad value', () => {
  const cells = baseCells();
  cells[13][2] = 'abc'; // file line 14
  const [issue] = errorsOf(cells);
  assert.deepEqual(where(issue), ['NOT_A_NUMBER', 14, 'tv_spend']);
  assert.match(issue.message, /"abc"/);
});

test('every bad cell is collected, not just the first', () => {
  const cells = baseCells();
  cells[2][1] = '';        // empty target, line 3
  cells[4][3] = '';        // empty spend, line 5
  cells[5][2] = '-10';     // negative spend, line 6
  cells[6][4] = 'NaN';     // non-finite control, line 7
  cells[7][2] = '$100';    // currency, line 8
  cells[8][1] = 'Infinity';// line 9
  cells[9][3] = '12%';     // line 10
  cells[10][4] = 'NA';     // NA control, line 11
  const issues = errorsOf(cells);
  assert.deepEqual(issues.map(where), [
    ['EMPTY_CELL', 3, 'sales'],
    ['NON_FINITE', 9, 'sales'],
    ['NEGATIVE_SPEND', 6, 'tv_spend'],
    ['CURRENCY_SYMBOL', 8, 'tv_spend'],
    ['EMPTY_CELL', 5, 'search_spend'],
    ['PERCENT_VALUE', 10, 'search_spend'],
    ['NON_FINITE', 7, 'price'],
    ['EMPTY_CELL', 11, 'price'],
  ]);
  assert.match(issues[4].hint, /write 0/);
});

test('thousands separators: accepted in a semicolon file and, quoted, in a comma file', () => {
  const cells = baseCells();
  cells[3][1] = '1,030.5';
  const { table } = tableFromCsv(parseCsvText(toText(cells, ';'), 'data.csv'), ROLES);
  assert.equal(table.target.values[2], 1030.5);
  const commaCells = baseCells();
  commaCells[3][1] = '"1,030.5"';
  const { table: comma } = tableFromCsv(parseCsvText(toText(commaCells), 'data.csv'), ROLES);
  assert.equal(comma.target.values[2], 1030.5);
});

test('a decimal comma is refused with a hint', () => {
  const cells = baseCells();
  cells[3][4] = '9,99';
  const [issue] = errorsOf(cells, ROLES, ';');
  assert.deepEqual(where(issue), ['DECIMAL_COMMA', 4, 'price']);
});

test('dates: unparseable, impossible and ambiguous', () => {
  const cells = baseCells();
  cells[3][0] = 'soon';
  cells[4][0] = '2024-02-30';
  const issues = errorsOf(cells);
  assert.deepEqual(issues.map(where), [['INVALID_DATE', 4, 'date'], ['INVALID_DATE', 5, 'date']]);
  const dmy = baseCells().map((r, i) => (i === 0 ? r : [r[0].slice(8, 10) + '/' + r[0].slice(5, 7) + '/' + r[0].slice(0, 4), ...r.slice(1)]));
  const ambiguous = errorsOf(dmy);
  const day = ambiguous.find((i) => i.code === 'NON_ISO_DATES');
  assert.ok(day !== undefined, JSON.stringify(ambiguous));
  assert.match(day.message, /the dates are written dd\/mm\/yyyy \(a day above 12 in the first place shows it/);
  assert.match(day.hint, /yyyy-mm-dd/);
  const early = baseCells(14).map((r, i) => (i === 0 || i > 2 ? r : [r[0].slice(8, 10) + '/' + r[0].slice(5, 7) + '/' + r[0].slice(0, 4), ...r.slice(1)]));
  assert.deepEqual(errorsOf(early).map(where), [['MIXED_DATE_FORMAT', 2, 'date'], ['MIXED_DATE_FORMAT', 3, 'date']]);
});

test('duplicate dates and unsorted dates are errors, nothing is reordered', () => {
  const dup = baseCells();
  dup[5][0] = dup[4][0];
  const dupIssues = errorsOf(dup);
  assert.deepEqual(dupIssues.map(where), [['DUPLICATE_DATE', 6, 'date']]);
  assert.match(dupIssues[0].message, /already appears on row 5/);
  assert.match(dupIssues[0].hint, /differs from row 5 in sales, tv_spend/);
  const copy = baseCells();
  copy.splice(6, 0, [...copy[5]]);
  assert.match(errorsOf(copy)[0].hint, /^delete the repeated row: it is an exact copy of row 6/);
  const unsorted = baseCells();
  [unsorted[7], unsorted[8]] = [unsorted[8], unsorted[7]];
  const [issue] = errorsOf(unsorted);
  assert.deepEqual(where(issue), ['UNSORTED_DATES', 9, 'date']);
  assert.match(issue.hint, /sort the rows by date/);
});

test('a missing week is IRREGULAR_DATES', () => {
  const cells = baseCells();
  cells.splice(10, 1); // drop file line 11
  const [issue] = errorsOf(cells);
  assert.deepEqual(where(issue), ['IRREGULAR_DATES', 11, 'date']);
});

test('too few rows: < 12 is an error, < max(2 × parameters, 26) a warning', () => {
  const few = errorsOf(baseCells(11));
  assert.deepEqual(few.map((i) => i.code), ['TOO_FEW_ROWS']);
  assert.match(few[0].message, /11 data rows; at least 12/);
  // parameters: 1 + 3·2 channels + 1 control + 1 event = 9 → max(18, 26) = 26 periods recommended
  const { warnings } = tableFromCsv(parseCsvText(toText(baseCells(20)), 'data.csv'), ROLES);
  assert.deepEqual(warnings.map((w) => w.code), ['FEW_ROWS']);
  assert.match(warnings[0].message, /20 periods for about 9 parameters; at least max\(2 × 9, 26\) = 26/);
  const { warnings: none } = tableFromCsv(parseCsvText(toText(baseCells(26)), 'data.csv'), ROLES);
  assert.deepEqual(none, []);
});

test('constant target and never-spending channel are errors; a constant control is a warning', () => {
  const constant = baseCells().map((r, i) => (i === 0 ? r : [r[0], '5', ...r.slice(2)]));
  assert.deepEqual(errorsOf(constant).map((i) => [i.code, i.at.column]), [['CONSTANT_TARGET', 'sales']]);
  const silent = baseCells().map((r, i) => (i === 0 ? r : [r[0], r[1], '0', ...r.slice(3)]));
  assert.deepEqual(errorsOf(silent).map((i) => [i.code, i.at.column]), [['CHANNEL_NEVER_SPENDS', 'tv_spend']]);
  const cells = baseCells().map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], r[3], '4', r[5]]));
  const { warnings } = tableFromCsv(parseCsvText(toText(cells), 'data.csv'), ROLES);
  assert.deepEqual(warnings.map((w) => [w.code, w.severity, w.at.column]), [['CONSTANT_CONTROL', 'warning', 'price']]);
});

test('without controls or events given, spare numeric columns become controls (AUTO_CONTROLS lists them) and 0/1 columns events', () => {
  const { warnings, table, roles } = tableFromCsv(parseCsvText(toText(baseCells()), 'data.csv'), { target: 'sales' });
  assert.deepEqual(warnings.map((w) => w.code), ['AUTO_CONTROLS']);
  assert.match(warnings[0].message, /: price$/);
  assert.match(warnings[0].hint, /--no-auto-controls/);
  assert.deepEqual(table.controls.map((c) => [c.name, c.sign]), [['price', 'free']]);
  assert.deepEqual(roles.controls, ['price']);
  assert.deepEqual(table.events.map((e) => e.name), ['promo']);
});

test('with autoControls false the spare numeric columns are listed as candidates instead', () => {
  const { warnings, table } = tableFromCsv(parseCsvText(toText(baseCells()), 'data.csv'), { target: 'sales', autoControls: false });
  assert.deepEqual(table.controls, []);
  assert.deepEqual(warnings.map((w) => w.code), ['UNUSED_COLUMNS']);
  assert.match(warnings[0].message, /: price$/);
});

test('with autoEvents false no event is detected, and a 0/1 column is not made a control either', () => {
  const { warnings, table } = tableFromCsv(parseCsvText(toText(baseCells()), 'data.csv'), { target: 'sales', autoEvents: false });
  assert.deepEqual(table.events, []);
  assert.deepEqual(table.controls.map((c) => c.name), ['price']);
  assert.deepEqual(warnings.map((w) => w.code), ['AUTO_CONTROLS', 'UNUSED_COLUMNS']);
  assert.match(warnings[1].message, /: promo$/);
  assert.match(warnings[1].hint, /--events \(candidates: promo\)/);
});

test('columns left out of the automatic controls are listed with the reason', () => {
  const cells = baseCells().map((r, i) => [...r, i === 0 ? 'orders' : String(3 + (i % 5)), i === 0 ? 'tv_grps' : String(2 * i), i === 0 ? 'week_nbr' : String(i)]);
  const { warnings, table } = tableFromCsv(parseCsvText(toText(cells), 'data.csv'), { target: 'sales' });
  assert.deepEqual(table.controls.map((c) => c.name), ['price']);
  const unused = warnings.find((w) => w.code === 'UNUSED_COLUMNS');
  assert.equal(unused?.message, 'numeric columns not used by the model: orders (named like a KPI), tv_grps (named like media exposure), week_nbr (a calendar field)');
});

test('with the controls given (a config\'s columns.controls, as on the sources: path), the unused columns get the same reasons, and the hint offers only the candidates', () => {
  const cells = baseCells().map((r, i) => [...r, i === 0 ? 'conversions' : String(3 + (i % 5)), i === 0 ? 'tv_impressions' : String(2 * i), i === 0 ? 'population' : '5000']);
  const csv = parseCsvText(toText(cells), 'data.csv');
  const { warnings } = tableFromCsv(csv, { target: 'sales', controls: [], events: ['promo'] }, { rolesIn: 'config' });
  const unused = warnings.find((w) => w.code === 'UNUSED_COLUMNS');
  assert.equal(unused?.message, 'numeric columns not used by the model: price, conversions (named like a KPI), tv_impressions (named like media exposure), population (constant)');
  assert.equal(unused?.hint, 'add those that drive the KPI (price, distribution, competitor activity…) to columns.controls in mixwise.yaml');
  // Only ruled-out columns left: the hint does not ask to add them to the controls.
  const only = tableFromCsv(csv, { target: 'sales', controls: ['price'], events: ['promo'] }, { rolesIn: 'config' }).warnings.find((w) => w.code === 'UNUSED_COLUMNS');
  assert.match(only?.message ?? '', /: conversions \(named like a KPI\), tv_impressions \(named like media exposure\), population \(constant\)$/);
  assert.doesNotMatch(only?.hint ?? '', /columns\.controls/);
});

test('with automatic controls, a column given a sign is a control; with explicit controls it must be among them', () => {
  const { table } = tableFromCsv(parseCsvText(toText(baseCells()), 'data.csv'), { target: 'sales', events: [], controlSigns: { price: 'negative', promo: 'positive' } });
  assert.deepEqual(table.controls.map((c) => [c.name, c.sign]), [['price', 'negative'], ['promo', 'positive']]);
  assert.deepEqual(errorsOf(baseCells(), { target: 'sales', controls: ['price'], controlSigns: { promo: 'positive' } }).map((i) => i.code), ['UNKNOWN_CONTROL_SIGN']);
  assert.deepEqual(errorsOf(baseCells(), { target: 'sales', controlSigns: { nothere: 'positive' } }).map(where), [['MISSING_COLUMN', undefined, 'nothere']]);
});

test('categorical event column expands to one dummy per level other than na', () => {
  const cells = baseCells().map((r, i) => [...r, i === 0 ? 'events' : i === 3 ? 'black friday' : i === 9 ? 'xmas' : 'na']);
  const { table } = tableFromCsv(parseCsvText(toText(cells), 'data.csv'), { target: 'sales', events: ['events'] });
  assert.deepEqual(table.events.map((e) => e.name), ['events_black_friday', 'events_xmas']);
  assert.deepEqual(Array.from(table.events[0].values).flatMap((v, i) => (v === 1 ? [i] : [])), [2]);
  assert.deepEqual(Array.from(table.events[1].values).flatMap((v, i) => (v === 1 ? [i] : [])), [8]);
});

test('numeric event outside 0..1 is EVENT_NOT_DUMMY', () => {
  const cells = baseCells();
  cells[6][5] = '2';
  assert.deepEqual(errorsOf(cells).map(where), [['EVENT_NOT_DUMMY', 7, 'promo']]);
});

test('no channels detected: NO_CHANNELS with a hint naming --channels', () => {
  const cells = baseCells().map((r) => [r[0], r[1], r[4]]);
  const issues = errorsOf(cells, { target: 'sales' });
  assert.deepEqual(issues.map((i) => i.code), ['NO_CHANNELS']);
  assert.match(issues[0].hint, /--channels/);
});

test('no date-like column: NO_DATE_COLUMN', () => {
  const cells = baseCells().map((r) => r.slice(1));
  assert.deepEqual(errorsOf(cells, { target: 'sales' }).map((i) => i.code), ['NO_DATE_COLUMN']);
});

test('an unused text column is named in UNUSED_COLUMNS with how to use it as events (--events COL), not dropped without a word', () => {
  const rows = Array.from({ length: 30 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10)},${1000 + ((i * 37) % 101)},${100 + ((i * 7) % 13)},${i === 5 ? 'event1' : i === 17 ? 'event2' : 'na'}`);
  const csv = parseCsvText(['date,revenue,tv_spend,events', ...rows].join('\n'), 'robyn.csv');
  const unused = tableFromCsv(csv, { target: 'revenue' }).warnings.find((w) => w.code === 'UNUSED_COLUMNS');
  assert.equal(unused?.message, 'text columns not used by the model: events (values: na, event1, event2)');
  assert.match(unused.hint, /pass it with --events COL \(candidates: events\): each value other than na, none or an empty cell becomes a 0\/1 event/);
  const config = tableFromCsv(csv, { target: 'revenue' }, { rolesIn: 'config' }).warnings.find((w) => w.code === 'UNUSED_COLUMNS');
  assert.match(config?.hint ?? '', /add it to columns\.events in mixwise\.yaml/);
  // Used as events, it is no longer listed.
  const used = tableFromCsv(csv, { target: 'revenue', events: ['events'] });
  assert.deepEqual(used.table.events.map((e) => e.name), ['events_event1', 'events_event2']);
  assert.equal(used.warnings.find((w) => w.code === 'UNUSED_COLUMNS'), undefined);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CleaningRoles } from '../change.ts';
import { DataError } from '../../issue.ts';
import { parseCsvText } from '../../read/read-csv.ts';
import { runCleaning } from '../run-cleaning.ts';
import { rollUpPanel, sumPanel } from './sum-panel.ts';

const ROLES: CleaningRoles = { date: 'date', target: 'y', spend: ['tv_spend'], controls: ['price'], events: [] };

// Two weeks × two geos: file lines 2–5.
const PANEL = 'date,geo,y,tv_spend,price,promo,orders\n'
  + '2024-01-01,north,100,10,2,0,5\n2024-01-01,south,300,30,4,1,7\n'
  + '2024-01-08,north,110,0.1,2,0,6\n2024-01-08,south,330,0.2,3,0,8\n';

function codes(fn: () => unknown): [string, number | undefined, string | undefined][] {
  try {
    fn();
  } catch (err) {
    if (err instanceof DataError) return err.issues.map((i) => [i.code, i.at.row, i.at.column]);
    throw err;
  }
  throw new Error('expected a DataError');
}

test('sumPanel: KPI, spend and other numbers summed, controls averaged, 0/1 columns by their largest value; the geo column goes', () => {
  const csv = parseCsvText(PANEL, 'p.csv');
  const { table } = sumPanel(csv, { roles: ROLES });
  assert.deepEqual(table.header, ['date', 'y', 'tv_spend', 'price', 'promo', 'orders']);
  assert.deepEqual(table.rows, [['2024-01-01', '400', '40', '3', '1', '12'], ['2024-01-08', '440', '0.3', '2.5', '0', '14']]);
  assert.deepEqual(table.rowNumbers, [2, 4], 'each date keeps the file line of its first row');
  assert.equal(csv.rows.length, 4, 'the input is not modified');
});

test('sumPanel: every combined cell is one change with its parts; one change per date for the panel column', () => {
  const { changes } = sumPanel(parseCsvText(PANEL, 'p.csv'), { roles: ROLES });
  assert.equal(changes.length, 2 * (5 + 1));
  assert.deepEqual(changes.slice(0, 6), [
    { step: 'sum-panel', column: 'y', row: 2, date: '2024-01-01', before: '100 + 300', after: '400', reason: 'sum of the 2 geo rows of this date' },
    { step: 'sum-panel', column: 'tv_spend', row: 2, date: '2024-01-01', before: '10 + 30', after: '40', reason: 'sum of the 2 geo rows of this date' },
    { step: 'sum-panel', column: 'price', row: 2, date: '2024-01-01', before: '2 + 4', after: '3', reason: 'mean of the 2 geo rows of this date' },
    { step: 'sum-panel', column: 'promo', row: 2, date: '2024-01-01', before: '0 + 1', after: '1',
      reason: 'largest value of the 2 geo rows of this date (an event in any of them counts)' },
    { step: 'sum-panel', column: 'orders', row: 2, date: '2024-01-01', before: '5 + 7', after: '12', reason: 'sum of the 2 geo rows of this date' },
    { step: 'sum-panel', column: 'geo', row: 2, date: '2024-01-01', before: 'north + south', after: null,
      reason: '2 rows of this date combined into one (file lines 2, 3)' },
  ]);
});

test('sumPanel: a national series split into geos by shares adds back up to the national series exactly', () => {
  // Known answer: any split whose parts are exact in binary (quarters) sums back to the original text.
  const weeks = 20;
  let national = 'date,y,tv_spend,search_spend,price\n';
  let panel = 'date,region,y,tv_spend,search_spend,price\n';
  for (let i = 0; i < weeks; i++) {
    const d = new Date(Date.UTC(2023, 0, 2 + 7 * i)).toISOString().slice(0, 10);
    const y = 1000 + 37 * i, tv = 400 + 12 * (i % 5), search = 20 * (i % 3), price = 9.5 + 0.25 * (i % 2);
    national += `${d},${y},${tv},${search},${price}\n`;
    for (const [name, share] of [['east', 0.25], ['west', 0.5], ['central', 0.25]] as const) {
      panel += `${d},${name},${y * share},${tv * share},${search * share},${price}\n`;
    }
  }
  const roles: CleaningRoles = { date: 'date', target: 'y', spend: ['tv_spend', 'search_spend'], controls: ['price'], events: [] };
  const { table } = sumPanel(parseCsvText(panel, 'p.csv'), { roles });
  const want = parseCsvText(national, 'n.csv');
  assert.deepEqual(table.header, want.header);
  assert.deepEqual(table.rows, want.rows);
});

test('sumPanel: keep one value models that geo alone (each removed row is a change); several values are summed', () => {
  const csv = parseCsvText(PANEL, 'p.csv');
  const one = sumPanel(csv, { roles: ROLES, column: 'geo', keep: ['south'] });
  assert.deepEqual(one.table.rows, [['2024-01-01', '300', '30', '4', '1', '7'], ['2024-01-08', '330', '0.2', '3', '0', '8']]);
  assert.deepEqual(one.table.rowNumbers, [3, 5]);
  assert.deepEqual(one.changes, [
    { step: 'sum-panel', column: 'geo', row: 2, date: '2024-01-01', before: 'north', after: null, reason: 'row removed: only "south" is kept' },
    { step: 'sum-panel', column: 'geo', row: 4, date: '2024-01-08', before: 'north', after: null, reason: 'row removed: only "south" is kept' },
  ]);
  assert.deepEqual(sumPanel(csv, { roles: ROLES, keep: ['north', 'south'], column: 'geo' }).table.rows, sumPanel(csv, { roles: ROLES }).table.rows);
  assert.deepEqual(codes(() => sumPanel(csv, { roles: ROLES, column: 'geo', keep: ['west'] })), [['PANEL_VALUE', undefined, 'geo']]);
  assert.deepEqual(codes(() => sumPanel(csv, { roles: ROLES, column: 'region' })), [['MISSING_COLUMN', undefined, 'region']]);
});

test('sumPanel: a date missing a geo is refused at its first file line, a geo twice at the repeated line', () => {
  const missing = parseCsvText(PANEL + '2024-01-15,north,120,10,2,0,5\n', 'p.csv');
  assert.deepEqual(codes(() => sumPanel(missing, { roles: ROLES, column: 'geo' })), [['PANEL_UNBALANCED', 6, 'geo']]);
  const twice = parseCsvText(PANEL + '2024-01-15,north,120,10,2,0,5\n2024-01-15,north,121,11,2,0,5\n', 'p.csv');
  try {
    sumPanel(twice, { roles: ROLES, column: 'geo' });
    assert.fail('expected a DataError');
  } catch (err) {
    assert.ok(err instanceof DataError);
    assert.deepEqual(err.issues.map((i) => [i.code, i.at.row, i.at.column]), [['DUPLICATE_PANEL_ROW', 7, 'geo'], ['PANEL_UNBALANCED', 6, 'geo']]);
    assert.match(err.issues[0].message, /^sum_panel: north on 2024-01-15 already appears on line 6/);
    assert.match(err.issues[1].message, /the date 2024-01-15 has no row for "south"/);
  }
  // Without a named column the uneven panel's column is still found, and the date that lacks a row is named.
  assert.deepEqual(codes(() => sumPanel(missing, { roles: ROLES })), [['PANEL_UNBALANCED', 6, 'geo']]);
  // A date with a geo twice leaves no column that splits the dates into distinct rows: name the column.
  assert.deepEqual(codes(() => sumPanel(twice, { roles: ROLES })), [['PANEL_UNBALANCED', undefined, 'date']]);
  // The hint names the column setting as fit's --clean and the config (both), or as the config alone (mixwise prepare).
  const hint = (hints?: 'config'): string => {
    try {
      runCleaning(twice, ROLES, [{ type: 'sum-panel' }], hints === undefined ? {} : { hints });
    } catch (err) {
      if (err instanceof DataError) return err.issues[0].hint;
      throw err;
    }
    throw new Error('expected a DataError');
  };
  assert.equal(hint(), 'name the panel column (mixwise fit --clean sum_panel=COLUMN, or "{ sum_panel: { column: COLUMN } }" in mixwise.yaml); a date that lacks a row is then reported');
  assert.equal(hint('config'), 'name the panel column ("{ sum_panel: { column: COLUMN } }" in mixwise.yaml); a date that lacks a row is then reported');
});

test('sumPanel: a KPI, spend or control cell that cannot be added is an error at its own line; other columns become empty', () => {
  const gap = parseCsvText(PANEL.replace('2024-01-08,south,330,0.2', '2024-01-08,south,330,'), 'p.csv');
  assert.deepEqual(codes(() => sumPanel(gap, { roles: ROLES })), [['EMPTY_CELL', 5, 'tv_spend']]);
  const text = parseCsvText(PANEL.replace('110,0.1,2', '110,0.1,n/a'), 'p.csv');
  assert.deepEqual(codes(() => sumPanel(text, { roles: ROLES })), [['EMPTY_CELL', 4, 'price']]);
  const other = parseCsvText(PANEL.replace(',0,8\n', ',0,\n'), 'p.csv');
  assert.deepEqual(sumPanel(other, { roles: ROLES }).table.rows[1], ['2024-01-08', '440', '0.3', '2.5', '0', '']);
});

test('sumPanel: text that differs within a date is removed (one change); text shared by the rows stays', () => {
  const csv = parseCsvText('date,geo,country,manager,y,tv_spend,price\n'
    + '2024-01-01,n,UK,Ann,1,1,1\n2024-01-01,s,UK,Bob,2,2,1\n2024-01-08,n,UK,Ann,3,3,1\n2024-01-08,s,UK,Bob,4,4,1\n', 'p.csv');
  const { table, changes } = sumPanel(csv, { roles: ROLES });
  assert.deepEqual(table.header, ['date', 'country', 'y', 'tv_spend', 'price']);
  assert.deepEqual(table.rows[0], ['2024-01-01', 'UK', '3', '3', '1']);
  assert.deepEqual(changes.filter((c) => c.column === 'manager'), [{ step: 'sum-panel', column: 'manager', row: null, date: null, before: 'text column', after: null,
    reason: 'removed: its text differs between the geo rows of a date, so it cannot be combined' }]);
});

test('sumPanel: a file whose dates do not repeat is returned as it is; runCleaning wants sum-panel first', () => {
  const csv = parseCsvText('date,y,tv_spend,price\n2024-01-01,1,1,1\n2024-01-08,2,2,1\n', 'n.csv');
  const out = sumPanel(csv, { roles: ROLES });
  assert.equal(out.table, csv);
  assert.deepEqual(out.changes, []);
  assert.throws(() => runCleaning(csv, ROLES, [{ type: 'sort-dates' }, { type: 'sum-panel' }]), RangeError);
  const panel = parseCsvText(PANEL, 'p.csv');
  assert.deepEqual(runCleaning(panel, ROLES, [{ type: 'sum-panel' }, { type: 'sort-dates' }]).summary,
    [{ step: 'sum-panel', changes: 12 }, { step: 'sort-dates', changes: 0 }]);
});

test('sumPanel and rollUpPanel: a number with no role named like a rate or level is averaged, not summed, and the change log says why', () => {
  const csv = parseCsvText('date,geo,y,tv_spend,revenue_per_conversion,population\n'
    + '2024-01-01,a,100,10,0.02,1000\n2024-01-01,b,300,30,0.04,3000\n2024-01-08,a,110,11,0.03,1000\n2024-01-08,b,330,33,0.05,3000\n', 'm.csv');
  const roles: CleaningRoles = { date: 'date', target: 'y', spend: ['tv_spend'], controls: [], events: [] };
  const { table, changes } = sumPanel(csv, { roles });
  assert.deepEqual(table.rows, [['2024-01-01', '400', '40', '0.03', '4000'], ['2024-01-08', '440', '44', '0.04', '4000']]);
  assert.equal(changes.find((c) => c.column === 'revenue_per_conversion')?.reason,
    'mean of the 2 geo rows of this date (named like a rate or level, which does not add up)');
  assert.equal(changes.find((c) => c.column === 'population' && c.row !== null)?.reason, 'sum of the 2 geo rows of this date');
  // The roll-up init detects roles on combines every column the same way.
  assert.deepEqual(rollUpPanel(csv).csv.rows, table.rows);
});

// Two weeks × a big geo (population 3000) and a small one (1000), with a control and an automatic one.
const WEIGHTED = 'date,geo,y,tv_spend,sentiment_control,promo_level,population\n'
  + '2024-01-01,big,300,30,1,0.5,3000\n2024-01-01,small,100,10,-3,0.1,1000\n'
  + '2024-01-08,big,330,33,2,0.25,3000\n2024-01-08,small,110,11,6,0.75,1000\n';

test('sumPanel: with a population column (the same on every row of a geo), controls are population-weighted means and the log says so', () => {
  const roles: CleaningRoles = { date: 'date', target: 'y', spend: ['tv_spend'], controls: ['sentiment_control', 'promo_level', 'population'], events: [] };
  const { table, changes } = sumPanel(parseCsvText(WEIGHTED, 'w.csv'), { roles });
  assert.deepEqual(table.header, ['date', 'y', 'tv_spend', 'sentiment_control', 'promo_level', 'population']);
  // (3·1 + 1·(−3)) / 4 = 0; (3·0.5 + 0.1) / 4 = 0.4; (3·2 + 6) / 4 = 3; (3·0.25 + 0.75) / 4 = 0.375. The population is summed, not averaged.
  assert.deepEqual(table.rows, [['2024-01-01', '400', '40', '0', '0.4', '4000'], ['2024-01-08', '440', '44', '3', '0.375', '4000']]);
  assert.equal(changes.find((c) => c.column === 'sentiment_control')?.reason, 'mean of the 2 geo rows of this date weighted by "population"');
  const note = changes.find((c) => c.column === 'population' && c.row === null);
  assert.equal(note?.before, 'population column');
  assert.match(note?.reason ?? '', /summed over the geo rows .*the weight of the averaged controls "sentiment_control" and "promo_level"/);
});

test('sumPanel: a population column that changes within a geo, or a control with no population column, gives plain means', () => {
  const roles: CleaningRoles = { date: 'date', target: 'y', spend: ['tv_spend'], controls: ['sentiment_control', 'promo_level'], events: [] };
  const moving = WEIGHTED.replace('2024-01-08,big,330,33,2,0.25,3000', '2024-01-08,big,330,33,2,0.25,3100');
  assert.deepEqual(sumPanel(parseCsvText(moving, 'w.csv'), { roles }).table.rows[0], ['2024-01-01', '400', '40', '-1', '0.3', '4000']);
  const without = WEIGHTED.replace(/,population\n/, ',households_income\n');
  const plain = sumPanel(parseCsvText(without, 'w.csv'), { roles });
  assert.deepEqual(plain.table.rows[0].slice(0, 5), ['2024-01-01', '400', '40', '-1', '0.3']);
  assert.equal(plain.changes.some((c) => c.row === null), false);
});

test('sumPanel: a frequency beside its reach is total impressions over total reach (a geo that reached nobody does not pull it down); without a reach it is a plain mean logged as approximate', () => {
  const rf = 'date,geo,y,tv_spend,tv_reach,tv_frequency\n'
    + '2024-01-01,a,100,10,1000,2\n2024-01-01,b,300,30,0,0\n2024-01-01,c,50,5,3000,4\n'
    + '2024-01-08,a,110,11,0,0\n2024-01-08,b,330,33,0,0\n2024-01-08,c,55,5,0,0\n';
  const roles: CleaningRoles = { date: 'date', target: 'y', spend: ['tv_spend'], controls: [], events: [] };
  const { table, changes } = sumPanel(parseCsvText(rf, 'rf.csv'), { roles });
  // (1000·2 + 3000·4) / 4000 = 3.5 (a plain mean would say 2); no reach at all: 0.
  assert.deepEqual(table.rows, [['2024-01-01', '450', '45', '4000', '3.5'], ['2024-01-08', '495', '49', '0', '0']]);
  assert.match(changes.find((c) => c.column === 'tv_frequency' && c.row === null)?.reason ?? '', /total impressions over total reach/);
  const noReach = sumPanel(parseCsvText(rf.replace('tv_reach', 'tv_other'), 'rf.csv'), { roles });
  assert.equal(noReach.table.rows[0][4], '2');
  assert.match(noReach.changes.find((c) => c.column === 'tv_frequency' && c.row === null)?.reason ?? '', /approximate/);
});

test('sumPanel refuses to add up a KPI repeated on every row of each date (one row per date and channel): LONG_FORMAT pointing to the sources pivot', () => {
  const long = parseCsvText('date,channel,spend,revenue\n'
    + '2024-01-01,tv,10,500\n2024-01-01,search,20,500\n2024-01-08,tv,11,520\n2024-01-08,search,22,520\n', 'long.csv');
  const roles: CleaningRoles = { date: 'date', target: 'revenue', spend: ['spend'], controls: [], events: [] };
  try {
    sumPanel(long, { roles });
    assert.fail('expected a DataError');
  } catch (err) {
    assert.ok(err instanceof DataError);
    assert.deepEqual(err.issues.map((i) => [i.code, i.at.file, i.at.column]), [['LONG_FORMAT', 'long.csv', 'channel']]);
    assert.match(err.issues[0].message, /^sum_panel refuses to add up the rows: the KPI "revenue" is the same in all the rows of each date/);
    assert.match(err.issues[0].hint, /"sources: \{ spend: <this file>, kpi: kpi\.csv \}" \(docs\/config\.md, sources\)/);
    assert.match(err.issues[0].hint, /SELECT DISTINCT "date", "revenue" FROM 'long\.csv'/);
  }
  // One channel kept: one row per date, nothing added up.
  assert.deepEqual(sumPanel(long, { roles, column: 'channel', keep: ['tv'] }).table.rows, [['2024-01-01', '10', '500'], ['2024-01-08', '11', '520']]);
});

test('sumPanel warns when the KPI it adds up is named like a rate (RATE_TARGET_SUMMED), and only then', () => {
  const rate = PANEL.replace('date,geo,y,', 'date,geo,revenue_per_conversion,');
  const { table } = sumPanel(parseCsvText(rate, 'p.csv'), { roles: { ...ROLES, target: 'revenue_per_conversion' } });
  const warned = table.warnings.filter((w) => w.code === 'RATE_TARGET_SUMMED');
  assert.equal(warned.length, 1);
  assert.deepEqual(warned[0].at, { file: 'p.csv', column: 'revenue_per_conversion' });
  assert.deepEqual(table.rows.map((r) => r[1]), ['400', '440'], 'the named KPI is still summed, as asked');
  assert.equal(sumPanel(parseCsvText(PANEL, 'p.csv'), { roles: ROLES }).table.warnings.filter((w) => w.code === 'RATE_TARGET_SUMMED').length, 0);
});

test('sumPanel: a (date, geo) row pasted twice is refused at its line, naming the first, never added into the total', () => {
  // 20 weeks × north/south (lines 2–41), and line 11 (week 4, south) pasted again as line 42.
  const lines = ['date,geo,y,tv_spend,price'];
  for (let w = 0; w < 20; w++) {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
    lines.push(`${d},north,${100 + w},${10 + w},2`, `${d},south,${300 + w},${30 + w},4`);
  }
  lines.push(lines[10]);
  const csv = parseCsvText(lines.join('\n'), 'p.csv');
  for (const column of [undefined, 'geo']) {
    try {
      sumPanel(csv, { roles: ROLES, ...(column === undefined ? {} : { column }) });
      assert.fail('expected a DataError');
    } catch (err) {
      assert.ok(err instanceof DataError);
      assert.deepEqual(err.issues.map((i) => [i.code, i.at.row, i.at.column]), [['DUPLICATE_PANEL_ROW', 42, 'geo']]);
      assert.equal(err.issues[0].message, 'sum_panel: south on 2024-01-29 already appears on line 11 (columns "geo" and "date"), so the total of 2024-01-29 would count south twice');
      assert.match(err.issues[0].hint, /^remove this row if it is a copy of line 11, or add the two rows up into one/);
    }
  }
  // Keeping only the other geo leaves no repeat: its series is rolled up.
  assert.equal(sumPanel(csv, { roles: ROLES, column: 'geo', keep: ['north'] }).table.rows.length, 20);
});

const KEY_ROLES: CleaningRoles = { date: 'date', target: 'revenue', spend: ['tv_spend'], controls: [], events: [] };

// Two weeks × two geos × two products: file lines 2–9.
const GEO_BY_PRODUCT = 'date,geo,product,tv_spend,revenue\n'
  + '2024-01-01,NA,platform,1,10\n2024-01-01,NA,analytics,2,20\n2024-01-01,EMEA,platform,3,30\n2024-01-01,EMEA,analytics,4,40\n'
  + '2024-01-08,NA,platform,5,50\n2024-01-08,NA,analytics,6,60\n2024-01-08,EMEA,platform,7,70\n2024-01-08,EMEA,analytics,8,80\n';

function issuesOf(fn: () => unknown): DataError['issues'] {
  try {
    fn();
  } catch (err) {
    if (err instanceof DataError) return err.issues;
    throw err;
  }
  throw new Error('expected a DataError');
}

test('sumPanel: a panel keyed on geo and product is found and summed over both, each combined cell logged with its parts', () => {
  const csv = parseCsvText(GEO_BY_PRODUCT, 'gp.csv');
  for (const column of [undefined, ['geo', 'product']]) {
    const { table, changes } = sumPanel(csv, { roles: KEY_ROLES, ...(column === undefined ? {} : { column }) });
    assert.deepEqual(table.header, ['date', 'tv_spend', 'revenue']);
    assert.deepEqual(table.rows, [['2024-01-01', '10', '100'], ['2024-01-08', '26', '260']]);
    assert.deepEqual(table.rowNumbers, [2, 6]);
    assert.deepEqual(changes.find((c) => c.column === 'revenue' && c.row === 6),
      { step: 'sum-panel', column: 'revenue', row: 6, date: '2024-01-08', before: '50 + 60 + 70 + 80', after: '260', reason: 'sum of the 4 geo × product rows of this date' });
    assert.deepEqual(changes.find((c) => c.column === 'geo' && c.row === 2),
      { step: 'sum-panel', column: 'geo', row: 2, date: '2024-01-01', before: 'NA × platform + NA × analytics + EMEA × platform + EMEA × analytics', after: null,
        reason: '4 rows of this date combined into one (file lines 2, 3, 4, 5)' });
    assert.equal(changes.length, 6);
    assert.deepEqual(table.summedRows?.get(6), { date: '2024-01-08', lines: [6, 7, 8, 9] });
  }
  assert.deepEqual(rollUpPanel(csv).panel?.columns, ['geo', 'product']);
});

test('sumPanel: on a two-column panel, a missing or repeated geo × product row is refused at its line', () => {
  const lines = GEO_BY_PRODUCT.trim().split('\n');
  const missing = parseCsvText([...lines.slice(0, 7), ...lines.slice(8)].join('\n'), 'gp.csv');
  const unbalanced = issuesOf(() => sumPanel(missing, { roles: KEY_ROLES, column: ['geo', 'product'] }));
  assert.deepEqual(unbalanced.map((i) => [i.code, i.at.row, i.at.column]), [['PANEL_UNBALANCED', 6, 'geo']]);
  assert.match(unbalanced[0].message, /the date 2024-01-08 has no row for "EMEA × platform"/);
  const twice = parseCsvText([...lines, lines[8]].join('\n'), 'gp.csv');
  const repeated = issuesOf(() => sumPanel(twice, { roles: KEY_ROLES, column: ['geo', 'product'] }));
  assert.deepEqual(repeated.map((i) => [i.code, i.at.row, i.at.column]), [['DUPLICATE_PANEL_ROW', 10, 'geo']]);
  assert.match(repeated[0].message, /^sum_panel: EMEA × analytics on 2024-01-08 already appears on line 9 \(columns "geo", "product" and "date"\)/);
});

test('sumPanel: naming one key column of a geo × product panel is one error naming both, not one per repeated row', () => {
  const csv = parseCsvText(GEO_BY_PRODUCT, 'gp.csv');
  for (const options of [{ column: 'geo' }, { column: 'geo', keep: ['NA'] }]) {
    const issues = issuesOf(() => sumPanel(csv, { roles: KEY_ROLES, ...options }));
    assert.deepEqual(issues.map((i) => [i.code, i.at.row, i.at.column]), [['DUPLICATE_PANEL_ROW', 3, 'geo']]);
    assert.match(issues[0].message, /rows repeat the date and "geo" of an earlier row \(NA on 2024-01-01 already appears on line 2\): the file has one row per date, "geo" and "product"/);
    assert.match(issues[0].hint, /^name every key column \(mixwise fit --clean sum_panel=geo\+product, or "\{ sum_panel: \{ column: \[geo, product\] \} \}" in mixwise\.yaml\)/);
  }
});

test('sumPanel: values to keep need one panel column; a key column not in the file is MISSING_COLUMN', () => {
  const csv = parseCsvText(GEO_BY_PRODUCT, 'gp.csv');
  const kept = issuesOf(() => sumPanel(csv, { roles: KEY_ROLES, column: ['geo', 'product'], keep: ['NA'] }));
  assert.deepEqual(kept.map((i) => [i.code, i.at.column]), [['PANEL_VALUE', 'geo']]);
  const absent = issuesOf(() => sumPanel(csv, { roles: KEY_ROLES, column: ['geo', 'brand'] }));
  assert.deepEqual(absent.map((i) => [i.code, i.at.column]), [['MISSING_COLUMN', 'brand']]);
});

test('sumPanel: rollUpLog false (a geo panel, which drops the log) gives the same table and no change log', () => {
  const csv = parseCsvText(PANEL, 'p.csv');
  const logged = sumPanel(csv, { roles: ROLES, column: 'geo', keep: ['north', 'south'] });
  const unlogged = sumPanel(csv, { roles: ROLES, column: 'geo', keep: ['north', 'south'], rollUpLog: false });
  assert.ok(logged.changes.length > 0);
  assert.deepEqual(unlogged.changes, []);
  assert.deepEqual(unlogged.table, logged.table);
  assert.deepEqual(unlogged.table.rows, [['2024-01-01', '400', '40', '3', '1', '12'], ['2024-01-08', '440', '0.3', '2.5', '0', '14']]);
  // Through runCleaning too (the option checkAndClean passes for a geo panel).
  assert.deepEqual(runCleaning(csv, ROLES, [{ type: 'sum-panel', column: 'geo' }], { rollUpLog: false }).changes, []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelingTable } from '@mixwise/engine';
import { parseCsvText } from '../read/read-csv.ts';
import { DataError, type Issue } from '../issue.ts';
import { panelRows } from './panel-rows.ts';
import { panelTable } from './panel-table.ts';
import type { ResolvedRoles } from '../build/resolve-roles.ts';

// Two geos, three weeks, rows shuffled: north is 1/4 of the KPI (10+20+30 of 240), south 3/4.
const TEXT = [
  'date,geo,sales,tv_spend,price,temp',
  '2024-01-15,south,60,6,9.5,20',
  '2024-01-01,north,10,1,9.5,11',
  '2024-01-01,south,30,3,9.5,21',
  '2024-01-08,north,20,2,9.0,12',
  '2024-01-08,south,90,9,9.0,22',
  '2024-01-15,north,30,3,9.5,13',
].join('\n') + '\n';

/** The national table the roll-up would give (only what panelTable reads: dates, roles, names and signs). */
const national: ModelingTable = {
  dates: ['2024-01-01', '2024-01-08', '2024-01-15'], frequency: 'weekly',
  target: { name: 'sales', kind: 'revenue', values: Float64Array.of(40, 110, 90) },
  channels: [{ name: 'tv', column: 'tv_spend', spend: Float64Array.of(4, 11, 9) }],
  controls: [{ name: 'price', sign: 'negative', values: Float64Array.of(9.5, 9, 9.5) }, { name: 'temp', sign: 'free', values: Float64Array.of(16, 17, 16.5) }],
  events: [],
};
const roles: ResolvedRoles = { target: 'sales', date: 'date', channels: [{ name: 'tv', column: 'tv_spend' }], controls: ['price', 'temp'], events: [] };

test('panelTable: each geo\'s series from its own rows; national columns are the sums (KPI, spend) and the share-weighted mean (geo control); an equal control is national', () => {
  const csv = parseCsvText(TEXT, 'p.csv');
  const { table } = panelTable(csv, panelRows(csv, 'geo', 'date'), national, roles);
  const panel = table.panel;
  assert.ok(panel !== undefined);
  assert.deepEqual(panel.geos, ['north', 'south']);
  assert.deepEqual([...panel.target[0]], [10, 20, 30]);
  assert.deepEqual([...panel.spend[0][1]], [3, 9, 6]);
  assert.deepEqual([...table.target.values], [40, 110, 90]);
  assert.equal(panel.controls[0], null, 'price is the same in both geos on every date');
  assert.deepEqual([...(panel.controls[1]?.[1] ?? [])], [21, 22, 20]);
  // temp national = 1/4·north + 3/4·south (shares 60/240, 180/240).
  assert.deepEqual([...table.controls[1].values].map((v) => +v.toFixed(10)), [0.25 * 11 + 0.75 * 21, 0.25 * 12 + 0.75 * 22, 0.25 * 13 + 0.75 * 20]);
  assert.equal(table.controls[0].sign, 'negative');
});

test('panelTable: an empty KPI, a text number and a negative spend are each named by line, column and geo', () => {
  const bad = TEXT.replace('2024-01-08,north,20,2,', '2024-01-08,north,,-2,').replace('2024-01-15,south,60,6,9.5,20', '2024-01-15,south,60,6,9.5,warm');
  const csv = parseCsvText(bad, 'p.csv');
  try {
    panelTable(csv, panelRows(csv, 'geo', 'date'), national, roles);
    assert.fail('no error');
  } catch (err) {
    assert.ok(err instanceof DataError);
    assert.deepEqual(err.issues.map((i) => [i.code, i.at.row, i.at.column, i.message]), [
      ['EMPTY_CELL', 5, 'sales', 'geo "north", 2024-01-08: the KPI is empty, and a geo panel with a missing KPI is not supported yet'],
      ['NEGATIVE_SPEND', 5, 'tv_spend', 'geo "north", 2024-01-08: spend -2 is below zero'],
      ['NOT_A_NUMBER', 2, 'temp', 'geo "south", 2024-01-15: "warm" is not a number'],
    ]);
  }
});

test('panelTable: a geo whose KPI adds up to zero is a PANEL_KPI_TOTAL error naming the file, its lines, the KPI column and the geo, with the KPI shares and with a size column', () => {
  const zero = TEXT.replace('2024-01-01,north,10,', '2024-01-01,north,0,').replace('2024-01-08,north,20,', '2024-01-08,north,0,').replace('2024-01-15,north,30,', '2024-01-15,north,0,');
  const withPopulation = (text: string): string => text.replace('date,geo,sales,tv_spend,price,temp\n', 'date,geo,sales,tv_spend,price,temp,population\n')
    .replace(/^(.*,north,.*)$/gm, '$1,1000').replace(/^(.*,south,.*)$/gm, '$1,3000');
  const size = { column: 'population', flag: '--geo-size population' };
  const refused = (csv: ReturnType<typeof parseCsvText>, option?: typeof size): Issue => {
    let issue: Issue | undefined;
    assert.throws(() => panelTable(csv, panelRows(csv, 'geo', 'date'), national, roles, option), (err: unknown) => {
      assert.ok(err instanceof DataError);
      assert.deepEqual(err.issues.map((i) => [i.code, i.severity]), [['PANEL_KPI_TOTAL', 'error']]);
      issue = err.issues[0];
      return true;
    });
    assert.ok(issue);
    // north's rows are lines 3, 5 and 7 of the file (the header is line 1).
    assert.deepEqual(issue.at, { file: 'p.csv', row: 3, column: 'sales' });
    assert.match(issue.message, /^geo "north": the KPI "sales" adds up to 0 over its 3 dates \(its 3 rows, lines 3 to 7\), /);
    assert.match(issue.hint, /^check the geo's KPI in the file \(a missing export reads as zeros\), or leave the geo's rows out of the file/);
    return issue;
  };
  const shares = refused(parseCsvText(zero, 'p.csv'));
  assert.match(shares.message, /no share of the KPI/);
  assert.match(shares.hint, /--clean sum_panel/);
  // With a size column too: fitted on its size, the geo would get media contribution its baseline offsets below zero.
  const sized = refused(parseCsvText(withPopulation(zero), 'p.csv'), size);
  assert.match(sized.message, /sized by "population" \(--geo-size population\).*inflating the national contributions/);
  // A geo with KPI of its own is fitted, with no such note.
  const fine = parseCsvText(withPopulation(TEXT), 'p.csv');
  const { table, notes } = panelTable(fine, panelRows(fine, 'geo', 'date'), national, roles, size);
  assert.deepEqual(table.panel?.size?.values, [1000, 3000]);
  assert.deepEqual(notes.filter((i) => i.code === 'PANEL_KPI_TOTAL'), []);
});

test('panelTable: a window start after every date is an empty window (one PANEL_KPI_TOTAL naming it), not the whole table', () => {
  const csv = parseCsvText(TEXT, 'p.csv');
  const issues = (() => {
    try {
      panelTable(csv, panelRows(csv, 'geo', 'date'), national, roles, undefined, { kpiFrom: '2024-02-01' });
    } catch (err) {
      if (err instanceof DataError) return err.issues;
      throw err;
    }
    return [];
  })();
  assert.deepEqual(issues.map((i) => [i.code, i.severity, i.message, i.at?.column]), [['PANEL_KPI_TOTAL', 'error',
    'the modeling window starts at 2024-02-01, after the table\'s last date 2024-01-15: no geo has a KPI in it', 'sales']]);
  assert.match(issues[0].hint, /on or before 2024-01-15/);
  // A start on the last date keeps that one date: both geos have KPI there, so the table is built.
  assert.equal(panelTable(csv, panelRows(csv, 'geo', 'date'), national, roles, undefined, { kpiFrom: '2024-01-15' }).table.panel?.geos.length, 2);
});

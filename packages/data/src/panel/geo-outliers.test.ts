import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CsvTable } from '../read/read-csv.ts';
import type { PanelRows } from './panel-rows.ts';
import type { RuleRoles } from '../validate/rule-types.ts';
import { parseCsvText } from '../read/read-csv.ts';
import { panelRows } from './panel-rows.ts';
import { geoOutliers } from './geo-outliers.ts';
import { extremeOutliers } from '../validate/rules/extreme-outliers.ts';
import { readsCellByCell } from '../read/dot-thousands.ts';

const roles: RuleRoles = { date: 'date', target: 'sales', channels: [{ name: 'tv', column: 'tv_spend' }] };

/** The check as it ran before: extremeOutliers on a table of each geo's rows in date order. */
function perGeoTables(csv: CsvTable, rows: PanelRows, kpiFrom?: string) {
  return rows.rowOf.flatMap((byDate) => {
    const order = [...byDate.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, i]) => i);
    return extremeOutliers({ ...csv, rows: order.map((i) => csv.rows[i]), rowNumbers: order.map((i) => csv.rowNumbers[i]) }, roles, kpiFrom === undefined ? {} : { kpiFrom });
  });
}

/** Weekly dates from 2024-01-01. */
const week = (t: number): string => new Date(Date.UTC(2024, 0, 1 + 7 * t)).toISOString().slice(0, 10);

/** Two geos, rows mixed (geo b first on each date): sales and tv spend per geo with a spike each. */
function panel(delimiter: string, cell: (geo: string, t: number, column: 'sales' | 'tv_spend') => string): CsvTable {
  const lines = [['date', 'geo', 'sales', 'tv_spend'].join(delimiter)];
  for (let t = 0; t < 12; t++) for (const geo of ['b', 'a']) lines.push([week(t), geo, cell(geo, t, 'sales'), cell(geo, t, 'tv_spend')].join(delimiter));
  return parseCsvText(`${lines.join('\n')}\n`, 'p.csv');
}

test('geoOutliers: each geo scored on its own rows, naming the spike\'s line and column, as per-geo tables did', () => {
  const csv = panel(',', (geo, t, column) => {
    if (column === 'sales') return geo === 'a' && t === 7 ? '40000' : String((geo === 'a' ? 1000 : 50000) + 10 * (t % 4));
    return geo === 'b' && t === 3 ? '900000' : String((geo === 'a' ? 100 : 5000) + 5 * (t % 3));
  });
  const rows = panelRows(csv, 'geo', 'date');
  const issues = geoOutliers(csv, rows, roles);
  // Geo a's week 7 is line 2 + 2·7 + 1 (b first on each date); geo b's week 3 is line 2 + 2·3.
  assert.deepEqual(issues.map((i) => [i.code, i.at.row, i.at.column]), [['EXTREME_OUTLIER', 17, 'sales'], ['EXTREME_OUTLIER', 8, 'tv_spend']]);
  assert.deepEqual(issues, perGeoTables(csv, rows));
  // Warm-up rows' KPI (before kpiFrom) is not scored: geo a's spike in week 7 is before 2024-03-01.
  assert.deepEqual(geoOutliers(csv, rows, roles, { kpiFrom: '2024-03-01' }).map((i) => i.at.column), ['tv_spend']);
  assert.deepEqual(geoOutliers(csv, rows, roles, { kpiFrom: '2024-03-01' }), perGeoTables(csv, rows, '2024-03-01'));
});

test('geoOutliers: a cell read by its column\'s context (9.388 in a semicolon file) is read from the geo\'s own cells', () => {
  // Geo a alone writes whole numbers below 1000 beside 9.388: dot grouping (9388), refused; with geo b's 50000s
  // the whole column would read it as 9.388, far below geo a's median, an outlier.
  const csv = panel(';', (geo, t, column) => {
    if (column === 'sales') return geo === 'a' ? (t === 5 ? '9.388' : String(950 + (t % 4))) : String(50000 + 10 * (t % 4));
    return String((geo === 'a' ? 100 : 5000) + 5 * (t % 3));
  });
  assert.equal(readsCellByCell(csv.rows.map((r) => r[2]), ';'), false);
  const rows = panelRows(csv, 'geo', 'date');
  assert.deepEqual(geoOutliers(csv, rows, roles), []);
  assert.deepEqual(geoOutliers(csv, rows, roles), perGeoTables(csv, rows));
});

test('readsCellByCell: only a single dot group, or a single comma group in a semicolon file, is read by context', () => {
  assert.equal(readsCellByCell(['950', '12.5', '1.856.920', '1,540'], ','), true);
  assert.equal(readsCellByCell(['950', ' 9.388 '], ','), false);
  assert.equal(readsCellByCell(['950', '1,540'], ';'), false);
});

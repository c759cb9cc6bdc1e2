import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CsvTable } from '../read/read-csv.ts';
import { parseCsvText } from '../read/read-csv.ts';
import { panelColumn, panelIssue } from './panel-column.ts';
import { resolveRuleRoles } from './resolve-rule-roles.ts';

const panel = (rows: string[]) => parseCsvText(['date,region,tv_spend,sales', ...rows].join('\n'), 'p.csv');

test('panelColumn: a text column that splits every date into the same number of distinct rows', () => {
  const csv = panel(['2024-01-01,north,1,10', '2024-01-01,south,2,20', '2024-01-08,north,3,30', '2024-01-08,south,4,40']);
  assert.deepEqual(panelColumn(csv, 'date'), { columns: ['region'], values: ['north', 'south'] });
});

test('panelColumn: none for distinct dates, a repeated (date, value) pair, or dates with different row counts', () => {
  assert.equal(panelColumn(panel(['2024-01-01,north,1,10', '2024-01-08,north,3,30']), 'date'), undefined);
  assert.equal(panelColumn(panel(['2024-01-01,north,1,10', '2024-01-01,north,2,20', '2024-01-08,north,3,30', '2024-01-08,south,4,40']), 'date'), undefined);
  assert.equal(panelColumn(panel(['2024-01-01,north,1,10', '2024-01-01,south,2,20', '2024-01-08,north,3,30']), 'date'), undefined);
});

/** PyMC-Marketing's multidimensional layout: 14 weeks × geo_a/geo_b; spend x1, x2 (no _spend suffix), two 0/1 events, KPI y. */
function pymcLike(extra: { header: string[]; cell: (week: number, geo: number) => string[] } = { header: [], cell: () => [] }): CsvTable {
  const rows = [['date', 'geo', 'x1', 'x2', 'event_1', 'event_2', 'y', ...extra.header].join(',')];
  for (let w = 0; w < 14; w++) {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
    for (const g of [0, 1]) rows.push([d, `geo_${'ab'[g]}`, 100 + w + g, g * 50 + w, w === 3 ? 1 : 0, w === 9 ? 1 : 0, 1000 + 7 * w + g, ...extra.cell(w, g)].join(','));
  }
  return parseCsvText(rows.join('\n'), 'multi.csv');
}

/** The SELECT list of the DuckDB query in a PANEL_DATA hint, as [function, column] pairs. */
function selected(hint: string): string[][] {
  const list = /SELECT "date", (.*?) FROM /.exec(hint)?.[1];
  assert.ok(list !== undefined, hint);
  return list.split(', ').map((part) => {
    const m = /^(\w+)\("(.+)"\) AS "(.+)"$/.exec(part);
    assert.ok(m !== null && m[2] === m[3], part);
    return [m[1], m[2]];
  });
}

test('panelIssue without channels (validate --target y on PyMC\'s multidimensional file): no column goes missing from the query; those with no role are summed and named', () => {
  const csv = pymcLike();
  const issue = panelIssue(csv, resolveRuleRoles(csv, { target: 'y' }), 'date', { columns: ['geo'], values: ['geo_a', 'geo_b'] });
  assert.deepEqual(selected(issue.hint), [['sum', 'x1'], ['sum', 'x2'], ['max', 'event_1'], ['max', 'event_2'], ['sum', 'y']]);
  assert.match(issue.hint, /GROUP BY "date" ORDER BY "date"\) TO 'national\.csv' \("x1" and "x2" have no role here, so they are summed like spend: use avg\(\) for a control such as a price\)/);
});

test('panelIssue with --channels and --controls: spend and the KPI summed, controls averaged, events by their largest value; a price-like name is averaged, an unknown number summed, a text column named', () => {
  const csv = pymcLike({
    header: ['avg_price', 'trend', 'label', 'temp'],
    cell: (w, g) => [String(9.5 + (w % 3) / 2), String(w), g === 0 ? 'north' : 'south', String(10 + w + g)],
  });
  const roles = resolveRuleRoles(csv, { target: 'y', channels: ['x1', 'x2'], controls: ['temp'] });
  const issue = panelIssue(csv, roles, 'date', { columns: ['geo'], values: ['geo_a', 'geo_b'] });
  assert.deepEqual(selected(issue.hint), [['sum', 'x1'], ['sum', 'x2'], ['max', 'event_1'], ['max', 'event_2'], ['sum', 'y'], ['avg', 'avg_price'], ['sum', 'trend'], ['avg', 'temp']]);
  assert.match(issue.hint, /"trend" has no role here, so it is summed like spend/);
  assert.match(issue.hint, /"avg_price" is averaged: it is named like a rate or level, which does not add up/);
  assert.match(issue.hint, /the text column "label" is left out: text does not add up/);
});

test('panelIssue: every column of the file is in the query or named in the hint', () => {
  const csv = pymcLike({ header: ['note', 'market_index', 'n'], cell: (w, g) => [`w${w}g${g}`, String(w / 10), String(g)] });
  for (const requested of [{}, { target: 'y' }, { target: 'y', channels: ['x1'] }, { channels: ['x1', 'x2'], events: ['event_1'] }]) {
    const hint = panelIssue(csv, resolveRuleRoles(csv, requested), 'date', { columns: ['geo'], values: ['geo_a', 'geo_b'] }).hint;
    const inQuery = new Set(selected(hint).map(([, c]) => c));
    for (const column of csv.header.filter((h) => h !== 'date' && h !== 'geo')) {
      assert.ok(inQuery.has(column) || hint.includes(`"${column}"`), `${column} is missing from ${hint} (roles ${JSON.stringify(requested)})`);
    }
  }
});

test('panelIssue: a rate with no role (revenue_per_conversion) is averaged in the query, as sum_panel and the init roll-up average it; population is summed', () => {
  const csv = pymcLike({ header: ['revenue_per_conversion', 'population'], cell: (w, g) => [String(0.02 + 0.001 * ((w + g) % 3)), String(1000 * (g + 1))] });
  const issue = panelIssue(csv, resolveRuleRoles(csv, { target: 'y', channels: ['x1', 'x2'] }), 'date', { columns: ['geo'], values: ['geo_a', 'geo_b'] });
  assert.deepEqual(selected(issue.hint).slice(-2), [['avg', 'revenue_per_conversion'], ['sum', 'population']]);
  assert.match(issue.hint, /"revenue_per_conversion" is averaged: it is named like a rate or level, which does not add up/);
});

/** Dates × geos × products, one row each (file order: date, then geo, then product), with a numeric KPI that differs per row. */
function geoByProduct(dates = 4, drop?: number): CsvTable {
  const lines = ['date,geo,product,tv_spend,revenue'];
  for (let w = 0; w < dates; w++) {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
    for (const g of ['NA', 'EMEA']) for (const p of ['platform', 'analytics', 'services']) lines.push(`${d},${g},${p},${w + 1},${100 * (w + 1) + g.length + p.length}`);
  }
  if (drop !== undefined) lines.splice(drop, 1);
  return parseCsvText(lines.join('\n'), 'gp.csv');
}

test('panelColumn: a panel keyed on two text columns (one row per date, geo and product) finds both, the keys joined by " × "', () => {
  const found = panelColumn(geoByProduct(), 'date');
  assert.deepEqual(found?.columns, ['geo', 'product']);
  assert.deepEqual(found?.values, ['NA × platform', 'NA × analytics', 'NA × services', 'EMEA × platform', 'EMEA × analytics', 'EMEA × services']);
  assert.equal(found?.incomplete, undefined);
  assert.equal(found?.duplicates, undefined);
});

test('panelColumn: a two-column panel with a missing row or a pasted one names the date and the geo × product key', () => {
  // Line 8 is 2024-01-08, NA × platform: without it, the date's first row is on line 8 again.
  assert.deepEqual(panelColumn(geoByProduct(4, 7), 'date')?.incomplete, [{ date: '2024-01-08', row: 8, missing: ['NA × platform'] }]);
  const lines = geoByProduct(30).rows.map((r) => r.join(','));
  lines.splice(10, 0, lines[7]);
  const pasted = panelColumn(parseCsvText(['date,geo,product,tv_spend,revenue', ...lines].join('\n'), 'gp.csv'), 'date');
  assert.deepEqual(pasted?.columns, ['geo', 'product']);
  assert.deepEqual(pasted?.duplicates, [{ date: '2024-01-08', value: 'NA × analytics', row: 12, firstRow: 9 }]);
});

test('panelIssue: a two-column panel is one PANEL_DATA error naming both columns, whose cleaning hint names both (sum_panel=geo+product)', () => {
  const csv = geoByProduct();
  const issue = panelIssue(csv, resolveRuleRoles(csv, { target: 'revenue' }), 'date', { columns: ['geo', 'product'], values: ['NA × platform', 'NA × analytics'] });
  assert.equal(issue.code, 'PANEL_DATA');
  assert.equal(issue.at.column, 'geo');
  assert.match(issue.message, /one per combination of "geo" and "product" \(NA × analytics, NA × platform\)/);
  assert.match(issue.hint, /SELECT "date", sum\("tv_spend"\) AS "tv_spend", sum\("revenue"\) AS "revenue" FROM 'gp\.csv' GROUP BY "date"/);
  assert.deepEqual(issue.details, { panelColumns: ['geo', 'product'] });
});

test('panelIssue: the values are listed in natural order (Geo0, Geo1, Geo2…, not Geo0, Geo1, Geo10)', () => {
  const lines = ['date,geo,tv_spend,sales'];
  for (const d of ['2024-01-01', '2024-01-08']) for (let g = 0; g < 12; g++) lines.push(`${d},Geo${g},${g},${g * 10}`);
  const csv = parseCsvText([...lines.slice(0, 1), ...lines.slice(1).sort()].join('\n'), 'g.csv');
  const panel = panelColumn(csv, 'date');
  assert.ok(panel !== undefined);
  assert.match(panelIssue(csv, {}, 'date', panel).message, /\(Geo0, Geo1, Geo2, Geo3, Geo4, … \(12 in all\)\)/);
});

test('panelIssue on a file in Meridian\'s geo layout names sources: { meridian } as another way; other panels do not', () => {
  const header = 'geo,time,TV_impression,TV_spend,conversions,revenue_per_conversion,population';
  const rows = ['Geo0,2024-01-01,1,10,5,0.02,100', 'Geo1,2024-01-01,1,20,6,0.03,300', 'Geo0,2024-01-08,1,11,7,0.02,100', 'Geo1,2024-01-08,1,21,8,0.03,300'];
  const csv = parseCsvText([header, ...rows].join('\n'), 'geo_x.csv');
  const hint = panelIssue(csv, {}, 'time', { columns: ['geo'], values: ['Geo0', 'Geo1'] }).hint;
  assert.match(hint, /; the file has Google Meridian's geo layout .*"sources: \{ meridian: geo_x\.csv \}" in mixwise\.yaml, in place of data:/);
  const other = parseCsvText([header.replace('population', 'households'), ...rows].join('\n'), 'x.csv');
  assert.doesNotMatch(panelIssue(other, {}, 'time', { columns: ['geo'], values: ['Geo0', 'Geo1'] }).hint, /meridian/);
});

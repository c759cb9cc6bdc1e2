import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { duckdbQuery as query } from '../../test/duckdb-query.ts';
import { readCsvFile } from '../read/read-csv.ts';
import { sumPanel } from '../clean/steps/sum-panel.ts';
import { resolveRuleRoles } from './resolve-rule-roles.ts';
import { panelIssue } from './panel-column.ts';
import { rollUpQuery } from './panel-query.ts';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readOutcome } from './read-outcome.ts';
import { runRules } from './run-rules.ts';
import { checkAndClean } from '../clean/check-and-clean.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-panel-query-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the PANEL_DATA query (no channels known) runs in DuckDB on a pandas export and gives the series sum_panel gives once x1, x2 are channels', async () => {
  // PyMC-Marketing's layout, with pandas' unnamed index column and a price.
  const lines = [',date,geo,x1,x2,event_1,event_2,y,avg_price'];
  for (let w = 0; w < 14; w++) {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
    for (const g of [0, 1]) lines.push([2 * w + g, d, `geo_${'ab'[g]}`, 100.5 + w + g, g * 50 + w, w === 3 ? 1 : 0, w === 9 && g === 1 ? 1 : 0, 1000 + 7 * w + g, 9 + g + (w % 3) / 4].join(','));
  }
  const path = join(dir, 'multi.csv');
  writeFileSync(path, lines.join('\n') + '\n');
  const csv = readCsvFile(path);
  const hint = panelIssue(csv, resolveRuleRoles(csv, { target: 'y' }), 'date', { columns: ['geo'], values: ['geo_a', 'geo_b'] }).hint;
  const select = /COPY \((SELECT .*? ORDER BY "date")\) TO 'national\.csv'/.exec(hint)?.[1];
  assert.ok(select !== undefined, hint);
  const duck = await query(select);
  assert.deepEqual(duck.columns, ['date', 'x1', 'x2', 'event_1', 'event_2', 'y', 'avg_price']);
  const roles = { date: 'date', target: 'y', spend: ['x1', 'x2'], controls: ['avg_price'], events: ['event_1', 'event_2'] };
  const rolled = sumPanel(csv, { roles, column: 'geo' }).table;
  assert.deepEqual(rolled.header, duck.columns);
  assert.equal(duck.rows.length, rolled.rows.length);
  duck.rows.forEach((row, i) => {
    assert.equal(String(row[0]), rolled.rows[i][0]);
    row.slice(1).forEach((v, k) => assert.ok(Math.abs(Number(v) - Number(rolled.rows[i][k + 1])) < 1e-9, `${duck.columns[k + 1]} on ${row[0]}: ${String(v)} vs ${rolled.rows[i][k + 1]}`));
  });
});

test('rollUpQuery: names with quotes are escaped; no note when every column has a role', () => {
  const csv = readCsvFile(join(dir, 'multi.csv'));
  const roles = resolveRuleRoles(csv, { target: 'y', channels: ['x1', 'x2'], controls: ['avg_price'] });
  assert.equal(rollUpQuery(csv, roles, 'date', ['geo']),
    `COPY (SELECT "date", sum("x1") AS "x1", sum("x2") AS "x2", max("event_1") AS "event_1", max("event_2") AS "event_2", sum("y") AS "y", avg("avg_price") AS "avg_price" FROM '${csv.file}' GROUP BY "date" ORDER BY "date") TO 'national.csv'`);
  const quoted = { ...csv, header: csv.header.map((h) => (h === 'x2' ? 'x"2' : h)), file: "it's.csv" };
  assert.match(rollUpQuery(quoted, { target: 'y' }, 'date', ['geo']), /sum\("x""2"\) AS "x""2".* FROM 'it''s\.csv' .*\("x1" and "x"2" have no role here/);
});

const meridian = fileURLToPath(new URL('../../../../../shared/datasets/meridian_simulated/geo_all_channels.csv', import.meta.url));

test('Meridian geo panel: the PANEL_DATA query and --clean sum_panel=geo give the same series, column by column (controls and Promo weighted by population, population summed)', { skip: existsSync(meridian) ? false : `not found: ${meridian}` }, async () => {
  const read = readOutcome(meridian);
  const roles = { target: 'conversions' };
  const hint = runRules(read, roles).issues.find((i) => i.code === 'PANEL_DATA')?.hint ?? '';
  const select = /COPY \((SELECT .*? ORDER BY "time")\) TO 'national\.csv'/.exec(hint)?.[1];
  assert.ok(select !== undefined, hint);
  assert.match(select, /sum\("Promo" \* "population"\) \/ sum\("population"\) AS "Promo"/);
  assert.match(select, /sum\("sentiment_score_control" \* "population"\) \/ sum\("population"\) AS "sentiment_score_control"/);
  assert.match(hint, /"population" is the population of each geo: summed .*the weight of the averaged controls "competitor_sales_control", "sentiment_score_control" and "Promo"/);
  assert.match(select, /sum\("population"\) AS "population"/);
  const duck = await query(select);
  // What a fit with --clean sum_panel=geo runs: the same roles (automatic controls included).
  const rolled = checkAndClean(read, roles, { steps: [{ type: 'sum-panel', column: 'geo' }] }).csv;
  assert.deepEqual(duck.columns, rolled.header);
  assert.equal(duck.rows.length, rolled.rows.length);
  duck.columns.slice(1).forEach((column, k) => {
    duck.rows.forEach((row, i) => {
      const a = Number(row[k + 1]);
      const b = Number(rolled.rows[i][k + 1]);
      assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)), `${column} on ${String(row[0])}: query ${a}, sum_panel ${b}`);
    });
  });
});

test('rollUpQuery with a population and a reach: DuckDB runs the weighted means and gives sum_panel\'s series', async () => {
  const lines = ['date,geo,y,tv_spend,tv_reach,tv_frequency,sentiment_control,population'];
  for (let w = 0; w < 30; w++) {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
    for (const g of [0, 1, 2]) lines.push([d, `g${g}`, 100 + w + g, 10 + g, w === 2 ? 0 : (g + 1) * 100 * w, w === 2 ? 0 : 1 + g / 2 + w / 10, ((w * 7) % 5 - g) / 3, 1000 * (g + 1)].join(','));
  }
  const path = join(dir, 'weighted.csv');
  writeFileSync(path, lines.join('\n') + '\n');
  const csv = readCsvFile(path);
  const roles = { target: 'y', channels: ['tv_spend'], controls: ['sentiment_control'] };
  const hint = rollUpQuery(csv, resolveRuleRoles(csv, roles), 'date', ['geo']);
  assert.match(hint, /sum\("sentiment_control" \* "population"\) \/ sum\("population"\) AS "sentiment_control"/);
  assert.match(hint, /coalesce\(sum\("tv_frequency" \* "tv_reach"\) \/ nullif\(sum\("tv_reach"\), 0\), avg\("tv_frequency"\)\) AS "tv_frequency"/);
  const select = /COPY \((SELECT .*? ORDER BY "date")\) TO 'national\.csv'/.exec(hint)?.[1];
  assert.ok(select !== undefined, hint);
  const duck = await query(select);
  const rolled = checkAndClean(readOutcome(path), roles, { steps: [{ type: 'sum-panel' }] }).csv;
  assert.deepEqual(duck.columns, rolled.header);
  duck.rows.forEach((row, i) => row.slice(1).forEach((v, k) => {
    assert.ok(Math.abs(Number(v) - Number(rolled.rows[i][k + 1])) < 1e-9, `${duck.columns[k + 1]} on ${String(row[0])}: ${String(v)} vs ${rolled.rows[i][k + 1]}`);
  }));
});

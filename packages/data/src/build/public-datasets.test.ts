// Reads the public datasets shipped beside the repo (../shared/datasets, see its README).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readCsvFile } from '../read/read-csv.ts';
import { tableFromCsv } from './table-from-csv.ts';
import { runCleaning } from '../clean/run-cleaning.ts';
import { checkAndClean } from '../clean/check-and-clean.ts';
import { readOutcome } from '../validate/read-outcome.ts';
import { readMeridianGeo } from '../reshape/meridian-geo.ts';

const datasets = fileURLToPath(new URL('../../../../../shared/datasets/', import.meta.url));
const skip = existsSync(datasets) ? false : `public datasets not found at ${datasets}`;

test('Robyn weekly layout: explicit _S channels and a categorical events column', { skip }, () => {
  const csv = readCsvFile(`${datasets}robyn_simulated_weekly/dt_simulated_weekly.csv`);
  const { table, roles, warnings } = tableFromCsv(csv, {
    target: 'revenue',
    channels: ['tv_S', 'ooh_S', 'print_S', 'facebook_S', 'search_S'],
    controls: ['competitor_sales_B'],
    events: ['events'],
  });
  assert.equal(roles.date, 'DATE');
  assert.equal(table.frequency, 'weekly');
  assert.equal(table.dates.length, 208);
  assert.equal(table.dates[0], '2015-11-23');
  assert.deepEqual(table.channels.map((c) => c.name), ['tv', 'ooh', 'print', 'facebook', 'search']);
  // first data row of the file: tv_S = 22358.3466666667, revenue = 2754371.66666667
  assert.equal(table.channels[0].spend[0], 22358.3466666667);
  assert.equal(table.target.values[0], 2754371.66666667);
  // the events column holds "na" except one "event1" and one "event2" (uniq -c on the file)
  assert.deepEqual(table.events.map((e) => [e.name, e.values.reduce((a, b) => a + b, 0)]), [['events_event1', 1], ['events_event2', 1]]);
  assert.match(warnings.find((w) => w.code === 'UNUSED_COLUMNS')?.message ?? '', /facebook_I \(named like media exposure\), search_clicks_P \(named like media exposure\), newsletter$/);
});

test('Meridian national_media: target conversions, _spend channels, date column "time"', { skip }, () => {
  const { table, roles } = tableFromCsv(readCsvFile(`${datasets}meridian_simulated/national_media.csv`), { target: 'conversions' });
  assert.equal(roles.date, 'time');
  assert.equal(table.frequency, 'weekly');
  assert.equal(table.dates.length, 156);
  assert.equal(table.target.kind, 'count');
  assert.deepEqual(table.channels.map((c) => c.name), ['Channel0', 'Channel1', 'Channel2', 'Channel3']);
  assert.equal(table.channels[0].spend[0], 146755.84);
  assert.equal(table.target.values[0], 162516020);
});

test('Meridian geo_media through sum_panel: conversions and spend per week equal Meridian\'s own national_media', { skip }, () => {
  const geo = readCsvFile(`${datasets}meridian_simulated/geo_media.csv`);
  const roles = { date: 'time', target: 'conversions', spend: [], controls: [], events: [] };
  const rolled = runCleaning(geo, roles, [{ type: 'sum-panel' }]);
  const mine = tableFromCsv(rolled.table, { target: 'conversions', date: 'time', autoControls: false }).table;
  const theirs = tableFromCsv(readCsvFile(`${datasets}meridian_simulated/national_media.csv`), { target: 'conversions', autoControls: false }).table;
  assert.deepEqual(mine.dates, theirs.dates);
  const close = (a: Float64Array, b: Float64Array, what: string): void => {
    for (let t = 0; t < a.length; t++) assert.ok(Math.abs(a[t] - b[t]) <= 1e-6 * Math.abs(b[t]) + 1e-6, `${what} week ${t}: ${a[t]} vs ${b[t]}`);
  };
  close(mine.target.values, theirs.target.values, 'conversions');
  mine.channels.forEach((c, k) => close(c.spend, theirs.channels[k].spend, c.name));
  assert.equal(rolled.summary[0].changes > 0, true);
});

/** Each column of `national` (a Meridian national file) against the same column of `rolled`, week by week, within float32 rounding. */
function sameColumns(rolled: { header: string[]; rows: string[][] }, national: { header: string[]; rows: string[][] }, columns: readonly string[]): void {
  assert.equal(rolled.rows.length, national.rows.length);
  for (const column of columns) {
    const a = rolled.header.indexOf(column);
    const b = national.header.indexOf(column);
    assert.ok(a >= 0 && b >= 0, `column ${column}`);
    rolled.rows.forEach((row, t) => {
      const mine = Number(row[a]);
      const theirs = Number(national.rows[t][b]);
      // The national files are float32: 1e-6 relative, 1e-5 absolute for controls near 0.
      assert.ok(Math.abs(mine - theirs) <= 1e-6 * Math.abs(theirs) + 1e-5, `${column} week ${t}: sum_panel ${mine}, national ${theirs}`);
    });
  }
}

test('Meridian geo_all_channels through --clean sum_panel equals national_all_channels column by column (controls and Promo population-weighted)', { skip }, () => {
  const dir = `${datasets}meridian_simulated/`;
  const rolled = checkAndClean(readOutcome(`${dir}geo_all_channels.csv`), { target: 'conversions' }, { steps: [{ type: 'sum-panel' }] });
  const national = readCsvFile(`${dir}national_all_channels.csv`);
  assert.deepEqual(rolled.csv.rows.map((r) => r[0]), national.rows.map((r) => r[0]));
  sameColumns(rolled.csv, national, national.header.slice(1));
  const note = rolled.cleaning?.changes.find((c) => c.column === 'population' && c.row === null);
  assert.match(note?.reason ?? '', /weight of the averaged controls "competitor_sales_control", "sentiment_score_control" and "Promo"/);
});

test('Meridian geo_media_rf through --clean sum_panel equals national_media_rf: Channel3_frequency is total impressions over total reach', { skip }, () => {
  const dir = `${datasets}meridian_simulated/`;
  const rolled = checkAndClean(readOutcome(`${dir}geo_media_rf.csv`), { target: 'conversions' }, { steps: [{ type: 'sum-panel' }] });
  const national = readCsvFile(`${dir}national_media_rf.csv`);
  sameColumns(rolled.csv, national, national.header.slice(1));
});

test('Meridian geo_all_channels: sum_panel and the sources: { meridian } roll-up agree on the KPI, spend, controls and Promo', { skip }, async () => {
  const path = `${datasets}meridian_simulated/geo_all_channels.csv`;
  const rolled = checkAndClean(readOutcome(path), { target: 'conversions' }, { steps: [{ type: 'sum-panel' }] }).csv;
  const { national } = await readMeridianGeo(path);
  const theirs = { header: national.columns, rows: national.rows.map((r) => r.map(String)) };
  sameColumns(rolled, theirs, ['conversions', 'Channel0_spend', 'Channel4_spend', 'competitor_sales_control', 'sentiment_score_control', 'Promo', 'population']);
});

test('PyMC-Marketing multidimensional example (pandas index, two geos): read, rolled up, x1 is geo_a + geo_b', { skip }, () => {
  const csv = readCsvFile(`${datasets}pymc_multidim/mmm_multidimensional_example.csv`);
  assert.deepEqual(csv.warnings.map((w) => w.code), ['ROW_INDEX_DROPPED']);
  const rolled = runCleaning(csv, { date: 'date', target: 'y', spend: ['x1', 'x2'], controls: [], events: [] }, [{ type: 'sum-panel' }]);
  const { table } = tableFromCsv(rolled.table, { target: 'y', channels: ['x1', 'x2'] });
  assert.equal(table.dates.length, 159);
  const x1 = csv.header.indexOf('x1');
  assert.equal(table.channels[0].spend[0], Number((Number(csv.rows[0][x1]) + Number(csv.rows[1][x1])).toPrecision(15)));
  assert.deepEqual(table.events.map((e) => e.name), ['event_1', 'event_2']);
});

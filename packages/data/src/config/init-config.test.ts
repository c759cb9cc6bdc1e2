import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultModelSpec, simulatePreset } from '@mixwise/engine';
import { wideTable } from '../write/wide-table.ts';
import { toCsv } from '../write/write-csv.ts';
import { parseCsvText, readCsvFile } from '../read/read-csv.ts';
import { DataError } from '../issue.ts';
import { detectConfig } from './detect-config.ts';
import { initConfigText } from './init-config-text.ts';
import { loadConfig } from './load-config.ts';
import { configSpec, configToRun } from './config-to-run.ts';
import { tableFromConfig } from './table-from-config.ts';
import { checkAndClean } from '../clean/check-and-clean.ts';
import { readOutcome } from '../validate/read-outcome.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-init-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('init on the retail simulation: detects roles, writes a commented config that loads back and builds the same table', () => {
  const sim = simulatePreset('retail', 3);
  const wide = wideTable(sim.table);
  writeFileSync(join(dir, 'data.csv'), toCsv(wide.columns, wide.rows));
  const detection = detectConfig(readCsvFile(join(dir, 'data.csv')));
  assert.equal(detection.date, 'date');
  assert.equal(detection.frequency, 'weekly');
  assert.equal(detection.target, 'revenue');
  assert.deepEqual(detection.channels.map((c) => [c.name, c.spend]), sim.table.channels.map((c) => [c.name, `${c.name}_spend`]));
  // price is continuous: a control; promo and the holidays hold only 0 and 1: events.
  assert.deepEqual(detection.controls, ['price']);
  assert.deepEqual(detection.events, ['promo', 'black_friday', 'christmas', 'easter']);

  const text = initConfigText(detection, { dataPath: 'data.csv', schema: '../schemas/mixwise.schema.json' });
  assert.match(text, /^# yaml-language-server: \$schema=\.\.\/schemas\/mixwise\.schema\.json\n/);
  assert.match(text, /^ {2}# The date column \(detected\)\. Other date-like columns: none\.$/m);
  assert.match(text, /^granularity: weekly$/m);
  assert.match(text, /^# holidays: \[us, retail\]$/m);
  assert.match(text, /^# week_label: start$/m);
  writeFileSync(join(dir, 'mixwise.yaml'), text);
  const loaded = loadConfig(join(dir, 'mixwise.yaml'));
  assert.equal(loaded.dataPath, join(dir, 'data.csv'));
  const run = configToRun(loaded);
  const built = tableFromConfig(readCsvFile(run.dataPath), loaded, run);
  assert.deepEqual(built.table.dates, sim.table.dates);
  assert.deepEqual(built.table.target.values, sim.table.target.values);
  assert.deepEqual(built.table.channels.map((c) => c.name), sim.table.channels.map((c) => c.name));
  built.table.channels.forEach((c, k) => assert.deepEqual(c.spend, sim.table.channels[k].spend));
  assert.deepEqual(built.table.controls.map((c) => [c.name, c.sign]), [['price', 'free']]);
  assert.deepEqual(built.table.events.map((e) => e.name), ['promo', 'black_friday', 'christmas', 'easter']);
});

test('init leaves seasonality and max_lag to the automatic rule (commented out): a window under a year then gets no seasonality', () => {
  const sim = simulatePreset('retail', 3);
  const wide = wideTable(sim.table);
  const sub = mkdtempSync(join(dir, 'auto-'));
  writeFileSync(join(sub, 'data.csv'), toCsv(wide.columns, wide.rows));
  const text = initConfigText(detectConfig(readCsvFile(join(sub, 'data.csv'))), { dataPath: 'data.csv' });
  assert.match(text, /^ {2}# seasonality: 2$/m);
  assert.match(text, /^ {2}# max_lag: 52$/m);
  assert.doesNotMatch(text, /^ {2}(seasonality|max_lag):/m);
  // The user sets a 30-week window: seasonality must fall to 0 as documented (it would stay 2 if init had written it).
  const dates = sim.table.dates;
  const edited = text.replace(/^# window:\n# {3}start: .*\n# {3}end: .*$/m, `window:\n  start: ${dates[100]}\n  end: ${dates[129]}`);
  assert.notEqual(edited, text);
  writeFileSync(join(sub, 'mixwise.yaml'), edited);
  const loaded = loadConfig(join(sub, 'mixwise.yaml'));
  const run = configToRun(loaded);
  assert.equal(run.model.seasonality, undefined);
  assert.equal(run.model.maxLag, undefined);
  const { table } = tableFromConfig(readCsvFile(run.dataPath), loaded, run);
  const spec = defaultModelSpec({ nTimes: table.dates.length, frequency: table.frequency, channels: table.channels.map((c) => c.name) }, configSpec(run, table));
  assert.equal(spec.window.end - spec.window.start, 30);
  assert.equal(spec.seasonalityOrder, 0);
  assert.ok(spec.channels.every((c) => c.maxLag === 52));
});

test('init lists alternatives: other KPI-like columns stay out of the controls; exposure columns are found', () => {
  const csv = parseCsvText([
    'week,revenue,orders,tv_spend,tv_grps,tv_clicks,price,holiday,launch_date',
    ...Array.from({ length: 14 }, (_, i) => {
      const d = new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10);
      return `${d},${100 + i},${i + 1},${10 * i},${i * 2},${i},${9 + (i % 3)},${i === 5 ? 1 : 0},2023-06-01`;
    }),
  ].join('\n'), 'x.csv');
  const d = detectConfig(csv);
  assert.equal(d.date, 'week');
  assert.deepEqual(d.dateAlternatives, ['launch_date']);
  assert.equal(d.target, 'revenue');
  assert.deepEqual(d.targetAlternatives, ['orders']);
  assert.deepEqual(d.channels, [{ name: 'tv', spend: 'tv_spend', exposure: 'tv_grps', exposureAlternatives: ['tv_clicks'] }]);
  assert.deepEqual(d.controls, ['price']);
  assert.deepEqual(d.events, ['holiday']);
  const text = initConfigText(d, { dataPath: 'x.csv' });
  assert.doesNotMatch(text, /yaml-language-server/);
  assert.match(text, /^ {6}exposure: tv_grps {2}# other exposure columns: tv_clicks$/m);
  assert.match(text, /Other KPI-like columns \(not used\): orders\./);
  assert.equal(detectConfig(csv, { target: 'orders' }).target, 'orders');
  assert.equal(initConfigText(detectConfig(csv, { target: 'orders' }), { dataPath: 'x.csv' }).match(/^ {2}target_kind: (\w+)$/m)?.[1], 'count');
});

test('init with no KPI-like column and no target: MISSING_COLUMN listing the numeric candidates', () => {
  const csv = parseCsvText('date,y1,tv_spend\n2024-01-01,1,2\n2024-01-08,2,3\n', 'x.csv');
  assert.throws(() => detectConfig(csv), (e: unknown) => e instanceof DataError
    && e.issues[0].code === 'MISSING_COLUMN' && /--target COL \(numeric columns: y1\)/.test(e.issues[0].hint));
});

test('init on a file without _spend columns (mmm_stan-style mdsp_/mdip_): channels by name with their exposures, calendar columns out of the controls', () => {
  const csv = parseCsvText([
    'wk_strt_dt,yr_nbr,wk_in_yr_nbr,mdip_dm,mdsp_dm,mdsp_sem,mdip_sem,mdip_em,sales,st_ct,cost_per_click,hldy_xmas',
    ...Array.from({ length: 14 }, (_, i) => {
      // Weeks from 2023-11-12 to 2024-02-11: yr_nbr changes at 2024-01-07 (a constant one would be "constant").
      const d = new Date(Date.UTC(2023, 10, 12 + 7 * i)).toISOString().slice(0, 10);
      return `${d},${i < 8 ? 2023 : 2024},${i + 1},${1000 + i},${50 + i},${30 + 2 * i},${400 + i},${7 * i},${900 + 3 * i},${700.5 + (i % 4) / 7},${1.5 + i / 10},${i === 12 ? 1 : 0}`;
    }),
  ].join('\n'), 'stan.csv');
  const d = detectConfig(csv);
  assert.deepEqual(d.channels, [
    { name: 'dm', spend: 'mdsp_dm', exposure: 'mdip_dm', exposureAlternatives: [] },
    { name: 'sem', spend: 'mdsp_sem', exposure: 'mdip_sem', exposureAlternatives: [] },
  ]);
  assert.equal(d.target, 'sales');
  assert.deepEqual(d.calendar, ['yr_nbr', 'wk_in_yr_nbr']);
  // mdip_em (impressions without a spend column) looks like organic media; cost_per_click is named like media exposure: neither is a control.
  assert.deepEqual(d.controls, ['st_ct']);
  assert.deepEqual(d.organic, ['mdip_em']);
  assert.deepEqual(d.leftOut, [
    { column: 'yr_nbr', reason: 'calendar' }, { column: 'wk_in_yr_nbr', reason: 'calendar' },
    { column: 'cost_per_click', reason: 'exposure' },
  ]);
  assert.deepEqual(d.events, ['hldy_xmas']);
  assert.deepEqual(d.warnings.map((w) => w.code), ['SPEND_BY_NAME']);
  const text = initConfigText(d, { dataPath: 'stan.csv', schema: 's.json' });
  assert.match(text, /# Paid media, detected by their names \(no column ends in _spend\): check them\./);
  assert.match(text, /# Left out: calendar columns \(yr_nbr, wk_in_yr_nbr\)/);
  assert.match(text, /# Also left out of the controls: cost_per_click \(named like media exposure\)\./);
  assert.match(text, /^ {2}# organic: \[mdip_em\]$/m);
  assert.match(text, /^ {6}exposure: mdip_dm$/m);
});

test('init on a panel (the retail simulation split into two regions): roles found on the sums, a sum_panel step, and the national table back', () => {
  const sim = simulatePreset('retail', 4);
  const wide = wideTable(sim.table);
  // Halves are exact in binary, so the two regions add back up to the national numbers exactly.
  const halved = new Set(wide.columns.filter((c) => c === 'revenue' || c.endsWith('_spend')));
  const header = ['date', 'region', ...wide.columns.slice(1)];
  const rows = wide.rows.flatMap((r) => ['north', 'south'].map((region) => [r[0], region,
    ...r.slice(1).map((v, k) => (halved.has(wide.columns[k + 1]) ? Number(v) / 2 : v))]));
  writeFileSync(join(dir, 'regions.csv'), toCsv(header, rows));
  const detection = detectConfig(readCsvFile(join(dir, 'regions.csv')));
  assert.deepEqual(detection.panel, { columns: ['region'], values: ['north', 'south'] });
  assert.equal(detection.nRows, sim.table.dates.length);
  assert.equal(detection.target, 'revenue');
  assert.deepEqual(detection.controls, ['price']);
  const text = initConfigText(detection, { dataPath: 'regions.csv' });
  assert.match(text, /^# The file has a row per date and region \(north, south\)\./m);
  assert.match(text, /^cleaning:\n {2}- sum_panel: \{ column: region \}$/m);
  writeFileSync(join(dir, 'regions.yaml'), text);
  const loaded = loadConfig(join(dir, 'regions.yaml'));
  const run = configToRun(loaded);
  assert.deepEqual(run.cleaning, [{ type: 'sum-panel', column: 'region' }]);
  const checked = checkAndClean(readOutcome(run.dataPath), run.roles, { steps: run.cleaning });
  const built = tableFromConfig(checked.csv, loaded, run);
  assert.deepEqual(built.table.dates, sim.table.dates);
  assert.deepEqual(built.table.target.values, sim.table.target.values);
  built.table.channels.forEach((c, k) => assert.deepEqual(c.spend, sim.table.channels[k].spend));
  assert.deepEqual(built.table.controls[0].values, sim.table.controls[0].values);
});

/** PyMC-Marketing's multidimensional layout: pandas' unnamed index, 14 weeks × geo_a/geo_b, spend x1 and x2 (no _spend suffix), two 0/1 events, KPI y. */
function multidimensional(): string {
  const lines = [',date,geo,x1,x2,event_1,event_2,y'];
  for (let w = 0; w < 14; w++) {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
    for (const g of [0, 1]) lines.push([2 * w + g, d, `geo_${'ab'[g]}`, 5000 + 100 * w + g, g === 0 && w < 5 ? 0 : 6000 + 50 * (w % 4), w === 3 ? 1 : 0, w === 9 ? 1 : 0, 8000 + 300 * (w % 5) + 10 * g].join(','));
  }
  return lines.join('\n') + '\n';
}

test('init with named channels (--channels x1,x2) on PyMC\'s multidimensional layout: channels, events and a sum_panel step, and the national table back', () => {
  writeFileSync(join(dir, 'multi.csv'), multidimensional());
  const csv = readCsvFile(join(dir, 'multi.csv'));
  // Without the channels named, the hint says how to name them.
  assert.throws(() => detectConfig(csv, { target: 'y' }), (e: unknown) => e instanceof DataError
    && e.issues.some((i) => i.code === 'NO_CHANNELS' && /name them with --channels col1,col2/.test(i.hint)));
  const d = detectConfig(csv, { target: 'y', channels: ['x1', 'x2'] });
  assert.deepEqual(d.channels, [{ name: 'x1', spend: 'x1', exposureAlternatives: [] }, { name: 'x2', spend: 'x2', exposureAlternatives: [] }]);
  assert.deepEqual([d.target, d.controls, d.events, d.nRows], ['y', [], ['event_1', 'event_2'], 14]);
  assert.deepEqual(d.panel, { columns: ['geo'], values: ['geo_a', 'geo_b'] });
  assert.deepEqual(d.named, { channels: true, controls: false });
  const text = initConfigText(d, { dataPath: 'multi.csv' });
  assert.match(text, /^ {2}# Paid media, as named with --channels\./m);
  assert.match(text, /^cleaning:\n {2}- sum_panel: \{ column: geo \}$/m);
  writeFileSync(join(dir, 'multi.yaml'), text);
  const loaded = loadConfig(join(dir, 'multi.yaml'));
  const run = configToRun(loaded);
  const checked = checkAndClean(readOutcome(run.dataPath), run.roles, { steps: run.cleaning });
  const built = tableFromConfig(checked.csv, loaded, run);
  assert.equal(built.table.dates.length, 14);
  assert.deepEqual(built.table.channels.map((c) => [c.name, c.spend[0], c.spend[13]]), [['x1', 10001, 12601], ['x2', 6000, 12100]]);
  assert.deepEqual(built.table.events.map((e) => e.name), ['event_1', 'event_2']);
});

test('init with named controls (--controls) and date (--date): they replace detection and are checked like fit\'s', () => {
  const wide = wideTable(simulatePreset('retail', 3).table);
  const csv = parseCsvText(toCsv(wide.columns, wide.rows), 'retail.csv');
  const d = detectConfig(csv, { controls: ['promo'] });
  assert.deepEqual(d.controls, ['promo']);
  assert.deepEqual(d.events, ['black_friday', 'christmas', 'easter'], 'a named control is not an event');
  assert.deepEqual(d.leftOut, [{ column: 'price', reason: 'not-listed' }]);
  const text = initConfigText(d, { dataPath: 'retail.csv' });
  assert.match(text, /^ {2}# Controls, as named with --controls/m);
  assert.match(text, /^ {4}- \{ name: promo, sign: free \}$/m);
  assert.match(text, /# Also left out of the controls: price \(not in --controls\)\./);
  const codes = (given: Parameters<typeof detectConfig>[1]): string[][] => {
    try {
      detectConfig(csv, given);
    } catch (err) {
      if (err instanceof DataError) return err.issues.map((i) => [i.code, i.at.column ?? '']);
      throw err;
    }
    return [];
  };
  assert.deepEqual(codes({ controls: ['nope'] }), [['MISSING_COLUMN', 'nope']]);
  assert.deepEqual(codes({ controls: ['tv_spend'] }), [['ROLE_CONFLICT', 'tv_spend']]);
  assert.deepEqual(codes({ target: 'tv_spend' }), [['ROLE_CONFLICT', 'tv_spend']]);
  assert.deepEqual(codes({ date: 'nope' }), [['MISSING_COLUMN', 'nope']]);

  const weeks = parseCsvText(['start,end,revenue,tv_spend', ...Array.from({ length: 14 }, (_, i) => {
    const day = (k: number): string => new Date(Date.UTC(2024, 0, 1 + 7 * i + k)).toISOString().slice(0, 10);
    return `${day(0)},${day(6)},${100 + (i % 4)},${10 + i}`;
  })].join('\n'), 'weeks.csv');
  assert.equal(detectConfig(weeks).date, 'start');
  const byEnd = detectConfig(weeks, { date: 'end' });
  assert.deepEqual([byEnd.date, byEnd.dateAlternatives, byEnd.firstDate], ['end', ['start'], '2024-01-07']);
});

test('init proposes a text column of a few values beside "na" (Robyn\'s events) as events, with a comment, and the config builds its dummies', () => {
  const rows = Array.from({ length: 40 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10)},${1000 + ((i * 37) % 101)},${100 + ((i * 7) % 13)},`
    + `${i === 5 ? 'event1' : i === 17 ? 'event2' : 'na'},note ${i}`);
  writeFileSync(join(dir, 'robyn.csv'), ['DATE,revenue,tv_S,events,comment', ...rows].join('\n'));
  const detection = detectConfig(readCsvFile(join(dir, 'robyn.csv')));
  assert.deepEqual(detection.events, ['events']);
  const text = initConfigText(detection, { dataPath: 'robyn.csv' });
  assert.match(text, /^ {2}events: \[events\]$/m);
  assert.match(text, /# events: a text column \(na, event1, event2\), proposed as events: each value other than na, none or an empty cell\n {2}# becomes a 0\/1 event \(events_event1, events_event2\)/);
  assert.match(text, /# Not used: text columns comment \(values: note 0, /);
  writeFileSync(join(dir, 'robyn.yaml'), text);
  const loaded = loadConfig(join(dir, 'robyn.yaml'));
  const run = configToRun(loaded);
  const built = tableFromConfig(readCsvFile(run.dataPath), loaded, run);
  assert.deepEqual(built.table.events.map((e) => e.name), ['events_event1', 'events_event2']);
});

test('init on a file in Meridian\'s geo layout: the config comments name sources: { meridian }, the geos in natural order; another panel does not', () => {
  const lines = ['geo,time,TV_impression,TV_spend,Search_impression,Search_spend,sentiment_control,conversions,revenue_per_conversion,population'];
  for (let w = 0; w < 30; w++) {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
    for (let g = 0; g < 12; g++) {
      lines.push([`Geo${g}`, d, 1000 + ((w * 7 + g) % 13) * 50, 10 + ((w * 7 + g) % 13), 500 + ((w * 5 + g) % 7) * 40, 5 + ((w * 5 + g) % 7),
        ((w + g) % 5) / 4, 2000 + 30 * ((w * 7 + g) % 13) + 20 * ((w * 5 + g) % 7) + 7 * (w % 4), 0.02 + (g % 3) / 1000, 1000 * (g + 1)].join(','));
    }
  }
  const csv = parseCsvText(lines.join('\n') + '\n', 'geo_shop.csv');
  const detection = detectConfig(csv, { target: 'conversions' });
  assert.equal(detection.meridianShaped, true);
  const text = initConfigText(detection, { dataPath: 'data/geo_shop.csv' });
  assert.match(text, /^# Also: the file has Google Meridian's geo layout .*"sources: \{ meridian: geo_shop\.csv \}" in mixwise\.yaml/m);
  assert.match(text, /a row per date and geo \(Geo0, Geo1, Geo2, Geo3, Geo4, … \(12 in all\)\)/);
  const other = parseCsvText(lines.join('\n').replace(/^geo,time,/, 'region,time,') + '\n', 'r.csv');
  assert.doesNotMatch(initConfigText(detectConfig(other, { target: 'conversions' }), { dataPath: 'r.csv' }), /sources: \{ meridian/);
});

test('init: columns that look like organic media are a commented suggestion under columns.organic, never controls; uncommented, they are organic media', () => {
  const sim = simulatePreset('retail', 3);
  const wide = wideTable(sim.table);
  const n = wide.rows.length;
  const extra = ['newsletter_sends', 'organic_impressions', 'pr_mentions', `${sim.table.channels[0].name}_impressions`];
  const rows = wide.rows.map((r, i) => [...r, String(1000 + (i % 5) * 300), String(20000 + (i % 7) * 1000), String(i % 4), String(5000 + 10 * i)]);
  writeFileSync(join(dir, 'organic.csv'), toCsv([...wide.columns, ...extra], rows));
  const detection = detectConfig(readCsvFile(join(dir, 'organic.csv')));
  assert.deepEqual(detection.organic, ['newsletter_sends', 'organic_impressions', 'pr_mentions']);
  assert.deepEqual(detection.controls, ['price']);
  assert.equal(detection.channels[0].exposure, extra[3], 'a channel\'s own impressions stay its exposure');
  const text = initConfigText(detection, { dataPath: 'organic.csv' });
  assert.match(text, /^ {2}# organic: \[newsletter_sends, organic_impressions, pr_mentions\]$/m);
  assert.doesNotMatch(text, /^ {2}organic:/m, 'a suggestion, never set silently');
  writeFileSync(join(dir, 'organic.yaml'), text);
  assert.equal(configToRun(loadConfig(join(dir, 'organic.yaml'))).roles.organic, undefined);
  writeFileSync(join(dir, 'organic-on.yaml'), text.replace('  # organic: [', '  organic: ['));
  const loaded = loadConfig(join(dir, 'organic-on.yaml'));
  const run = configToRun(loaded);
  const built = tableFromConfig(readCsvFile(run.dataPath), loaded, run);
  assert.deepEqual(built.table.organic?.map((o) => o.name), ['newsletter_sends', 'organic_impressions', 'pr_mentions']);
  assert.equal(built.table.organic?.[0].values.length, n);
  // Without candidates the config still says where organic media go.
  assert.match(initConfigText({ ...detection, organic: [] }, { dataPath: 'organic.csv' }), /^ {2}# Organic media \(exposure without spend.*e\.g\. organic: \[newsletter_sends\]\.$/m);
});

test('init: an organic-looking column that would fail the organic checks is left out of the suggestion, with what to fix', () => {
  const sim = simulatePreset('retail', 3);
  const wide = wideTable(sim.table);
  const extra = ['newsletter_sends', 'pr_mentions', 'organic_impressions'];
  // newsletter_sends: an empty cell on file line 5 and -3 on line 9; pr_mentions fine; organic_impressions 0 throughout.
  const rows = wide.rows.map((r, i) => [...r, i === 3 ? '' : i === 7 ? '-3' : String(1000 + (i % 5) * 300), String(i % 4), '0']);
  writeFileSync(join(dir, 'organic-bad.csv'), toCsv([...wide.columns, ...extra], rows));
  const detection = detectConfig(readCsvFile(join(dir, 'organic-bad.csv')));
  assert.deepEqual(detection.organic, extra);
  const text = initConfigText(detection, { dataPath: 'organic-bad.csv' });
  assert.match(text, /^ {2}# organic: \[pr_mentions\]$/m);
  assert.match(text, /^ {2}# Not listed until fixed: newsletter_sends: 1 empty cell \(line 5; cleaning step fill_gaps reads it as 0\), 1 negative value \(line 9: -3; cleaning step negatives: clip\)\.$/m);
  assert.match(text, /^ {2}# Not listed until fixed: organic_impressions: 0 in every period: no exposure to measure, leave it out\.$/m);
});

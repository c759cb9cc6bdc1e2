// detectConfig (mixwise init) on panels and pandas exports: the reviewer's repros on the public datasets
// beside the repo (../shared/datasets), and the same shapes as small inline files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataError } from '../issue.ts';
import { parseCsvText, readCsvFile } from '../read/read-csv.ts';
import { detectConfig, type GivenRoles } from './detect-config.ts';
import { initConfigText } from './init-config-text.ts';
import { rollUpPanel } from '../clean/steps/sum-panel.ts';

const datasets = fileURLToPath(new URL('../../../../../shared/datasets/', import.meta.url));
const skip = existsSync(datasets) ? false : `public datasets not found at ${datasets}`;
const meridian = (name: string): string => `${datasets}meridian_simulated/${name}.csv`;

/** The issues detectConfig throws, as [code, row, column]. */
function refused(csv: ReturnType<typeof parseCsvText>, given: GivenRoles = {}): { codes: unknown[][]; messages: string[] } {
  try {
    detectConfig(csv, given);
  } catch (err) {
    if (err instanceof DataError) return { codes: err.issues.map((i) => [i.code, i.at.row, i.at.column]), messages: err.issues.map((i) => i.message) };
    throw err;
  }
  throw new Error('expected a DataError');
}

/** A Meridian-like geo file: 10 weeks × 3 geos, impressions, reach and frequency, conversions and revenue_per_conversion. */
function meridianLike(): ReturnType<typeof parseCsvText> {
  const lines = ['geo,time,Channel0_impression,Channel0_spend,Channel1_impression,Channel1_reach,Channel1_frequency,Channel1_spend,sentiment_control,conversions,revenue_per_conversion,population'];
  for (let w = 0; w < 10; w++) {
    const d = new Date(Date.UTC(2021, 0, 25 + 7 * w)).toISOString().slice(0, 10);
    for (let g = 0; g < 3; g++) {
      const imp = 1000 + 97 * ((w * 5 + g) % 7);
      lines.push([`Geo${g}`, d, imp, imp / 100, 500 + 31 * ((w + 2 * g) % 5), 200 + g, 2.5, 7 + ((w * 3 + g) % 4), ((w * 7 + g) % 5) - 2,
        100000 + 1234 * ((w * 3 + g) % 9) + 5000 * g, 0.02 + 0.001 * ((w + g) % 4), 10000 * (g + 1)].join(','));
    }
  }
  return parseCsvText(lines.join('\n'), 'geo.csv');
}

test('init on a Meridian-like geo file: target conversions (count), revenue_per_conversion a rate (no KPI, no control), Channel1 exposed by impressions, not reach', () => {
  const d = detectConfig(meridianLike());
  assert.equal(d.target, 'conversions');
  assert.deepEqual(d.targetAlternatives, []);
  assert.deepEqual(d.leftOut.find((l) => l.column === 'revenue_per_conversion'), { column: 'revenue_per_conversion', reason: 'rate' });
  assert.deepEqual(d.channels.map((c) => [c.name, c.exposure, c.exposureAlternatives]), [['Channel0', 'Channel0_impression', []], ['Channel1', 'Channel1_impression', []]]);
  assert.deepEqual(d.controls, ['sentiment_control']);
  // The roll-up averages the rate and the control, and sums the rest.
  const { csv } = rollUpPanel(meridianLike());
  const first = Object.fromEntries(csv.header.map((h, j) => [h, Number(csv.rows[0][j])]));
  assert.equal(first.revenue_per_conversion, Number(((0.02 + 0.021 + 0.022) / 3).toPrecision(15)));
  assert.equal(first.population, 60000);
  assert.equal(first.Channel1_frequency, 2.5, 'a frequency is a rate: averaged');
  assert.equal(first.conversions, 100000 + 0 + 101234 + 5000 + 102468 + 10000);
});

test('init with no KPI but a rate of one (revenue_per_conversion) says there is no KPI rather than picking the rate', () => {
  const csv = parseCsvText('date,tv_spend,revenue_per_conversion\n2024-01-01,1,0.02\n2024-01-08,2,0.03\n2024-01-15,3,0.025\n', 'h.csv');
  const { codes, messages } = refused(csv);
  assert.deepEqual(codes, [['MISSING_COLUMN', undefined, undefined]]);
  assert.match(messages[0], /^no column looks like the KPI \("revenue_per_conversion" is a rate per unit, which does not add up over periods or geos: not a KPI\)$/);
});

test('init on a long file (one row per date and channel): LONG_FORMAT, never a sum_panel step', () => {
  const lines = ['date,channel,spend,revenue'];
  for (let w = 0; w < 6; w++) {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
    ['tv', 'search'].forEach((c, k) => lines.push(`${d},${c},${10 * (k + 1) + w},${500 + w}`));
  }
  const csv = parseCsvText(lines.join('\n'), 'long.csv');
  assert.deepEqual(refused(csv).codes, [['LONG_FORMAT', undefined, 'channel']]);
  assert.deepEqual(refused(csv, { channels: ['spend'] }).codes, [['LONG_FORMAT', undefined, 'channel']]);
  // Whatever the column is named, a KPI repeated on every row of a date is caught once the KPI is known.
  const renamed = parseCsvText(lines.join('\n').replace('date,channel,', 'date,line,').replace(/,tv,/g, ',a,').replace(/,search,/g, ',b,'), 'long.csv');
  assert.deepEqual(refused(renamed, { channels: ['spend'] }).codes, [['LONG_FORMAT', undefined, 'line']]);
});

/** An ad export by campaign: date, channel, campaign, spend, impressions, clicks; some campaigns run on some days only (events, webinars). */
function adExport(): ReturnType<typeof parseCsvText> {
  const lines = ['date,channel,campaign,spend,impressions,clicks'];
  const campaigns = [['linkedin', 'LI_ABM'], ['linkedin', 'LI_LeadGen'], ['search', 'GA_Brand'], ['search', 'GA_NonBrand'], ['events', 'EV_Trade']];
  for (let d = 0; d < 21; d++) {
    const day = new Date(Date.UTC(2021, 0, 4 + d)).toISOString().slice(0, 10);
    campaigns.forEach(([channel, campaign], k) => {
      if (campaign === 'EV_Trade' && d % 7 !== 0) return;
      lines.push(`${day},${channel},${campaign},${100 * (k + 1) + 7 * d},${10000 + 13 * d * (k + 1)},${100 + d + k}`);
    });
  }
  return parseCsvText(lines.join('\n'), 'ads_clean.csv');
}

test('init and validate on a long ad export by campaign (no KPI column, campaigns on some days only): one LONG_FORMAT naming sources: { spend, kpi }, not PANEL_UNBALANCED per date', () => {
  const { codes, messages } = refused(adExport());
  assert.deepEqual(codes, [['LONG_FORMAT', undefined, 'channel']]);
  assert.match(messages[0], /several values of "channel" \(linkedin, search, events\) \(and "campaign" within each channel\)/);
  // --target spend (validate's way past "no KPI") is no KPI that the rows split.
  assert.deepEqual(refused(adExport(), { target: 'spend' }).codes, [['LONG_FORMAT', undefined, 'channel']]);
  let hint = '';
  try { detectConfig(adExport()); } catch (err) { hint = err instanceof DataError ? err.issues[0].hint : ''; }
  assert.match(hint, /"sources: \{ spend: ads_clean\.csv, kpi: kpi\.csv \}"/);
  assert.match(hint, /the "campaign" rows of a channel are summed/);
  assert.match(hint, /a file of its own with one row per date/);
  assert.doesNotMatch(hint, /SELECT DISTINCT/, 'the export has no KPI to copy out of it');
});

test('init on a panel whose column is named like channels (platform ios/android, sales_channel online/store) but splits the KPI: sum_panel, not LONG_FORMAT', () => {
  for (const [column, values, kpi] of [['platform', ['ios', 'android'], 'installs'], ['sales_channel', ['online', 'store'], 'revenue']] as const) {
    const lines = [`date,${column},${kpi},search_spend,social_spend`];
    for (let w = 0; w < 20; w++) {
      const d = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
      values.forEach((v, k) => lines.push(`${d},${v},${100 + 3 * w + 40 * k + ((7 * w) % 13)},${50 + (w % 9) + 5 * k},${30 + ((5 * w) % 11) + 3 * k}`));
    }
    const csv = parseCsvText(lines.join('\n'), 'panel.csv');
    for (const given of [{}, { target: kpi }]) {
      const d = detectConfig(csv, given);
      assert.equal(d.target, kpi);
      assert.deepEqual(d.panel?.columns, [column]);
    }
  }
});

test('init on a panel that lacks one geo row names the row (PANEL_UNBALANCED)', () => {
  const lines = meridianLike().rows.map((r) => r.join(','));
  const csv = parseCsvText(['geo,time,Channel0_impression,Channel0_spend,Channel1_impression,Channel1_reach,Channel1_frequency,Channel1_spend,sentiment_control,conversions,revenue_per_conversion,population',
    ...lines.filter((_, i) => i !== 7)].join('\n'), 'geo.csv');
  // Row index 7 is week 2, Geo1; that week's first row (Geo0) is file line 8.
  const { codes, messages } = refused(csv);
  assert.deepEqual(codes, [['PANEL_UNBALANCED', 8, 'geo']]);
  assert.match(messages[0], /the date 2021-02-08 has no row for "Geo1"/);
});

test('init on a pandas export with an "Unnamed: 0" column: ignored with a warning, named in the config, never a control', () => {
  const csv = parseCsvText('Unnamed: 0,date,tv_spend,price,sales\n7,2024-01-01,1,3,10\n2,2024-01-08,2,4,12\n9,2024-01-15,3,3.5,15\n4,2024-01-22,1,3.2,11\n', 'p.csv');
  const d = detectConfig(csv);
  assert.deepEqual(d.controls, ['price']);
  assert.ok(!d.leftOut.some((l) => l.column === 'Unnamed: 0'));
  assert.deepEqual(d.warnings.map((w) => [w.code, w.at.row, w.at.column]), [['UNNAMED_COLUMN_DROPPED', 1, 'Unnamed: 0']]);
  assert.match(initConfigText(d, { dataPath: 'p.csv' }), /^ {2}# Ignored: "Unnamed: 0" \(pandas' name for a column without a header, often a stale row index\): never a channel, control or KPI\.$/m);
});

test('public Meridian geo files: the KPI is conversions, never revenue_per_conversion; geo_media_rf pairs Channel3 with its impressions', { skip }, () => {
  for (const name of ['geo_media', 'geo_media_rf', 'geo_all_channels', 'geo_full_funnel_data', 'national_media']) {
    const d = detectConfig(readCsvFile(meridian(name)));
    assert.equal(d.target, 'conversions', name);
    assert.ok(!d.targetAlternatives.includes('revenue_per_conversion'), name);
  }
  const rf = detectConfig(readCsvFile(meridian('geo_media_rf')));
  assert.deepEqual(rf.channels.map((c) => c.exposure), ['Channel0_impression', 'Channel1_impression', 'Channel2_impression', 'Channel3_impression']);
});

test('public hypothetical_geo_all_channels: no KPI (said so), and its "Unnamed: 0" index is never a control', { skip }, () => {
  const csv = readCsvFile(meridian('hypothetical_geo_all_channels'));
  assert.deepEqual(refused(csv).codes, [['MISSING_COLUMN', undefined, undefined]]);
  const d = detectConfig(csv, { target: 'population' });
  assert.ok(!d.controls.includes('Unnamed: 0') && !csv.header.includes('Unnamed: 0'));
});

test('public PyMC multidimensional example without one geo row: PANEL_UNBALANCED naming the date and geo', { skip }, () => {
  const text = readFileSync(`${datasets}pymc_multidim/mmm_multidimensional_example.csv`, 'utf8').split('\n');
  // Drop the pandas index column and the row of geo_a on 2023-05-22 (file line 102).
  const dropped = text.filter((_, i) => i !== 101).map((l) => l.slice(l.indexOf(',') + 1)).join('\n');
  const { codes, messages } = refused(parseCsvText(dropped, 'multi.csv'), { target: 'y', channels: ['x1', 'x2'] });
  assert.deepEqual(codes, [['PANEL_UNBALANCED', 102, 'geo']]);
  assert.match(messages[0], /the date 2023-05-22 has no row for "geo_a"/);
});

test('public Robyn weekly file reshaped long (date × channel, revenue repeated): LONG_FORMAT', { skip }, () => {
  const wide = readCsvFile(`${datasets}robyn_simulated_weekly/dt_simulated_weekly.csv`);
  const col = (name: string): number => wide.header.indexOf(name);
  const lines = ['date,channel,spend,revenue', ...wide.rows.flatMap((r) => ['tv_S', 'ooh_S', 'print_S', 'search_S', 'facebook_S']
    .map((s) => `${r[col('DATE')]},${s.slice(0, -2)},${r[col(s)]},${r[col('revenue')]}`))];
  const long = parseCsvText(lines.join('\n'), 'long.csv');
  assert.deepEqual(refused(long).codes, [['LONG_FORMAT', undefined, 'channel']]);
  assert.deepEqual(refused(long, { target: 'revenue', channels: ['spend'] }).codes, [['LONG_FORMAT', undefined, 'channel']]);
});

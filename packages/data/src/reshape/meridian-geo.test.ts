import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError } from '../issue.ts';
import { fileURLToPath } from 'node:url';
import { readMeridianGeo } from './meridian-geo.ts';

const DIR = fileURLToPath(new URL('../../../../../shared/datasets/meridian_simulated/', import.meta.url));
const present = existsSync(`${DIR}geo_media.csv`);

test('Meridian geo_media.csv: long table, and the roll-up equals national_media.csv per week (relative 1e-6)', { skip: present ? false : '../shared is absent' }, async () => {
  const r = await readMeridianGeo(`${DIR}geo_media.csv`);
  assert.equal(r.geos.length, 20);
  assert.equal(r.long.length, 20 * 156 * 4); // geos × weeks × channels (SOURCE.md)
  assert.equal(r.national.rows.length, 156);
  // Independent check: national_media.csv parsed here by hand, not through DuckDB.
  const [header, ...lines] = readFileSync(`${DIR}national_media.csv`, 'utf8').trim().split('\n');
  const cols = header.split(',');
  const pairs: [string, string][] = [['conversions', 'conversions']];
  for (let c = 0; c < 4; c++) pairs.push([`Channel${c}_spend`, `Channel${c}_spend`], [`Channel${c}_impressions`, `Channel${c}_impression`]);
  // Controls: the population-weighted mean over geos reproduces Meridian's national controls.
  for (const c of ['competitor_activity_score_control', 'sentiment_score_control']) pairs.push([c, c]);
  lines.forEach((line, t) => {
    const cells = line.split(',');
    const row = r.national.rows[t];
    assert.equal(row[0], cells[cols.indexOf('time')]);
    for (const [ours, theirs] of pairs) {
      const want = Number(cells[cols.indexOf(theirs)]);
      const got = row[r.national.columns.indexOf(ours)] as number;
      assert.ok(Math.abs(got - want) <= 1e-6 * Math.max(1, Math.abs(want)), `${row[0]} ${ours}: ${got} vs ${want}`);
    }
  });
  // Hand check of one cell from the first two lines of geo_media.csv: Geo0, 2021-01-25, Channel0_spend = 3733.023.
  assert.equal(r.long.find((x) => x.geo === 'Geo0' && x.date === '2021-01-25' && x.channel === 'Channel0')?.spend, 3733.023);
  // Revenue = Σ over geos of conversions × revenue_per_conversion; python3 over the raw file (csv
  // module, float64) gives 5681638.013775979 for 2021-01-25.
  const revenue = r.national.rows[0][r.national.columns.indexOf('revenue')] as number;
  assert.ok(Math.abs(revenue - 5681638.013775979) < 1e-6, String(revenue));
});

test('a broken Meridian geo file: located issues (line and column), not a DuckDB error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-meridian-'));
  try {
    const lines = ['geo,time,TV_impression,TV_spend,price_control,population,conversions'];
    for (const geo of ['A', 'B']) for (let w = 0; w < 4; w++) lines.push(`${geo},2024-01-${String(1 + 7 * w).padStart(2, '0')},${100 + w},${10 + w},1.5,1000,${50 + w}`);
    const bad = [...lines];
    bad[2] = 'A,2024-01-08,101,abc,1.5,1000,51'; // line 3: text in a spend cell
    bad[4] = 'A,2024-01-22,103,-5,1.5,1000,'; // line 5: negative spend, empty KPI
    bad[6] = 'B,2024-02-30,101,11,1.5,1000,51'; // line 7: impossible date
    bad[8] = 'B,2024-01-01,103,13,1.5,1000,53'; // line 9: geo B, 2024-01-01 again (line 6)
    writeFileSync(join(dir, 'geo.csv'), bad.join('\n') + '\n');
    const err = await readMeridianGeo(join(dir, 'geo.csv')).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof DataError, String(err));
    assert.deepEqual(err.issues.map((i) => [i.code, i.at.row, i.at.column]), [
      ['NOT_A_NUMBER', 3, 'TV_spend'], ['EMPTY_CELL', 5, 'conversions'], ['NEGATIVE_SPEND', 5, 'TV_spend'],
      ['INVALID_DATE', 7, 'time'], ['DUPLICATE_DATE', 9, 'time']]);
    assert.ok(err.issues.every((i) => i.at.file === 'geo.csv'));
    writeFileSync(join(dir, 'nogeo.csv'), lines.map((l) => l.slice(l.indexOf(',') + 1)).join('\n'));
    const missing = await readMeridianGeo(join(dir, 'nogeo.csv')).then(() => undefined, (e: unknown) => e);
    assert.ok(missing instanceof DataError);
    assert.deepEqual(missing.issues.map((i) => [i.code, i.at.column]), [['MISSING_COLUMN', 'geo']]);
    // The clean file rolls up: 2 geos × 4 weeks → 4 national weeks, spend summed, control weighted.
    writeFileSync(join(dir, 'ok.csv'), lines.join('\n'));
    const ok = await readMeridianGeo(join(dir, 'ok.csv'));
    assert.deepEqual(ok.national.columns, ['date', 'conversions', 'population', 'TV_spend', 'TV_impressions', 'price_control']);
    assert.deepEqual(ok.national.rows[1], ['2024-01-08', 102, 2000, 22, 202, 1.5]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Meridian extras: organic impressions summed and a treatment (Promo) weighted by population are kept; reach/frequency and a text column are listed as left out', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-meridian-extras-'));
  try {
    const lines = [',geo,time,Channel0_impression,Channel0_spend,Organic_channel0_impression,Promo,Channel0_reach,Channel0_frequency,note,conversions,population'];
    let k = 0;
    for (const date of ['2024-01-01', '2024-01-08']) {
      lines.push(`${k++},GeoA,${date},10,5,100,1,4,2.5,x,50,300`, `${k++},GeoB,${date},20,7,30,0,6,3,y,70,100`);
    }
    writeFileSync(join(dir, 'geo.csv'), lines.join('\n') + '\n');
    const r = await readMeridianGeo(join(dir, 'geo.csv'));
    assert.deepEqual(r.national.columns, ['date', 'conversions', 'population', 'Channel0_spend', 'Channel0_impressions', 'Organic_channel0', 'Promo']);
    const row = r.national.rows[0];
    assert.equal(row[5], 130, 'organic impressions are summed over geos');
    assert.equal(row[6], 0.75, 'Promo: population-weighted mean (1 × 300 + 0 × 100) / 400');
    assert.deepEqual(r.issues.map((i) => [i.code, i.severity, i.at.column]), [
      ['SOURCE_COLUMN_LEFT_OUT', 'warning', 'Channel0_reach'],
      ['SOURCE_COLUMN_LEFT_OUT', 'warning', 'Channel0_frequency'],
      ['SOURCE_COLUMN_LEFT_OUT', 'warning', 'note'],
    ]);
    assert.match(r.issues[2].message, /4 cells are empty or not a number \(first on line 2: "x"\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Meridian geo_all_channels.csv: Promo and the organic channel are kept, nothing is left out silently', { skip: present ? false : '../shared is absent' }, async () => {
  const r = await readMeridianGeo(`${DIR}geo_all_channels.csv`);
  assert.deepEqual(r.national.columns.slice(-2), ['Organic_channel0', 'Promo']);
  assert.deepEqual(r.issues, []);
  const rf = await readMeridianGeo(`${DIR}geo_media_rf.csv`);
  assert.deepEqual(rf.issues.map((i) => i.at.column), ['Channel3_reach', 'Channel3_frequency']);
});

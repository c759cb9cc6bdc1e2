import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
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
});

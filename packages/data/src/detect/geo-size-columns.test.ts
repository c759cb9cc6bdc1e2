import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../read/read-csv.ts';
import { tableFromCsv } from '../build/table-from-csv.ts';
import { baseCells, toText } from '../../test/make-csv.ts';
import { geoSizeColumns } from './geo-size-columns.ts';

/** A long panel of 2 geos × 3 dates: population per geo, a flat rate everywhere, a price that moves, a size that changes once. */
const LONG = [
  'date,geo,sales,population,rate,price,households',
  '2024-01-01,north,10,5000,3,1.5,200',
  '2024-01-01,south,20,1200,3,1.6,90',
  '2024-01-08,north,11,5000,3,1.4,200',
  '2024-01-08,south,21,1200,3,1.7,90',
  '2024-01-15,north,12,5000,3,1.5,210',
  '2024-01-15,south,22,1200,3,1.5,90',
].join('\n');

test('geoSizeColumns: a positive number the same on every row of a geo and not the same for all geos', () => {
  const csv = parseCsvText(LONG, 'panel.csv');
  // rate is constant everywhere (no size), price and sales move within a geo, households changes in north.
  assert.deepEqual(geoSizeColumns(csv, 'geo'), ['population']);
  assert.deepEqual(geoSizeColumns(csv, 'region'), [], 'no geo column: none');
  const zero = parseCsvText(LONG.replace(/,1200,/g, ',0,'), 'panel.csv');
  assert.deepEqual(geoSizeColumns(zero, 'geo'), [], 'a size must be above zero');
  const blank = parseCsvText(LONG.replace('2024-01-08,south,21,1200,', '2024-01-08,south,21,,'), 'panel.csv');
  assert.deepEqual(geoSizeColumns(blank, 'geo'), [], 'a size must be on every row');
});

test('geoSizeColumns: per-geo ids, codes and coordinates are no size, whatever their values', () => {
  // Each is constant within a geo and differs between geos, as population does; only the name tells them apart.
  for (const name of ['dma_code', 'geo_id', 'DMA', 'fips', 'zip', 'latitude', 'lng', 'store id']) {
    const csv = parseCsvText(LONG.replace('population', name), 'panel.csv');
    assert.deepEqual(geoSizeColumns(csv, 'geo'), [], name);
  }
  for (const name of ['households_total', 'pop_2020', 'idle_population_k']) {
    const csv = parseCsvText(LONG.replace('population', name), 'panel.csv');
    assert.deepEqual(geoSizeColumns(csv, 'geo'), [name], `${name} is still a size`);
  }
});

test('tableFromCsv: a geo size left unused is listed as constant within each geo, with the geo_size setting as the fix', () => {
  // The national roll-up of a panel: population summed over the geos is the same every week.
  const cells = baseCells().map((r, i) => [...r, i === 0 ? 'population' : '6200']);
  const csv = parseCsvText(toText(cells), 'data.csv');
  const roles = { target: 'sales', controls: ['price'], events: ['promo'] };
  const plain = tableFromCsv(csv, roles).warnings.find((w) => w.code === 'UNUSED_COLUMNS');
  assert.equal(plain?.message, 'numeric columns not used by the model: population (constant)', 'without a geo panel it is constant');
  const geo = tableFromCsv(csv, roles, { geoSizeLike: ['population'] }).warnings.find((w) => w.code === 'UNUSED_COLUMNS');
  assert.equal(geo?.message, 'numeric columns not used by the model: population (constant within each geo, different between geos: looks like a geo size)');
  assert.equal(geo?.hint, 'to size each geo by population rather than by its share of the KPI, fit with --geo-size population (or columns.geo_size: population in mixwise.yaml)');
  assert.doesNotMatch(geo?.message ?? '', /\(constant\)/);
});

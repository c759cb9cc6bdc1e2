import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../read/read-csv.ts';
import { isPopulationNamed, panelCombination, populationColumn, reachColumn } from './panel-weights.ts';

const ROLES = { target: 'y', spend: ['tv_spend'], controls: ['price', 'population'], events: [] };

test('populationColumn: a column named like a population, positive and the same on every row of a geo', () => {
  const csv = parseCsvText('date,geo,y,tv_spend,price,population\n2024-01-01,a,1,1,2,100\n2024-01-01,b,1,1,3,300\n2024-01-08,a,1,1,2,100\n2024-01-08,b,1,1,3,300\n', 'p.csv');
  assert.equal(populationColumn(csv, ROLES, ['geo'], 'date'), 'population');
  assert.deepEqual(panelCombination(csv, ROLES, 'price', 'population'), { rule: 'mean', weight: 'population' });
  assert.deepEqual(panelCombination(csv, ROLES, 'population', 'population'), { rule: 'sum' });
  // It moves within a geo, or one cell is 0: no weight.
  assert.equal(populationColumn(parseCsvText(csv.header.join(',') + '\n2024-01-01,a,1,1,2,100\n2024-01-01,b,1,1,3,300\n2024-01-08,a,1,1,2,120\n2024-01-08,b,1,1,3,300\n', 'p.csv'), ROLES, ['geo'], 'date'), undefined);
  assert.equal(populationColumn(parseCsvText(csv.header.join(',') + '\n2024-01-01,a,1,1,2,0\n2024-01-01,b,1,1,3,300\n2024-01-08,a,1,1,2,0\n2024-01-08,b,1,1,3,300\n', 'p.csv'), ROLES, ['geo'], 'date'), undefined);
  // The KPI is never a weight, whatever its name.
  assert.equal(populationColumn(csv, { ...ROLES, target: 'population' }, ['geo'], 'date'), undefined);
});

test('isPopulationNamed: population, pop, geo_population; not a share or a density', () => {
  assert.deepEqual(['population', 'pop', 'geo_population', 'population_share', 'population_density', 'popularity'].map(isPopulationNamed), [true, true, true, false, false, false]);
});

test('reachColumn: X_reach beside X_frequency (any case), none for other columns', () => {
  const csv = parseCsvText('date,Channel3_reach,Channel3_frequency,tv_freq,TV_Reach,other\n2024-01-01,1,2,3,4,5\n', 'r.csv');
  assert.equal(reachColumn(csv, 'Channel3_frequency'), 'Channel3_reach');
  assert.equal(reachColumn(csv, 'tv_freq'), 'TV_Reach');
  assert.equal(reachColumn(csv, 'other'), undefined);
});

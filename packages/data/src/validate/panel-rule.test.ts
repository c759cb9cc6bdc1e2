import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../read/read-csv.ts';
import { isCountLike, panelRule } from './panel-rule.ts';

test('panelRule: a control is averaged unless it counts something that adds up over geos (population, impressions)', () => {
  const csv = parseCsvText('date,geo,y,tv_spend,price,population,tv_impressions,tv_reach,promo\n2024-01-01,a,1,2,3,4,5,6,0.5\n2024-01-01,b,1,2,3,4,5,6,0.2\n', 'p.csv');
  const roles = { target: 'y', spend: ['tv_spend'], controls: ['price', 'population', 'tv_impressions', 'tv_reach', 'promo'], events: [] };
  assert.deepEqual(['y', 'tv_spend', 'price', 'population', 'tv_impressions', 'tv_reach', 'promo'].map((c) => panelRule(csv, roles, c)),
    ['sum', 'sum', 'mean', 'sum', 'sum', 'mean', 'mean']);
  for (const c of ['population', 'Households', 'Organic_channel0_impression', 'search_clicks_P', 'tv_grps']) assert.equal(isCountLike(c), true, c);
  for (const c of ['population_density', 'population_share', 'avg_household_size', 'tv_reach', 'frequency', 'ctr', 'Promo']) assert.equal(isCountLike(c), false, c);
});

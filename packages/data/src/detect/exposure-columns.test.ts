import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exposureColumns } from './exposure-columns.ts';

// The public Robyn demo file, beside the repo (../shared/datasets); skipped when absent.
const robynFile = fileURLToPath(new URL('../../../../../shared/datasets/robyn_simulated_weekly/dt_simulated_weekly.csv', import.meta.url));
const skip = existsSync(robynFile) ? false : `public dataset not found at ${robynFile}`;

test('Robyn naming: <ch>_I and <ch>_<kind>_P pair with <ch>_S', () => {
  const header = ['DATE', 'revenue', 'facebook_I', 'search_clicks_P', 'search_S', 'facebook_S', 'tv_S', 'ooh_impressions_P', 'ooh_S'];
  assert.deepEqual(exposureColumns(header, 'facebook', 'facebook_S'), ['facebook_I']);
  assert.deepEqual(exposureColumns(header, 'search', 'search_S'), ['search_clicks_P']);
  assert.deepEqual(exposureColumns(header, 'ooh', 'ooh_S'), ['ooh_impressions_P']);
  assert.deepEqual(exposureColumns(header, 'tv', 'tv_S'), []);
  // Only beside Robyn's `_S` spend: `search_spend` does not take a `_P` column.
  assert.deepEqual(exposureColumns(['search_spend', 'search_clicks_P'], 'search', 'search_spend'), []);
});

test('public Robyn weekly file: search pairs with search_clicks_P, facebook with facebook_I', { skip }, () => {
  const header = readFileSync(robynFile, 'utf8').split('\n')[0].split(',').map((h) => h.replace(/"/g, ''));
  assert.deepEqual(exposureColumns(header, 'search', 'search_S'), ['search_clicks_P']);
  assert.deepEqual(exposureColumns(header, 'facebook', 'facebook_S'), ['facebook_I']);
});

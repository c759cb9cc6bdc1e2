import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spendChannelName, spendColumnsByName, spendMarker } from './spend-naming.ts';

test('channel names drop the spend marker: _spend (any case), other suffixes and prefixes, Robyn _S', () => {
  const cases: [string, string][] = [
    ['tv_spend', 'tv'], ['TV_SPEND', 'TV'], ['Search Spend', 'Search'], ['search-costs', 'search'], ['ooh.investment', 'ooh'],
    ['spend_tv', 'tv'], ['tv_spend_usd', 'tv'], ['Search Cost EUR', 'Search'], ['Cost TV', 'TV'], ['mdsp_dm', 'dm'], ['tv_S', 'tv'], ['print_budget', 'print'],
  ];
  for (const [column, name] of cases) assert.equal(spendChannelName(column), name, column);
});

test('names without a whole-word marker, and rates or shares, keep their name and are not spend', () => {
  for (const column of ['x1', '_S', 'spend', 'tv_s', 'costa_visits', 'spending_power', 'tvspend', 'cost_per_click', 'avg_cost', 'spend_share', 'unit_cost', 'facebook_I']) {
    assert.equal(spendMarker(column), undefined, column);
    assert.equal(spendChannelName(column), column, column);
  }
  // Mixwise's own suffix is the documented contract and is not second-guessed.
  assert.equal(spendChannelName('share_spend'), 'share');
});

test('spendMarker says which marker matched and where', () => {
  assert.deepEqual(spendMarker('mdsp_dm'), { name: 'dm', marker: 'mdsp', at: 'start' });
  assert.deepEqual(spendMarker('tv_S'), { name: 'tv', marker: 'S', at: 'end' });
  assert.deepEqual(spendMarker('Radio Cost'), { name: 'Radio', marker: 'Cost', at: 'end' });
});

test('spendColumnsByName keeps numeric matches in file order', () => {
  const header = ['DATE', 'revenue', 'tv_S', 'facebook_I', 'search_cost', 'notes_cost', 'mdsp_dm'];
  assert.deepEqual(spendColumnsByName(header, (c) => c !== 'notes_cost'), ['tv_S', 'search_cost', 'mdsp_dm']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { channelName, resolveChannels } from './detect-channels.ts';
import { IssueCollector } from '../issue-collector.ts';

test('channel names drop _spend (any case) and, for explicit columns only, Robyn _S', () => {
  assert.equal(channelName('tv_spend', false), 'tv');
  assert.equal(channelName('TV_SPEND', false), 'TV');
  assert.equal(channelName('tv_S', true), 'tv');
  assert.equal(channelName('tv_S', false), 'tv_S');
  assert.equal(channelName('x1', true), 'x1');
  assert.equal(channelName('_S', true), '_S');
});

test('detects _spend columns in file order', () => {
  const issues = new IssueCollector('f.csv');
  const got = resolveChannels(['date', 'Search_Spend', 'y', 'tv_spend', 'spend'], undefined, issues);
  assert.deepEqual(got, [{ name: 'Search', column: 'Search_Spend' }, { name: 'tv', column: 'tv_spend' }]);
  assert.equal(issues.list().length, 0);
});

test('explicit channels keep the given order; a bare name finds <name>_spend', () => {
  const issues = new IssueCollector();
  const got = resolveChannels(['date', 'tv_S', 'search_spend', 'x1'], ['x1', 'search', 'tv_S'], issues);
  assert.deepEqual(got, [
    { name: 'x1', column: 'x1' },
    { name: 'search', column: 'search_spend' },
    { name: 'tv', column: 'tv_S' },
  ]);
});

test('errors: missing explicit column lists the available ones; none detected; duplicate names', () => {
  const a = new IssueCollector('f.csv');
  resolveChannels(['date', 'y', 'tv_spend'], ['radio_spend'], a);
  const [missing] = a.list();
  assert.deepEqual([missing.code, missing.at.column], ['MISSING_COLUMN', 'radio_spend']);
  assert.match(missing.hint, /available columns: date, y, tv_spend/);

  const b = new IssueCollector();
  resolveChannels(['date', 'y'], undefined, b);
  assert.equal(b.list()[0].code, 'NO_CHANNELS');

  const c = new IssueCollector();
  resolveChannels(['tv_spend', 'TV_Spend'], undefined, c);
  assert.deepEqual(c.list().map((i) => i.code), ['DUPLICATE_CHANNEL']);
});

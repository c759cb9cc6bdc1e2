import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolveChannels } from './detect-channels.ts';
import { IssueCollector } from '../issue-collector.ts';
import { DATA_ISSUE_CODES } from '../issue-codes.ts';

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

test('without _spend columns, numeric columns named like spend become channels, with a warning that lists them', () => {
  const issues = new IssueCollector('f.csv');
  const header = ['wk', 'sales', 'mdsp_dm', 'mdip_dm', 'mdsp_sem', 'cost_per_click', 'tv_S', 'facebook_I', 'budget_note'];
  const numeric = (c: string) => c !== 'budget_note';
  const got = resolveChannels(header, undefined, issues, numeric);
  assert.deepEqual(got, [{ name: 'dm', column: 'mdsp_dm' }, { name: 'sem', column: 'mdsp_sem' }, { name: 'tv', column: 'tv_S' }]);
  const [w] = issues.list();
  assert.deepEqual([w.code, w.severity], ['SPEND_BY_NAME', 'warning']);
  assert.match(w.message, /3 columns named like spend became channels: mdsp_dm \(channel dm\), mdsp_sem \(channel sem\), tv_S \(channel tv\)/);
  assert.match(w.hint, /--channels/);
});

test('_spend columns take precedence: other spend-like names are then left alone, with no warning', () => {
  const issues = new IssueCollector();
  const got = resolveChannels(['date', 'tv_spend', 'search_cost'], undefined, issues, () => true);
  assert.deepEqual(got, [{ name: 'tv', column: 'tv_spend' }]);
  assert.equal(issues.list().length, 0);
});

test('without a numeric check only _spend columns are detected; a spend-like text column is not a channel', () => {
  const a = new IssueCollector();
  assert.deepEqual(resolveChannels(['date', 'tv_cost'], undefined, a), []);
  assert.equal(a.list()[0].code, 'NO_CHANNELS');
  const b = new IssueCollector();
  assert.deepEqual(resolveChannels(['date', 'tv_cost'], undefined, b, () => false), []);
  assert.equal(b.list()[0].code, 'NO_CHANNELS');
});

test('an explicit channel name finds its column under the other conventions when exactly one matches', () => {
  const issues = new IssueCollector();
  const got = resolveChannels(['date', 'mdsp_tv', 'Search Cost', 'radio_cost', 'spend_radio'], ['tv', 'search', 'mdsp_tv'], issues);
  assert.deepEqual(got.slice(0, 2), [{ name: 'tv', column: 'mdsp_tv' }, { name: 'Search', column: 'Search Cost' }]);
  assert.deepEqual(issues.list().map((i) => i.code), ['DUPLICATE_CHANNEL']);
  const ambiguous = new IssueCollector();
  resolveChannels(['date', 'radio_cost', 'spend_radio'], ['radio'], ambiguous);
  assert.deepEqual(ambiguous.list().map((i) => i.code), ['MISSING_COLUMN']);
});

test('DUPLICATE_CHANNEL covers both cases it is raised for, and its description (code list and docs table) names both', () => {
  const twice = new IssueCollector();
  resolveChannels(['date', 'y', 'tv_spend'], ['tv', 'tv_spend'], twice);
  assert.deepEqual(twice.list().map((i) => [i.code, i.message]), [['DUPLICATE_CHANNEL', 'the spend column "tv_spend" is listed twice in --channels (as "tv" and "tv_spend")']]);
  const sameName = new IssueCollector();
  resolveChannels(['tv_spend', 'TV_Spend'], undefined, sameName);
  assert.match(sameName.list()[0].message, /both give the channel name/);
  const doc = readFileSync(new URL('../../../../docs/data-format.md', import.meta.url), 'utf8');
  const row = doc.split('\n').find((l) => l.startsWith('| `DUPLICATE_CHANNEL` |')) ?? '';
  for (const text of [DATA_ISSUE_CODES.DUPLICATE_CHANNEL, row]) {
    assert.match(text, /same channel name/);
    assert.match(text, /listed twice in `?--channels/);
  }
});

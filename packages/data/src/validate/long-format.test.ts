import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../read/read-csv.ts';
import { IssueCollector } from '../issue-collector.ts';
import { readDates } from '../build/read-dates.ts';
import { withCleaningHints } from '../clean/cleaning-hints.ts';
import { panelColumn } from './panel-column.ts';
import { kpiRepeats, longFormat } from './long-format.ts';
import { duplicateDates } from './rules/duplicate-dates.ts';
import { resolveRuleRoles } from './resolve-rule-roles.ts';

const CHANNELS = ['tv', 'ooh', 'print', 'search', 'facebook'];

/** Robyn's weekly file reshaped long: one row per date × channel, the KPI repeated on each (`header` renames the columns). */
function longFile(header = 'date,channel,spend,revenue', values = CHANNELS) {
  const lines = [header];
  for (let w = 0; w < 8; w++) {
    const d = new Date(Date.UTC(2015, 10, 23 + 7 * w)).toISOString().slice(0, 10);
    values.forEach((c, k) => lines.push(`${d},${c},${1000 * (k + 1) + 37 * w},${2754371 + 911 * w}`));
  }
  return parseCsvText(lines.join('\n'), 'long.csv');
}

test('validate --target revenue on a long file: LONG_FORMAT pointing to the sources pivot, never a sum of the KPI or sum_panel', () => {
  const csv = longFile();
  const roles = resolveRuleRoles(csv, { target: 'revenue', channels: ['spend'] });
  const issues = withCleaningHints(duplicateDates(csv, roles), roles, 'both');
  assert.deepEqual(issues.map((i) => [i.code, i.at.file, i.at.column]), [['LONG_FORMAT', 'long.csv', 'channel']]);
  assert.match(issues[0].message, /the KPI "revenue" is the same in all the rows of each date, one per value of "channel" \(tv, ooh, print, search, facebook\)/);
  assert.match(issues[0].hint, /"sources: \{ spend: <this file>, kpi: kpi\.csv \}" \(docs\/config\.md, sources\)/);
  assert.match(issues[0].hint, /COPY \(SELECT DISTINCT "date", "revenue" FROM 'long\.csv' ORDER BY 1\) TO 'kpi\.csv'/);
  assert.doesNotMatch(issues[0].hint, /sum\("revenue"\)|sum_panel/);
});

test('longFormat: a repeated KPI whatever the column is called, or a column named or valued like channels without a KPI; not a geo panel', () => {
  const renamed = longFile('week,kind,cost,sales', ['a', 'b', 'c']);
  const panel = panelColumn(renamed, 'week');
  assert.ok(panel !== undefined);
  assert.deepEqual(longFormat(renamed, 'week', panel, 'sales'), { kind: 'kpi-repeats', kpi: 'sales' });
  assert.equal(longFormat(renamed, 'week', panel), undefined, 'values a, b, c and no KPI: nothing says channels');
  // The hint says which columns to rename for the spend file.
  const issues = duplicateDates(renamed, resolveRuleRoles(renamed, { target: 'sales', date: 'week', channels: ['cost'] }));
  assert.match(issues[0].hint, /its own headers mapped: spend: \{ path: <this file>, columns: \{ date: week, channel: kind, spend: cost \} \}/);
  const byValues = longFile('date,line,spend,revenue');
  assert.deepEqual(longFormat(byValues, 'date', { columns: ['line'], values: CHANNELS }), { kind: 'channel-column' });
  const byName = longFile('date,platform,spend,revenue', ['p1', 'p2']);
  assert.deepEqual(longFormat(byName, 'date', { columns: ['platform'], values: ['p1', 'p2'] }), { kind: 'channel-column' });
  // A geo panel: the KPI differs between geos; and a media market is a geo.
  const geo = parseCsvText('date,media_market,tv_spend,y\n2024-01-01,n,1,10\n2024-01-01,s,2,20\n2024-01-08,n,3,30\n2024-01-08,s,4,40\n', 'g.csv');
  assert.equal(longFormat(geo, 'date', { columns: ['media_market'], values: ['n', 's'] }, 'y'), undefined);
});

test('longFormat: a column named like channels whose rows split the KPI (ios/android installs, online/store revenue) is a panel to sum', () => {
  const lines = ['date,platform,installs,search_spend,social_spend'];
  const channels = ['date,channel,conversions,spend'];
  for (let w = 0; w < 4; w++) {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
    lines.push(`${d},ios,${100 + w},${5 + w},${3 + w}`, `${d},android,${140 + 2 * w},${6 + w},${4 + w}`);
    channels.push(`${d},tv,${10 + w},${5 + w}`, `${d},search,${20 + w},${6 + w}`);
  }
  const csv = parseCsvText(lines.join('\n'), 'platform.csv');
  const panel = { columns: ['platform'], values: ['ios', 'android'] };
  assert.equal(longFormat(csv, 'date', panel, 'installs'), undefined);
  assert.equal(longFormat(csv, 'date', panel), undefined, 'the KPI is guessed from the names (installs)');
  const issues = duplicateDates(csv, resolveRuleRoles(csv, { target: 'installs', channels: ['search_spend', 'social_spend'] }));
  assert.deepEqual(issues.map((i) => [i.code, i.at.column]), [['PANEL_DATA', 'platform']]);
  assert.match(issues[0].hint, /sum\("installs"\)/);
  const sales = parseCsvText(lines.join('\n').replace('platform,installs', 'sales_channel,revenue').replace(/,ios,/g, ',online,').replace(/,android,/g, ',store,'), 's.csv');
  assert.equal(longFormat(sales, 'date', { columns: ['sales_channel'], values: ['online', 'store'] }, 'revenue'), undefined);
  // Values that are media channels still need the KPI to repeat (or be absent) to be a long file.
  const split = parseCsvText(channels.join('\n'), 'c.csv');
  assert.equal(longFormat(split, 'date', { columns: ['channel'], values: ['tv', 'search'] }, 'conversions'), undefined);
  const noKpi = parseCsvText(channels.join('\n').replace('conversions', 'clicks'), 'c.csv');
  assert.deepEqual(longFormat(noKpi, 'date', { columns: ['channel'], values: ['tv', 'search'] }), { kind: 'channel-column' });
});

test('kpiRepeats: not when every number repeats (copies, or an even split), nor when the KPI differs on some date', () => {
  const copies = parseCsvText('date,geo,tv_spend,y\n2024-01-01,n,5,10\n2024-01-01,s,5,10\n2024-01-08,n,6,30\n2024-01-08,s,6,30\n', 'c.csv');
  assert.equal(kpiRepeats(copies, 'date', 'y'), false);
  const once = parseCsvText('date,channel,spend,y\n2024-01-01,tv,5,10\n2024-01-01,search,6,10\n2024-01-08,tv,6,30\n2024-01-08,search,7,31\n', 'o.csv');
  assert.equal(kpiRepeats(once, 'date', 'y'), false);
  assert.equal(kpiRepeats(longFile(), 'date', 'revenue'), true);
});

test('the date reader (no roles yet) reports a file named like channels as LONG_FORMAT', () => {
  const collected = new IssueCollector('long.csv');
  assert.equal(readDates(longFile(), 'date', collected), undefined);
  assert.deepEqual(collected.list().map((i) => [i.code, i.at.column]), [['LONG_FORMAT', 'channel']]);
  assert.match(collected.list()[0].hint, /SELECT DISTINCT "date", "revenue"/, 'the KPI is guessed from the names');
});

test('validate on a long ad export keyed by campaign (a channel column beside it): LONG_FORMAT at the channel column, also with --target spend', () => {
  const lines = ['date,channel,campaign,spend,impressions,clicks'];
  for (let d = 0; d < 10; d++) {
    const day = new Date(Date.UTC(2021, 0, 4 + d)).toISOString().slice(0, 10);
    lines.push(`${day},linkedin,LI_ABM,${100 + d},1000,10`, `${day},linkedin,LI_Gen,${90 + 2 * d},900,9`, `${day},search,GA_Brand,${200 + 3 * d},2000,20`);
    if (d % 3 === 0) lines.push(`${day},events,EV_Trade,${50 + d},0,0`);
  }
  const csv = parseCsvText(lines.join('\n'), 'ads.csv');
  const panel = panelColumn(csv, 'date');
  assert.deepEqual(panel?.columns, ['campaign']);
  assert.deepEqual(longFormat(csv, 'date', panel), { kind: 'channel-column' });
  assert.deepEqual(longFormat(csv, 'date', panel, 'spend'), { kind: 'channel-column' });
  for (const target of [undefined, 'spend']) {
    const issues = duplicateDates(csv, resolveRuleRoles(csv, { target }));
    assert.deepEqual(issues.map((i) => [i.code, i.at.column]), [['LONG_FORMAT', 'channel']]);
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../read/read-csv.ts';
import { candidateControls, imputableControls, isExposureLike, isKpiLike, isOutcomeRate, leftOutText, nameWords } from './candidate-controls.ts';
import { isRateLike } from './rate-name.ts';

/** A weekly file with the given extra columns, each a function of the row index. */
function file(columns: Record<string, (i: number) => number | string>, n = 20) {
  const names = Object.keys(columns);
  const rows = Array.from({ length: n }, (_, i) => [
    new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10),
    String(1000 + 37 * ((i * 7) % 11)), // revenue: not a line, so a trend column is not a copy of it
    String(100 + 13 * ((i * 3) % 7)),
    ...names.map((c) => String(columns[c](i))),
  ].join(','));
  return parseCsvText(['date,revenue,tv_spend,' + names.join(','), ...rows].join('\n'), 'f.csv');
}
const CTX = { target: 'revenue', spend: ['tv_spend'] };

test('nameWords splits at separators and case changes', () => {
  assert.deepEqual(nameWords('competitorSales_B'), ['competitor', 'sales', 'b']);
  assert.deepEqual(nameWords('Channel0_impression'), ['channel0', 'impression']);
  assert.deepEqual(nameWords('va_pub_0.15'), ['va', 'pub', '0', '15']);
});

test('KPI-like names: KPI words anywhere, outcome words as whole words, unless a control word marks the column', () => {
  for (const name of ['orders', 'conversions', 'web_sessions', 'NetProfit', 'total_units']) assert.equal(isKpiLike(name), true, name);
  for (const name of ['competitor_sales_B', 'market_sales_index', 'price', 'border_length', 'temperature']) assert.equal(isKpiLike(name), false, name);
});

test('a name marking a rate or ratio is never KPI-like (tokens split at _ - space and camelCase), and such a rate of the KPI is no control either', () => {
  for (const name of ['revenue_per_conversion', 'avgOrderValue', 'conversion-rate', 'sales ratio', 'revenue_share', 'pct_orders',
    'salesPercent', 'leads_cpa', 'revenue_roas', 'avg_revenue', 'average sales']) {
    assert.equal(isRateLike(name), true, name);
    assert.equal(isKpiLike(name), false, name);
    assert.equal(isOutcomeRate(name), true, name);
  }
  // A rate word must be a whole word: these stay outcomes.
  for (const name of ['revenue', 'operations_revenue', 'superior_sales', 'repeat_orders']) assert.equal(isRateLike(name), false, name);
  assert.equal(isOutcomeRate('avg_price'), false, 'a price is a control, not a rate of the KPI');
  const csv = file({ revenue_per_conversion: (i) => 0.02 + (i % 3) / 1000, avg_price: (i) => 10 + (i % 4) });
  assert.deepEqual(candidateControls(csv, ['revenue_per_conversion', 'avg_price'], CTX), {
    controls: ['avg_price'],
    leftOut: [{ column: 'revenue_per_conversion', reason: 'rate' }],
  });
});

test('exposure-like names: exposure words, the mdip_ prefix, Robyn _I and _P', () => {
  for (const name of ['tv_grps', 'Channel3_reach', 'mdip_em', 'facebook_I', 'search_clicks_P', 'x1_adstock', 'Impressions TV']) assert.equal(isExposureLike(name), true, name);
  for (const name of ['price', 'newsletter', 'competitor_index', 'tv_I_x']) assert.equal(isExposureLike(name), false, name);
});

test('candidateControls keeps drivers in file order and gives each other column its reason', () => {
  const csv = file({
    price: (i) => 10 + (i % 3),
    orders: (i) => 5 + (i % 4),
    search_spend: (i) => 3 * i,
    tv_grps: (i) => 7 + i,
    revenue_lag1: (i) => i,
    x_effect: (i) => (i * 5) % 9,
    yr_nbr: (i) => 2023 + Math.floor(i / 10),
    t: (i) => i,
    flat: () => 3,
    gaps: (i) => (i === 4 ? '' : i),
    market_index: (i) => 100 + ((i * 5) % 6),
  });
  const picked = candidateControls(csv, csv.header.slice(3), CTX);
  assert.deepEqual(picked.controls, ['price', 'market_index']);
  assert.deepEqual(picked.leftOut.map((l) => [l.column, l.reason]), [
    ['orders', 'kpi'], ['search_spend', 'spend'], ['tv_grps', 'exposure'], ['revenue_lag1', 'kpi'], ['x_effect', 'model-term'],
    ['yr_nbr', 'calendar'], ['t', 'calendar'], ['flat', 'constant'], ['gaps', 'incomplete'],
  ]);
});

test('empty cells are judged last: a column with a few is flagged imputable, one mostly empty is not, and a constant or copy keeps that reason', () => {
  const csv = file({
    few: (i) => (i === 4 ? '' : 10 + (i % 3)),
    many: (i) => (i % 2 === 0 ? '' : 10 + (i % 3)),
    flat_gap: (i) => (i === 4 ? '' : 3),
  });
  const picked = candidateControls(csv, ['few', 'many', 'flat_gap'], CTX);
  assert.deepEqual(picked.controls, []);
  assert.deepEqual(picked.leftOut, [
    { column: 'few', reason: 'incomplete', empty: { cells: 1, line: 6, imputable: true } },
    { column: 'many', reason: 'incomplete', empty: { cells: 10, line: 2, imputable: false } },
    { column: 'flat_gap', reason: 'constant' },
  ]);
  assert.deepEqual(imputableControls(picked.leftOut), ['few']);
  assert.equal(leftOutText(picked.leftOut[0]), 'has 1 empty cell, on line 6: the cleaning step impute_controls fills it');
  assert.equal(leftOutText(picked.leftOut[1]), 'has 10 empty cells, the first on line 2: too many to interpolate');
});

test('near-copies of the KPI (|r| > 0.95) or of a channel spend (|r| > 0.9) are left out; a looser relation is kept', () => {
  const csv = file({
    shadow: (i) => 2 * (1000 + 37 * ((i * 7) % 11)) + 1,
    media_echo: (i) => 0.5 * (100 + 13 * ((i * 3) % 7)) + (i % 2) * 0.01,
    loose: (i) => 1000 + 37 * ((i * 7) % 11) + 400 * ((i * 5) % 3),
  });
  const picked = candidateControls(csv, ['shadow', 'media_echo', 'loose'], CTX);
  assert.deepEqual(picked.controls, ['loose']);
  assert.deepEqual(picked.leftOut, [
    { column: 'shadow', reason: 'kpi-copy', detail: 'revenue, |r| = 1.00' },
    { column: 'media_echo', reason: 'channel-copy', detail: 'tv_spend, |r| = 1.00' },
  ]);
});

test('a column with "spend" inside its name (trend_spend_x, tv_spend_old) is never an automatic control: left out as spend, with a rename to a channel', () => {
  const csv = file({ trend_spend_x: (i) => 50 + ((i * 7) % 13), Spend_Total_TV: (i) => 9 + ((i * 5) % 4), spending_power_index: (i) => 100 + ((i * 3) % 5) });
  const picked = candidateControls(csv, csv.header.slice(3), CTX);
  assert.deepEqual(picked.controls, ['spending_power_index']);
  assert.deepEqual(picked.leftOut.map((l) => [l.column, l.reason]), [['trend_spend_x', 'spend'], ['Spend_Total_TV', 'spend']]);
  assert.match(leftOutText(picked.leftOut[0]), /not detected as a channel: to use it as one, rename it to end in _spend \(e\.g\. trend_x_spend\)/);
});

test('a constant column is constant whatever its name: an all-zero new_year flag or a one-year yr_nbr is no calendar field; a 0/1 flag is not either', () => {
  const csv = file({ new_year: () => 0, valentines: () => 0, yr_nbr: () => 2024, week_nbr: (i) => i + 1, holiday_week: (i) => (i === 3 ? 1 : 0) });
  const picked = candidateControls(csv, csv.header.slice(3), CTX);
  assert.deepEqual(picked.leftOut.map((l) => [l.column, leftOutText(l)]), [
    ['new_year', 'constant'], ['valentines', 'constant'], ['yr_nbr', 'constant'], ['week_nbr', 'a calendar field'],
  ]);
  assert.deepEqual(picked.controls, ['holiday_week']);
});

test('leftOutText: a time index named like one of the model\'s own terms (trend) is called a reserved name, not a calendar field', () => {
  assert.equal(leftOutText({ column: 'trend', reason: 'calendar' }), 'a reserved name: the model fits its own trend term of that name; rename the column to offer it as a control');
  assert.equal(leftOutText({ column: 'Trend', reason: 'calendar' }), 'a reserved name: the model fits its own trend term of that name; rename the column to offer it as a control');
  assert.equal(leftOutText({ column: 't', reason: 'calendar' }), 'a calendar field');
  assert.equal(leftOutText({ column: 'dayofyear', reason: 'calendar' }), 'a calendar field');
});

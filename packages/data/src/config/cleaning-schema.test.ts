import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataError } from '../issue.ts';
import { parseConfigText } from './load-config.ts';
import { configToRun } from './config-to-run.ts';
import { cleaningSchema, cleaningSteps } from './cleaning-schema.ts';

const HEAD = 'version: 1\ndata: { path: d.csv }\ncolumns: { target: y }\n';

function errors(text: string): [number | undefined, string, string][] {
  try {
    parseConfigText(text, 'm.yaml', '/p');
  } catch (err) {
    if (err instanceof DataError) return err.issues.map((i) => [i.at.row, i.message, i.hint]);
    throw err;
  }
  throw new Error('expected a DataError');
}

test('cleaning: entries become runCleaning steps in order; fill_gaps takes the granularity', () => {
  const text = `${HEAD}granularity: weekly\ncleaning:\n  - sort_dates\n  - fill_gaps\n  - negatives: clip\n  - winsorize: { lower: 0.05, upper: 0.95, columns: [tv_spend] }\n  - impute_controls\n  - winsorize\n`;
  assert.deepEqual(configToRun(parseConfigText(text, 'm.yaml', '/p')).cleaning, [
    { type: 'sort-dates' }, { type: 'fill-gaps', frequency: 'weekly' }, { type: 'negatives', mode: 'clip' },
    { type: 'winsorize', lower: 0.05, upper: 0.95, columns: ['tv_spend'] }, { type: 'impute-controls' }, { type: 'winsorize' },
  ]);
  assert.deepEqual(configToRun(parseConfigText(HEAD, 'm.yaml', '/p')).cleaning, []);
});

test('cleaning: bad quantiles, values and names are config errors at their YAML line and key', () => {
  const text = `${HEAD}cleaning:\n  - winsorize: { lower: 0.5, upper: 0.5 }\n  - winsorize: { lower: -0.1 }\n  - negatives: clap\n  - sort_dat\n  - { negatives: clip, winsorize: {} }\n  - winsorize: { upper: 0.005 }\n`;
  const found = errors(text);
  assert.deepEqual(found.map(([row, message]) => [row, message]), [
    [5, 'cleaning[0].winsorize.upper: the lower quantile must be below the upper one (defaults 0.01 and 0.99)'],
    [6, 'cleaning[1].winsorize.lower: -0.1 is out of range: it must be ≥ 0'],
    [7, 'cleaning[2].negatives: "clap" is not allowed'],
    [8, 'cleaning[3]: "sort_dat" is not allowed here'],
    [9, 'cleaning[4]: each cleaning entry is one step'],
    [10, 'cleaning[5].winsorize.upper: the lower quantile must be below the upper one (defaults 0.01 and 0.99)'],
  ]);
  assert.equal(found[2][2], 'use one of: clip, reject');
  assert.match(found[3][2], /^use one of: sort_dates, decimal_comma, fill_gaps, impute_controls, winsorize, skip_missing_kpi, "negatives: clip"/);
});

test('cleaning: sum_panel bare or with a column and kept values; anywhere but first is an error at its line', () => {
  const text = `${HEAD}cleaning:\n  - sum_panel: { column: geo, keep: [north, south] }\n  - sort_dates\n`;
  assert.deepEqual(configToRun(parseConfigText(text, 'm.yaml', '/p')).cleaning, [{ type: 'sum-panel', column: 'geo', keep: ['north', 'south'] }, { type: 'sort-dates' }]);
  assert.deepEqual(configToRun(parseConfigText(`${HEAD}cleaning: [sum_panel]\n`, 'm.yaml', '/p')).cleaning, [{ type: 'sum-panel' }]);
  const late = errors(`${HEAD}cleaning:\n  - sort_dates\n  - sum_panel\n`);
  assert.deepEqual(late.map(([, message, hint]) => [message, hint]),
    [['cleaning: sum_panel must be the first cleaning step: the other steps work on one row per date', 'move sum_panel to the top of the cleaning: list']]);
  assert.match(errors(`${HEAD}cleaning:\n  - sum_panel: { keep: [] }\n`)[0][1], /^cleaning\[0\]\.sum_panel\.keep/);
});

test('cleaning: sum_panel with a list of key columns (a panel by date, geo and product); values to keep need one column', () => {
  const text = `${HEAD}cleaning:\n  - sum_panel: { column: [geo, product] }\n`;
  assert.deepEqual(configToRun(parseConfigText(text, 'm.yaml', '/p')).cleaning, [{ type: 'sum-panel', column: ['geo', 'product'] }]);
  const kept = errors(`${HEAD}cleaning:\n  - sum_panel: { column: [geo, product], keep: [NA] }\n`);
  assert.deepEqual(kept.map(([, message, hint]) => [message, hint]), [['cleaning[0].sum_panel.keep: keep names values of one panel column, but column lists several',
    'remove keep, or keep only the rows wanted in the file before adding up']]);
  assert.match(errors(`${HEAD}cleaning:\n  - sum_panel: { column: [] }\n`)[0][1], /^cleaning\[0\]\.sum_panel\.column/);
});

test('cleaning: skip_missing_kpi is a bare step', () => {
  const entries = cleaningSchema.parse(['fill_gaps', 'skip_missing_kpi']);
  assert.deepEqual(cleaningSteps(entries), [{ type: 'fill-gaps' }, { type: 'skip-missing-kpi' }]);
});

test('cleaning: decimal_comma is a bare step, allowed before sum_panel (it always runs first)', () => {
  const entries = cleaningSchema.parse(['decimal_comma', 'sum_panel', 'sort_dates']);
  assert.deepEqual(cleaningSteps(entries), [{ type: 'decimal-comma' }, { type: 'sum-panel' }, { type: 'sort-dates' }]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Change, CleaningResult } from '@mixwise/data';
import { parseCsvText } from '@mixwise/data';
import { formatCleaningSummary } from './cleaning.ts';

const change = (step: string, column: string, row: number | null, date: string): Change =>
  ({ step, column, row, date, before: row === null ? null : '', after: '0', reason: 'r' });

test('formatCleaningSummary: one line per step; rows per column, inserted periods by date, long lists cut after 6', () => {
  const fills = [2, 3, 4, 5, 6, 7, 8].map((r) => change('fill-gaps', 'tv_spend', r, '2024-01-01'));
  const result: CleaningResult = {
    table: parseCsvText('date\n2024-01-01\n', 'd.csv'),
    changes: [...fills, change('fill-gaps', 'date', null, '2024-02-05'), change('negatives', 'search_spend', 9, '2024-02-19')],
    summary: [{ step: 'sort-dates', changes: 0 }, { step: 'fill-gaps', changes: 8 }, { step: 'negatives', changes: 1 }],
  };
  assert.equal(formatCleaningSummary(result), [
    'cleaning: sort_dates changed nothing',
    'cleaning: fill_gaps changed 8 cells (tv_spend rows 2, 3, 4, 5, 6, 7, … (1 more); date inserted period 2024-02-05)',
    'cleaning: negatives changed 1 cell (search_spend row 9)',
    '',
  ].join('\n'));
});

test('formatCleaningSummary: skip_missing_kpi counts the periods left out of the fit, by file row and inserted date', () => {
  const result: CleaningResult = {
    table: parseCsvText('date\n2024-01-01\n', 'd.csv'),
    changes: [change('skip-missing-kpi', 'revenue', 41, '2024-10-07'), change('skip-missing-kpi', 'revenue', null, '2024-10-21')],
    summary: [{ step: 'skip-missing-kpi', changes: 2 }],
  };
  assert.equal(formatCleaningSummary(result),
    'cleaning: skip_missing_kpi left 2 periods without a KPI out of the fit (revenue row 41 and inserted period 2024-10-21); their spend still carries over; '
    + 'note: 2024-10-21 was missing from the file and fill_gaps inserted it with 0 spend (the spend is unknown, not zero): if it is known, add the row with its real spend and an empty KPI\n');
});

test('formatCleaningSummary: periods fill_gaps inserted and skip_missing_kpi left out are named as put in with 0 spend, not known to be 0', () => {
  const dates = ['2024-01-08', '2024-01-15', '2024-01-22', '2024-01-29', '2024-02-05', '2024-02-12', '2024-02-19'];
  const result: CleaningResult = {
    table: parseCsvText('date\n2024-01-01\n', 'd.csv'),
    changes: dates.map((d) => change('skip-missing-kpi', 'revenue', null, d)),
    summary: [{ step: 'skip-missing-kpi', changes: 7 }],
  };
  const line = formatCleaningSummary(result);
  assert.match(line, /; note: 2024-01-08, 2024-01-15, 2024-01-22, 2024-01-29, 2024-02-05, 2024-02-12, … \(1 more\) were missing from the file and fill_gaps inserted them with 0 spend \(the spend is unknown, not zero\): if it is known, add the rows with their real spend and an empty KPI\n$/);
  // Periods of the file whose KPI cell is empty keep their spend: no note.
  const kept = formatCleaningSummary({ ...result, changes: [change('skip-missing-kpi', 'revenue', 41, '2024-10-07')], summary: [{ step: 'skip-missing-kpi', changes: 1 }] });
  assert.doesNotMatch(kept, /note:/);
});

test('formatCleaningSummary: a summed panel row left out names the rows without a KPI, not just its first line', () => {
  const skipped: Change = { ...change('skip-missing-kpi', 'revenue', 4, '2024-01-08'), kpiMissingIn: ['geo=EMEA (line 5)'] };
  const line = formatCleaningSummary({ table: parseCsvText('date\n2024-01-01\n', 'd.csv'), changes: [skipped], summary: [{ step: 'skip-missing-kpi', changes: 1 }] });
  assert.equal(line, 'cleaning: skip_missing_kpi left 1 period without a KPI out of the fit (revenue row 4 [no KPI in geo=EMEA (line 5)]); their spend still carries over\n');
});

test('formatCleaningSummary: a change to a column as a whole (no row, no date: a removed text column, sum_panel\'s weights) reads "as a whole", not as an inserted period', () => {
  const whole: Change = { step: 'sum-panel', column: 'population', row: null, date: null, before: 'population column', after: 'summed', reason: 'r' };
  const result: CleaningResult = {
    table: parseCsvText('date\n2024-01-01\n', 'd.csv'),
    changes: [whole, change('sum-panel', 'tv_spend', 3, '2024-01-01')],
    summary: [{ step: 'sum-panel', changes: 2 }],
  };
  const line = formatCleaningSummary(result);
  assert.equal(line, 'cleaning: sum_panel changed 2 cells (population as a whole; tv_spend row 3)\n');
  assert.doesNotMatch(line, /inserted period \?/);
});

test('formatCleaningSummary: decimal_comma counts the cells it rewrote per column', () => {
  const result: CleaningResult = {
    table: parseCsvText('date\n2024-01-01\n', 'd.csv'),
    changes: [change('decimal-comma', 'revenue', 2, '2024-01-01'), change('decimal-comma', 'revenue', 3, '2024-01-08'), change('decimal-comma', 'tv_spend', 3, '2024-01-08')],
    summary: [{ step: 'decimal-comma', changes: 3 }],
  };
  assert.equal(formatCleaningSummary(result), 'cleaning: decimal_comma read the decimal comma of 3 cells as a decimal point (revenue 2 cells, tv_spend 1 cell)\n');
});

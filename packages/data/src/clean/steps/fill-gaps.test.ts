import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CleaningRoles } from '../change.ts';
import { DataError } from '../../issue.ts';
import { parseCsvText } from '../../read/read-csv.ts';
import { fillGaps } from './fill-gaps.ts';
import { INSERTED_ROW } from '../change.ts';

const SPEND_ONLY: CleaningRoles = { date: 'date', spend: ['tv_spend'], controls: ['price'], events: ['promo'] };

test('fillGaps: an empty spend cell becomes 0 and a missing week is inserted with 0 spend and no event', () => {
  const csv = parseCsvText('date,tv_spend,price,promo\n2024-01-01,10,1,0\n2024-01-08,,2,1\n2024-01-22,30,4,0\n', 'd.csv');
  const { table, changes } = fillGaps(csv, { roles: SPEND_ONLY });
  assert.deepEqual(table.rows, [
    ['2024-01-01', '10', '1', '0'], ['2024-01-08', '0', '2', '1'], ['2024-01-15', '0', '', '0'], ['2024-01-22', '30', '4', '0'],
  ]);
  assert.deepEqual(table.rowNumbers, [2, 3, INSERTED_ROW, 4]);
  assert.deepEqual(changes, [
    { step: 'fill-gaps', column: 'tv_spend', row: 3, date: '2024-01-08', before: '', after: '0', reason: 'no spend recorded: 0' },
    { step: 'fill-gaps', column: 'date', row: null, date: '2024-01-15', before: null, after: '2024-01-15', reason: 'missing period inserted; its controls are left empty for impute-controls' },
    { step: 'fill-gaps', column: 'tv_spend', row: null, date: '2024-01-15', before: null, after: '0', reason: 'inserted period: no spend' },
    { step: 'fill-gaps', column: 'promo', row: null, date: '2024-01-15', before: null, after: '0', reason: 'inserted period: no event' },
  ]);
});

test('fillGaps: a missing period in a table with a KPI is a KPI_GAP error naming the dates; no gap, no change', () => {
  const csv = parseCsvText('date,y,tv_spend\n2024-01-01,5,10\n2024-01-08,6,20\n2024-01-29,7,30\n', 'd.csv');
  const roles: CleaningRoles = { date: 'date', target: 'y', spend: ['tv_spend'], controls: [], events: [] };
  assert.throws(() => fillGaps(csv, { roles }), (e: unknown) => {
    assert.ok(e instanceof DataError);
    assert.deepEqual(e.issues.map((i) => [i.code, i.at.row, i.at.column]), [['KPI_GAP', 4, 'y']]);
    assert.match(e.issues[0].message, /2 periods are missing before this row \(2024-01-15, 2024-01-22\)/);
    return true;
  });
  const full = parseCsvText('date,y,tv_spend\n2024-01-01,5,10\n2024-01-02,6,20\n2024-01-03,7,30\n', 'd.csv');
  assert.deepEqual(fillGaps(full, { roles }).changes, []);
});

test('fillGaps with kpiFrom: a missing warm-up period is inserted with its KPI empty (said in the log); a gap from kpiFrom on is still KPI_GAP', () => {
  const roles: CleaningRoles = { date: 'date', target: 'y', spend: ['tv_spend'], controls: [], events: [] };
  const csv = parseCsvText('date,y,tv_spend\n2024-01-01,,10\n2024-01-15,,20\n2024-01-22,7,30\n', 'd.csv');
  const { table, changes } = fillGaps(csv, { roles, kpiFrom: '2024-01-22' });
  assert.deepEqual(table.rows, [['2024-01-01', '', '10'], ['2024-01-08', '', '0'], ['2024-01-15', '', '20'], ['2024-01-22', '7', '30']]);
  assert.deepEqual(table.rowNumbers, [2, INSERTED_ROW, 3, 4]);
  assert.equal(changes[0].reason, 'missing period inserted; its KPI "y" is left empty (a warm-up period before the window\'s start 2024-01-22: not fitted)');
  assert.throws(() => fillGaps(csv, { roles }), /KPI "y" for it cannot be invented/, 'without kpiFrom every KPI is fitted');
  // A gap across the window's start: only its periods from kpiFrom on are named, and nothing is inserted.
  const across = parseCsvText('date,y,tv_spend\n2024-01-01,,10\n2024-01-29,7,30\n2024-02-05,8,40\n', 'd.csv');
  assert.throws(() => fillGaps(across, { roles, kpiFrom: '2024-01-15' }), (e: unknown) => {
    assert.ok(e instanceof DataError);
    assert.deepEqual(e.issues.map((i) => [i.code, i.at.row, i.at.column]), [['KPI_GAP', 3, 'y']]);
    assert.match(e.issues[0].message, /2 periods are missing before this row \(2024-01-15, 2024-01-22\)/);
    return true;
  });
});

test('fillGaps: an empty or NA organic exposure cell becomes 0 and an inserted period gets 0 exposure, each logged like spend', () => {
  const csv = parseCsvText('date,tv_spend,newsletter_sends\n2024-01-01,10,500\n2024-01-08,20,\n2024-01-22,30,NA\n', 'd.csv');
  const roles: CleaningRoles = { date: 'date', spend: ['tv_spend'], controls: [], events: [], organic: ['newsletter_sends'] };
  const { table, changes } = fillGaps(csv, { roles });
  assert.deepEqual(table.rows, [['2024-01-01', '10', '500'], ['2024-01-08', '20', '0'], ['2024-01-15', '0', '0'], ['2024-01-22', '30', '0']]);
  assert.deepEqual(changes.filter((c) => c.column === 'newsletter_sends'), [
    { step: 'fill-gaps', column: 'newsletter_sends', row: 3, date: '2024-01-08', before: '', after: '0', reason: 'no exposure recorded: 0' },
    { step: 'fill-gaps', column: 'newsletter_sends', row: 4, date: '2024-01-22', before: 'NA', after: '0', reason: 'no exposure recorded: 0' },
    { step: 'fill-gaps', column: 'newsletter_sends', row: null, date: '2024-01-15', before: null, after: '0', reason: 'inserted period: no exposure' },
  ]);
});

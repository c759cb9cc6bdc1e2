import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { located, ruleCase } from '../../../test/rule-case.ts';
import { duplicateDates } from './duplicate-dates.ts';

test('duplicateDates: the repeat on line 6 names line 5', () => {
  const cells = baseCells();
  cells[5][0] = cells[4][0];
  const { csv, roles } = ruleCase(cells);
  const issues = duplicateDates(csv, roles);
  assert.deepEqual(located(issues), [['DUPLICATE_DATE', 6, 'date']]);
  assert.equal(issues[0].message, 'the date 2024-01-22 already appears on row 5');
});

test('duplicateDates: silent on distinct dates', () => {
  const { csv, roles } = ruleCase(baseCells());
  assert.deepEqual(duplicateDates(csv, roles), []);
});

test('duplicateDates: a panel (one row per date and region) is one PANEL_DATA error whose fix is a query rolling it up, columns in file order', () => {
  const cells = [['date', 'region', 'tv_spend', 'search_spend', 'price', 'promo', 'sales']];
  for (let w = 0; w < 14; w++) {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
    for (const r of ['north', 'south', 'east']) cells.push([d, r, String(10 + w), String(5 + w), '9.5', w === 3 ? '1' : '0', String(100 + w)]);
  }
  const { csv, roles } = ruleCase(cells);
  const issues = duplicateDates(csv, roles);
  assert.deepEqual(located(issues), [['PANEL_DATA', undefined, 'region']]);
  assert.match(issues[0].message, /every date has 3 rows, one per value of "region" \(east, north, south\)/);
  assert.match(issues[0].hint, /SELECT "date", sum\("tv_spend"\) AS "tv_spend", sum\("search_spend"\) AS "search_spend", avg\("price"\) AS "price", max\("promo"\) AS "promo", sum\("sales"\) AS "sales" FROM 'd\.csv' GROUP BY "date"/);
});

test('duplicateDates: a row copied exactly says delete it (adding it up would double the period); a differing row names the columns', () => {
  const copied = baseCells();
  copied.splice(21, 0, [...copied[20]]);
  const exact = duplicateDates(ruleCase(copied).csv, ruleCase(copied).roles);
  assert.deepEqual(located(exact), [['DUPLICATE_DATE', 22, 'date']]);
  assert.match(exact[0].hint, /^delete the repeated row: it is an exact copy of row 21 /);
  assert.doesNotMatch(exact[0].hint, /add them up|add up/);
  const differing = baseCells();
  differing.splice(21, 0, [...differing[20]]);
  differing[21][2] = '999';
  const issues = duplicateDates(ruleCase(differing).csv, ruleCase(differing).roles);
  assert.match(issues[0].hint, new RegExp(`this row differs from row 21 in ${differing[0][2]}; if each row holds part of the period's figures, add them up`));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { located, ruleCase } from '../../../test/rule-case.ts';
import { flippedKpiSign } from './flipped-kpi-sign.ts';
import { negativeKpi } from './negative-kpi.ts';

/** baseCells with the KPI named `kpi`, negative in the first `share` of the rows. */
const negated = (share: number, kpi = 'revenue'): string[][] => baseCells().map((r, i) => (i === 0 ? [r[0], kpi, ...r.slice(2)]
  : i > 30 * share ? r : [r[0], `-${r[1]}`, ...r.slice(2)]));
const roles = (target: string) => ({ target, controls: ['price'], events: ['promo'] });

test('flippedKpiSign: a revenue negative in every row is one error naming the column, and no NEGATIVE_KPI per row', () => {
  const { csv, roles: r } = ruleCase(negated(1), roles('revenue'));
  const issues = flippedKpiSign(csv, r);
  assert.deepEqual(located(issues), [['KPI_SIGN_FLIPPED', 2, 'revenue']]);
  assert.match(issues[0].message, /negative in 30 of its 30 fitted periods/);
  assert.match(issues[0].hint, /-"revenue" AS "revenue"/);
  assert.deepEqual(negativeKpi(csv, r), []);
});

test('flippedKpiSign: a few negative periods are NEGATIVE_KPI warnings; a signed KPI name is never flagged', () => {
  const few = ruleCase(negated(0.2), roles('revenue'));
  assert.deepEqual(flippedKpiSign(few.csv, few.roles), []);
  assert.equal(negativeKpi(few.csv, few.roles).length, 6);
  const profit = ruleCase(negated(1, 'net_profit'), roles('net_profit'));
  assert.deepEqual(flippedKpiSign(profit.csv, profit.roles), []);
});

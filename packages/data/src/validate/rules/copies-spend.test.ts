import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { BASE_ROLES, located, ruleCase } from '../../../test/rule-case.ts';
import { copiesSpend } from './copies-spend.ts';

/** The base table with a column `name` holding `value(row)` for each data row (0-based). */
function withColumn(name: string, value: (r: string[], i: number) => string): string[][] {
  return baseCells().map((r, i) => [...r, i === 0 ? name : value(r, i - 1)]);
}

test('copiesSpend: an organic column that copies a channel\'s spend is a warning naming both columns', () => {
  const { csv, roles } = ruleCase(withColumn('org_tv', (r) => r[2]), { ...BASE_ROLES, organic: ['org_tv'] });
  const issues = copiesSpend(csv, roles);
  assert.deepEqual(located(issues), [['ORGANIC_MOVES_WITH_SPEND', undefined, 'org_tv']]);
  assert.equal(issues[0].severity, 'warning');
  assert.match(issues[0].message, /organic column "org_tv" moves with the spend column tv_spend \(\|r\| = 1\.00/);
  assert.match(issues[0].hint, /leave it out of the organic media \(--organic/);
});

test('copiesSpend: a named control that moves with a spend column is warned about too', () => {
  // tv impressions: 40 per unit of spend, plus a little noise.
  const { csv, roles } = ruleCase(withColumn('tv_imps', (r, i) => String(40 * Number(r[2]) + (i % 2))), { ...BASE_ROLES, controls: ['price', 'tv_imps'] });
  assert.deepEqual(located(copiesSpend(csv, roles)), [['CONTROL_MOVES_WITH_SPEND', undefined, 'tv_imps']]);
});

test('copiesSpend: silent for a series of its own', () => {
  const { csv, roles } = ruleCase(withColumn('newsletter', (_, i) => String((i * 7) % 5)), { ...BASE_ROLES, organic: ['newsletter'] });
  assert.deepEqual(copiesSpend(csv, roles), []);
});

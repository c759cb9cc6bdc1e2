// A reserved column (a geo panel's size column, --geo-size) is kept out of every automatic role: not
// a channel even when named like spend (`pop_spend`), not a control, event or paired exposure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../read/read-csv.ts';
import { IssueCollector } from '../issue-collector.ts';
import { resolveRoles } from './resolve-roles.ts';
import { tableFromCsv } from './table-from-csv.ts';
import { resolveRuleRoles } from '../validate/resolve-rule-roles.ts';
import { runRules } from '../validate/run-rules.ts';
import { readOutcomeFromText } from '../validate/read-outcome.ts';

/** 30 weeks: two spend channels that vary, a price control and a constant `pop_spend` (a size, not spend). */
function text(sizeColumn: string): string {
  const lines = [`date,sales,tv_spend,search_spend,price,${sizeColumn}`];
  for (let t = 0; t < 30; t++) {
    const date = new Date(Date.UTC(2024, 0, 1 + 7 * t)).toISOString().slice(0, 10);
    lines.push([date, 1000 + 37 * ((t * 7) % 11), 100 + 13 * ((t * 5) % 7), 50 + 9 * ((t * 3) % 5), (10 + (t % 4) * 0.25).toFixed(2), 5_500_000].join(','));
  }
  return lines.join('\n') + '\n';
}

test('resolveRoles: a reserved column named like spend is not detected as a channel (it is without the reservation)', () => {
  const csv = parseCsvText(text('pop_spend'), 'p.csv');
  const plain = resolveRoles(csv, { target: 'sales' }, new IssueCollector('p.csv'));
  assert.deepEqual(plain.channels?.map((c) => c.name), ['tv', 'search', 'pop']);
  const issues = new IssueCollector('p.csv');
  const reserved = resolveRoles(csv, { target: 'sales', reserved: ['pop_spend'] }, issues);
  assert.deepEqual(reserved.channels?.map((c) => c.name), ['tv', 'search']);
  assert.deepEqual(issues.list(), []);
  // The rules' roles (mixwise validate) leave it out as well.
  assert.deepEqual(resolveRuleRoles(csv, { target: 'sales', reserved: ['pop_spend'] }).channels?.map((c) => c.column), ['tv_spend', 'search_spend']);
});

test('resolveRoles: a reserved column is not a channel found by spend naming either (pop_cost), and the only spend-named column being reserved is NO_CHANNELS', () => {
  const csv = parseCsvText(text('pop_cost').replace('tv_spend,search_spend', 'tv,search'), 'p.csv');
  const issues = new IssueCollector('p.csv');
  const roles = resolveRoles(csv, { target: 'sales', reserved: ['pop_cost'] }, issues);
  assert.deepEqual(roles.channels, []);
  assert.deepEqual(issues.list().map((i) => i.code), ['NO_CHANNELS']);
});

test('tableFromCsv with a reserved pop_spend: no "pop" channel, no control, not unused; validation has no constant-spend warning for it', () => {
  const csv = parseCsvText(text('pop_spend'), 'p.csv');
  const built = tableFromCsv(csv, { target: 'sales', reserved: ['pop_spend'] });
  assert.deepEqual(built.table.channels.map((c) => c.name), ['tv', 'search']);
  assert.deepEqual(built.roles.controls, ['price']);
  assert.ok(!built.warnings.some((i) => i.at.column === 'pop_spend' || i.message.includes('pop_spend')), JSON.stringify(built.warnings));
  const withoutReservation = runRules(readOutcomeFromText(text('pop_spend'), 'p.csv'), { target: 'sales' });
  assert.ok(withoutReservation.issues.some((i) => i.at.column === 'pop_spend'), 'the check below would see the column');
  const validated = runRules(readOutcomeFromText(text('pop_spend'), 'p.csv'), { target: 'sales', reserved: ['pop_spend'] });
  assert.deepEqual(validated.issues.filter((i) => i.at.column === 'pop_spend'), []);
});

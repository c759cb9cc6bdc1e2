import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../../read/read-csv.ts';
import { readOutcomeFromText } from '../read-outcome.ts';
import { runRules } from '../run-rules.ts';
import { resolveRuleRoles } from '../resolve-rule-roles.ts';
import { spendMarker } from '../../detect/spend-naming.ts';
import { componentNames } from './component-names.ts';

/** A weekly file with the given header after date and revenue. */
function text(columns: readonly string[], n = 30): string {
  const rows = Array.from({ length: n }, (_, i) => [
    new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10), String(1000 + ((i * 37) % 101)),
    ...columns.map((_, k) => String(10 + ((i * (k + 3)) % 17))),
  ].join(','));
  return [['date', 'revenue', ...columns].join(','), ...rows].join('\n');
}

test('validate reports a channel named like a model term (trend_spend → channel "trend"), as fit would', () => {
  const result = runRules(readOutcomeFromText(text(['trend_spend', 'ooh_spend', 'price']), 'c.csv'), { target: 'revenue' });
  const reserved = result.issues.filter((i) => i.code === 'RESERVED_NAME');
  assert.deepEqual(reserved.map((i) => i.at.column), ['trend_spend']);
  assert.equal(result.ok, false);
});

test('the rename a RESERVED_NAME hint suggests for a spend column keeps the spend marker and is detected as a channel', () => {
  for (const column of ['trend_spend', 'date_spend', 'Trend_Spend']) {
    const csv = parseCsvText(text([column, 'ooh_spend']), 'c.csv');
    const [issue] = componentNames(csv, resolveRuleRoles(csv, { target: 'revenue' }));
    const renamed = /e\.g\. to "([^"]+)"/.exec(issue.hint)?.[1];
    assert.ok(renamed !== undefined, issue.hint);
    assert.match(renamed, /_spend$/i, issue.hint);
    // The suggested name is a channel, with a name that is not reserved, and the file then validates.
    const fixed = parseCsvText(text([renamed, 'ooh_spend']), 'c.csv');
    assert.deepEqual(resolveRuleRoles(fixed, { target: 'revenue' }).channels?.map((c) => c.column), [renamed, 'ooh_spend']);
    assert.deepEqual(componentNames(fixed, resolveRuleRoles(fixed, { target: 'revenue' })), []);
  }
});

test('other spend markers keep theirs too (tv_S-style, spend_ prefix, _cost)', () => {
  for (const [column, other] of [['trend_S', 'ooh_S'], ['spend_trend', 'spend_ooh'], ['trend_cost', 'ooh_cost']]) {
    const csv = parseCsvText(text([column, other]), 'c.csv');
    const [issue] = componentNames(csv, resolveRuleRoles(csv, { target: 'revenue' }));
    assert.equal(issue?.code, 'RESERVED_NAME', column);
    const renamed = /e\.g\. to "([^"]+)"/.exec(issue.hint)?.[1] ?? '';
    assert.equal(spendMarker(renamed)?.name, 'trend_media', `${column} → ${renamed}`);
    const fixed = parseCsvText(text([renamed, other]), 'c.csv');
    assert.deepEqual(resolveRuleRoles(fixed, { target: 'revenue' }).channels?.map((c) => c.column), [renamed, other]);
  }
});

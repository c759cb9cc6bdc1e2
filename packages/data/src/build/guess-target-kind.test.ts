import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guessTargetKind } from './guess-target-kind.ts';

test('guessTargetKind: deals, opportunities, leads, signups, SQLs and MQLs are counts; their amounts are money', () => {
  for (const name of ['deals', 'new_deals', 'Deal', 'opportunities', 'opportunity_count', 'leads', 'signups', 'sqls', 'SQL', 'mql_count', 'MQLs', 'orders']) {
    assert.equal(guessTargetKind(name), 'count', name);
  }
  for (const name of ['revenue', 'deal_amount', 'opportunity_value', 'order_revenue', 'pipeline', 'bookings_usd', 'sales', 'psql_x']) {
    assert.equal(guessTargetKind(name), 'revenue', name);
  }
});

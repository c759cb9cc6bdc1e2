import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PlanResult } from '@mixwise/engine';
import { planCsv } from './plan-csv.ts';

test('planCsv: a row per period with each channel\'s spend and the total', () => {
  const ch = (channel: string, spend: number[]) => ({ channel, spend, total: spend.reduce((a, b) => a + b, 0), window: 0, carryOut: 0, levels: { low: 0, high: 0 }, beyondData: null, dataRange: null });
  const plan = {
    feasible: true, periods: 2, budgetPerPeriod: [15.5, 20], iterations: 1, converged: true,
    channels: [ch('tv', [10, 0]), ch('search, paid', [5.5, 20])],
    kpi: { recommended: { window: 0, carryOut: 0 }, current: { window: 0, carryOut: 0 }, lift: { window: 0, carryOut: 0, total: 0 } },
  } as PlanResult;
  assert.equal(planCsv(['2025-01-06', '2025-01-13'], plan),
    'period,tv,"search, paid",total\r\n' +
    '2025-01-06,10,5.5,15.5\r\n' +
    '2025-01-13,0,20,20\r\n');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { infeasibleHint, limit } from './optimize-output.ts';

const parse = (s: string): number => Number(s.replace(/,/g, ''));

test('limit rounds a shown bound toward the side that still satisfies it', () => {
  assert.equal(limit(1234561.2, 'up'), '1,234,570');
  assert.equal(limit(1234568, 'down'), '1,234,560');
  // Values already on the 6-digit grid stay put (no drift from division round-off).
  assert.equal(limit(12345.6, 'up'), '12,345.6');
  assert.equal(limit(12345.6, 'down'), '12,345.6');
  assert.equal(limit(0.000123456789, 'up'), '0.000123457');
  assert.equal(limit(0, 'up'), '0');
  // Property: the printed "at least" is ≥ the value, "at most" ≤ it, and both within 1e-5 relative.
  for (let k = 0; k < 500; k++) {
    const v = Math.exp(20 * Math.sin(k * 12.9898) ** 2) * (1 + Math.cos(k * 78.233) / 3);
    const up = parse(limit(v, 'up')), down = parse(limit(v, 'down'));
    assert.ok(up >= v && down <= v, `${v}: ${down} … ${up}`);
    assert.ok((up - v) / v < 1e-5 && (v - down) / v < 1e-5, `${v}: ${down} … ${up}`);
  }
});

test('infeasibility hints print limits that work when typed back in', () => {
  const hint = (reason: 'BUDGET_BELOW_MINIMUM' | 'BUDGET_ABOVE_MAXIMUM' | 'TARGET_UNREACHABLE', details: Record<string, number>) =>
    infeasibleHint({ feasible: false, reason, message: '', details });
  assert.match(hint('BUDGET_BELOW_MINIMUM', { minimumBudget: 1234561.2 }), /at least 1,234,570,/);
  assert.match(hint('BUDGET_ABOVE_MAXIMUM', { maximumBudget: 1234568 }), /at most 1,234,560,/);
  assert.match(hint('TARGET_UNREACHABLE', { maximumKpi: 2909519.9 }), /at most 2,909,510 per period/);
});

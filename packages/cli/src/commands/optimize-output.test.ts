import { test } from 'node:test';
import assert from 'node:assert/strict';
import { infeasibleHint, limit, sparseData } from './optimize-output.ts';
import { dataCell } from './optimize-report.ts';

const parse = (s: string): number => Number(s.replace(/,/g, ''));

test('limit rounds a shown bound toward the side that still satisfies it', () => {
  assert.equal(limit(1234561.2, 'up'), '1,234,570');
  assert.equal(limit(1234568, 'down'), '1,234,560');
  // Values already on the 6-digit grid stay put (no drift from division round-off).
  assert.equal(limit(12345.6, 'up'), '12,345.6');
  assert.equal(limit(12345.6, 'down'), '12,345.6');
  assert.equal(limit(0.000123456789, 'up'), '0.000123457');
  assert.equal(limit(0, 'up'), '0');
  // Property: the printed "at least" is ≥ the value, "at most" ≤ it (up to the engine's 1e-8 budget
  // slack), and both within 1e-5 relative; with no tolerance, strictly on the right side.
  for (let k = 0; k < 500; k++) {
    const v = Math.exp(20 * Math.sin(k * 12.9898) ** 2) * (1 + Math.cos(k * 78.233) / 3);
    const up = parse(limit(v, 'up')), down = parse(limit(v, 'down'));
    assert.ok(up >= v * (1 - 1e-8) && down <= v * (1 + 1e-8), `${v}: ${down} … ${up}`);
    assert.ok((up - v) / v < 1e-5 && (v - down) / v < 1e-5, `${v}: ${down} … ${up}`);
    assert.ok(parse(limit(v, 'up', 0)) >= v && parse(limit(v, 'down', 0)) <= v, String(v));
  }
});

test('limit keeps a value within 1e-8 relative of the 6-digit grid on it (round-off is not a step up)', () => {
  // The demo's least budget under the default bounds: half of a current total of 380,000.0007.
  assert.equal(limit(190000.000353205, 'up'), '190,000');
  assert.equal(limit(284999.9997, 'down'), '285,000');
  // Further off than the slack, the next grid point.
  assert.equal(limit(190000.01, 'up'), '190,001');
  assert.equal(limit(284999.99, 'down'), '284,999');
  // A limit the engine checks exactly (tolerance 0) still rounds strictly toward its side.
  assert.equal(limit(190000.000353205, 'up', 0), '190,001');
});

test('conflicting share bounds and a bounds-limited ROI target get their own fixes', () => {
  const hint = (reason: 'CONFLICTING_BOUNDS' | 'TARGET_ROI_UNREACHABLE', details: Record<string, number | string>) =>
    infeasibleHint({ feasible: false, reason, message: '', details });
  assert.match(hint('CONFLICTING_BOUNDS', { bound: 'lower', lowerShare: 1.5, otherLower: 0 }), /^lower the share lower bounds so that they add up to less than 100% of the budget/);
  assert.match(hint('CONFLICTING_BOUNDS', { bound: 'upper', upperShare: 0.75, otherUpper: 0 }), /^raise the share upper bounds .* or add --up-to/);
  assert.match(hint('CONFLICTING_BOUNDS', { bound: 'both', minimumBudget: 80, maximumBudget: 50 }), /^relax the lower or the upper bounds/);
  assert.match(hint('CONFLICTING_BOUNDS', { channel: 'tv', lower: 3, upper: 2 }), /^make the lower bound of tv at most its upper bound/);
  assert.equal(hint('TARGET_ROI_UNREACHABLE', { bestRoi: 2.01375, limitedBy: 'bounds' }), 'lower --target-roi below 2.01375, the best media ROI within the bounds, or relax the bounds (--bounds, --bound, --lock, --max-change)');
  assert.equal(hint('TARGET_ROI_UNREACHABLE', { bestRoi: 3.99, limitedBy: 'curves' }), 'lower --target-roi below 3.99, the best media ROI any budget reaches');
});

test('infeasibility hints print limits that work when typed back in', () => {
  const hint = (reason: 'BUDGET_BELOW_MINIMUM' | 'BUDGET_ABOVE_MAXIMUM' | 'TARGET_UNREACHABLE', details: Record<string, number>) =>
    infeasibleHint({ feasible: false, reason, message: '', details });
  assert.match(hint('BUDGET_BELOW_MINIMUM', { minimumBudget: 1234561.2 }), /at least 1,234,570,/);
  assert.match(hint('BUDGET_ABOVE_MAXIMUM', { maximumBudget: 1234568 }), /at most 1,234,560,/);
  assert.match(hint('TARGET_UNREACHABLE', { maximumKpi: 2909519.9 }), /at most 2,909,510 per period, or widen the upper bounds/);
  // With no upper bounds there are none to widen: the curves cap the KPI.
  const curves = infeasibleHint({ feasible: false, reason: 'TARGET_UNREACHABLE', message: '', details: { maximumKpi: 2909519.9, limitedBy: 'curves' } });
  assert.equal(curves, 'lower --target-kpi to at most 2,909,510 per period: without upper bounds no budget reaches more');
});

test('a sparse data range becomes sparse_data and the table\'s data cell says how often the channel spent', () => {
  const range = { low: 53_000, high: 156_000, sparse: { active: 3, periods: 156, first: 49, kind: 'few' as const } };
  assert.deepEqual(sparseData(range), { sparse_data: { periods_with_spend: 3, fitted_periods: 156, reason: 'few' } });
  assert.deepEqual(sparseData({ low: 1, high: 2 }), {});
  assert.deepEqual(sparseData(null), {});
  assert.equal(dataCell({ beyond_data: 'below', sparse_data: { periods_with_spend: 3, fitted_periods: 156, reason: 'few' } }), 'below data; spent 3/156');
  assert.equal(dataCell({ beyond_data: null, sparse_data: { periods_with_spend: 8, fitted_periods: 156, reason: 'launched' } }), 'spent 8/156');
  assert.equal(dataCell({ beyond_data: 'above' }), 'above data');
  assert.equal(dataCell({ beyond_data: null }), '');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LargestResiduals } from '@mixwise/engine';
import { largestResidualsTable } from './largest-residuals-table.ts';

const lr: LargestResiduals = {
  threshold: 3.5, centre: -1600, scale: 12_000, beyond: 12,
  periods: [
    { date: '2024-11-29', actual: 299_885.66, fitted: 197_599.88, residual: 102_285.78, z: 8.34, sign: 1 },
    { date: '2023-11-24', actual: 285_727.2, fitted: 198_352.4, residual: 87_374.8, z: 7.15, sign: 1 },
    { date: '2023-12-25', actual: 143_093.92, fitted: 198_821.79, residual: -55_727.87, z: -4.34, sign: -1 },
  ],
  recurring: [{ dates: ['2023-11-24', '2024-11-29'], sign: 1 }],
};

test('one row per listed period, the exact numbers in data-value, recurring dates named beside each other', () => {
  const html = largestResidualsTable(lr);
  assert.match(html, /^<h3>Largest residuals \(in sample\)<\/h3><div class="table-scroll"><table class="largest-residuals">/);
  assert.deepEqual([...html.matchAll(/<tr data-key="([^"]+)">/g)].map((m) => m[1]), ['2024-11-29', '2023-11-24', '2023-12-25']);
  assert.match(html, /<tr data-key="2024-11-29"><th scope="row">2024-11-29<\/th><td class="num" data-field="actual" data-value="299885.66">299,886<\/td><td class="num" data-field="fitted" data-value="197599.88">197,600<\/td><td class="num" data-field="residual" data-value="102285.78">102,286<\/td><td class="num" data-field="z" data-value="8.34">\+8\.3<\/td><td class="flag">2023-11-24<\/td><\/tr>/);
  assert.match(html, /<tr data-key="2023-12-25">.*?data-field="z" data-value="-4.34">−4\.3<\/td><td><\/td><\/tr>/);
  assert.match(html, /the 3 largest of 12 periods\./);
});

test('none listed: one sentence; no list computed (an older diagnostics.json): nothing', () => {
  assert.equal(largestResidualsTable({ ...lr, beyond: 0, periods: [], recurring: [] }),
    '<h3>Largest residuals (in sample)</h3><p class="note">No period is 3.5 robust standard deviations (1.4826 × the median absolute deviation) or more from the median residual.</p>');
  assert.equal(largestResidualsTable(undefined), '');
  assert.equal(largestResidualsTable(null), '');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelingTable } from '../../spec/modeling-table.ts';
import { simulatePreset } from '../../simulate/presets/index.ts';
import { defaultRoiPrior, ROI_PRIOR_MAX_MEDIA_SHARE, ROI_PRIOR_MIN_MEDIA_SHARE } from './default-roi-prior.ts';
import { DEFAULT_ROI_PRIOR } from './roi-prior.ts';

/** A table whose spend is `spendScale` times the retail preset's, in the same KPI. */
function scaled(spendScale: number, kind: 'revenue' | 'count' = 'revenue'): ModelingTable {
  const { table } = simulatePreset('retail', 7);
  return {
    ...table,
    target: { ...table.target, kind },
    channels: table.channels.map((c) => ({ ...c, spend: c.spend.map((v) => v * spendScale) })),
  };
}

test('same-currency revenue data get the default prior, counts none, without a note', () => {
  const rows = { start: 0, end: 156 };
  assert.deepEqual(defaultRoiPrior(scaled(1), rows), { prior: DEFAULT_ROI_PRIOR, note: null });
  assert.deepEqual(defaultRoiPrior(scaled(1, 'count'), rows), { prior: null, note: null });
});

test('spend in other units (media would explain < 1% of the KPI at the median ROI) gets no prior and a note', () => {
  const table = scaled(1);
  const rows = { start: 10, end: 150 };
  let spend = 0, kpi = 0;
  for (const c of table.channels) for (let t = rows.start; t < rows.end; t++) spend += c.spend[t];
  for (let t = rows.start; t < rows.end; t++) kpi += table.target.values[t];
  const share = (DEFAULT_ROI_PRIOR.median * spend) / kpi;
  // Scale spend so the implied share sits just above and just below the threshold.
  const above = defaultRoiPrior(scaled((1.001 * ROI_PRIOR_MIN_MEDIA_SHARE) / share), rows);
  assert.equal(above.prior, DEFAULT_ROI_PRIOR);
  const below = defaultRoiPrior(scaled((0.999 * ROI_PRIOR_MIN_MEDIA_SHARE) / share), rows);
  assert.equal(below.prior, null);
  assert.match(below.note ?? '', /^no ROI prior was used: .* would explain only 1\.0% of revenue.*--roi-prior 1\.22,0\.9/);
});

test('a KPI orders of magnitude below spend (a deal count named like revenue: media would explain > 10× it at the median ROI) gets no prior and a note', () => {
  const table = scaled(1);
  const rows = { start: 0, end: 156 };
  let spend = 0, kpi = 0;
  for (const c of table.channels) for (let t = rows.start; t < rows.end; t++) spend += c.spend[t];
  for (let t = rows.start; t < rows.end; t++) kpi += table.target.values[t];
  const share = (DEFAULT_ROI_PRIOR.median * spend) / kpi;
  assert.equal(defaultRoiPrior(scaled((0.999 * ROI_PRIOR_MAX_MEDIA_SHARE) / share), rows).prior, DEFAULT_ROI_PRIOR);
  const deals = defaultRoiPrior(scaled((3000 * ROI_PRIOR_MAX_MEDIA_SHARE) / share), rows);
  assert.equal(deals.prior, null);
  assert.match(deals.note ?? '', /^no ROI prior was used: .* would explain 30,000 times the whole of revenue, so revenue is far smaller than spend/);
  assert.match(deals.note ?? '', /--target-kind count \(config: columns\.target_kind\).*--roi-prior 1\.22,0\.9/);
  assert.equal(defaultRoiPrior(scaled((1.001 * ROI_PRIOR_MAX_MEDIA_SHARE) / share), rows).prior, null);
});

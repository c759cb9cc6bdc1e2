import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geoSplitText } from './geo-split-text.ts';

const panel = (geos: string[], shares: number[]) => ({ panel: { column: 'region', geos, shares, intercepts: shares.map(() => 0), actual: [] } });

test('geoSplitText: null for a national model; a few geos all named, largest first', () => {
  assert.equal(geoSplitText({}), null);
  assert.equal(geoSplitText(panel(['north', 'south'], [0.25, 0.75])),
    "geo-level model (2 values of region): each channel's budget is taken as split across them in proportion to their share of the KPI (south 75.0%, north 25.0%); the plan does not move budget between geos");
});

test('geoSplitText: many geos give the three largest and the smallest', () => {
  const shares = [0.05, 0.3, 0.1, 0.2, 0.15, 0.12, 0.08];
  const text = geoSplitText(panel(shares.map((_, i) => `g${i}`), shares)) ?? '';
  assert.match(text, /\(7 values of region\)/);
  assert.match(text, /\(g1 30\.0%, g3 20\.0%, g4 15\.0% … g0 5\.0%\)/);
});

test('geoSplitText: with a size column the split is named by it, not by the KPI', () => {
  const sized = { panel: { ...panel(['north', 'south'], [0.4, 0.6]).panel, sizeColumn: 'population', sizes: [4, 6] } };
  assert.equal(geoSplitText(sized),
    "geo-level model (2 values of region): each channel's budget is taken as split across them in proportion to their share of population (the geos' size column) (south 60.0%, north 40.0%); the plan does not move budget between geos");
  assert.match(geoSplitText(panel(['north', 'south'], [0.4, 0.6])) ?? '', /in proportion to their share of the KPI \(south/);
  const named = { panel: { ...panel(['north', 'south'], [0.4, 0.6]).panel, sizeColumn: 'kpi_share', sizes: [4, 6] } };
  assert.match(geoSplitText(named) ?? '', /in proportion to their share of kpi_share \(the geos' size column\)/);
});

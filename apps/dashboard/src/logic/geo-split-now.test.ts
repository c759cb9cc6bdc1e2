import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geoSplitNow, responseModelFromMmm, type MmmModel } from '@mixwise/engine';
import { geoSplitNowNote } from './geo-split-now.ts';
import { testModel } from '../worker/test-model.ts';

/** The test model as a 2-geo model whose channels spent 80/20 across geos of KPI shares 50/50: off the proportional split. */
function geoModel(): MmmModel {
  const m = testModel();
  const n = m.dates.length;
  const shares = [0.5, 0.5];
  return {
    ...m,
    panel: { column: 'region', geos: ['north', 'south'], shares, intercepts: [m.intercept, m.intercept], actual: [Array.from({ length: n }, () => 1), Array.from({ length: n }, () => 1)] },
    channels: m.channels.map((c) => ({ ...c, panel: { shares, spend: [Array.from(c.spend, (v) => 0.8 * v), Array.from(c.spend, (v) => 0.2 * v)] } })),
  } as MmmModel;
}

test('geoSplitNowNote: nothing for a national run; on a geo-level run the engine\'s sentence with the numbers, on the page\'s curves', () => {
  assert.equal(geoSplitNowNote(testModel()), null);
  const model = geoModel();
  const note = geoSplitNowNote(model);
  assert.ok(note);
  const g = geoSplitNow(model, {})!;
  assert.equal(note.gap, g.gap, 'no replicates: the point curves');
  assert.ok(g.gap > 0, 'concave curves: the uneven split gives less');
  const kpi = responseModelFromMmm(model).baseline + g.historical;
  assert.ok(note.text.startsWith(`At the current split across geos, the current spend is predicted to give ${new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(kpi)} of ${model.target.name} per period`), note.text);
  assert.match(note.text, / less than at a split by KPI share: the model credits that much to re-splitting alone \(a consequence of the shared curves, untested\), which no plan here moves\.$/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geoSplitNow, geoSplitNowAnswer, geoSplitNowText, responseModelFromMmm, type MmmModel } from '@mixwise/engine';
import { geoSplitNowNote } from './geo-split-now.ts';
import { createEngineHandler } from '../worker/engine-handler.ts';
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

test('geoSplitNowNote: nothing without an answer\'s geoSplitNow; else its sentence as given, then the curves it is on', () => {
  assert.equal(geoSplitNowNote(undefined, 0, 'bootstrap'), null);
  assert.equal(geoSplitNowNote(null, 0, 'bootstrap'), null);
  const model = geoModel();
  const g = geoSplitNowAnswer(model, [])!;
  const note = geoSplitNowNote(g, 0, 'bootstrap')!;
  assert.equal(note.gap, g.gap);
  assert.equal(note.basis, 'point');
  assert.equal(note.text, `${g.text} Curves: the fitted model's point estimate.`);
  assert.ok(g.gap > 0, 'concave curves: the uneven split gives less');
  const kpi = responseModelFromMmm(model).baseline + g.historical;
  assert.ok(note.text.startsWith(`At the current split across geos, the current spend is predicted to give ${new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(kpi)} of ${model.target.name} per period`), note.text);
  assert.match(note.text, / less than at a split by KPI share: the model credits that much to re-splitting alone \(a consequence of the shared curves, untested\), which no plan here moves\. Curves: /);
  const expected = geoSplitNowNote({ ...g, basis: 'expected' }, 100, 'bootstrap')!;
  assert.match(expected.text, /\. Curves: expected over 100 bootstrap replicates\.$/);
});

test('the worker\'s optimise and plan answers carry the API\'s geoSplitNow (expected and point curves); none on a national run', () => {
  const h = createEngineHandler();
  const model = geoModel();
  h.handle({ type: 'load', model });
  const a = h.handle({ type: 'optimize', budget: 15 });
  assert.ok(a.feasible);
  // No replicates in the test model: the expected curves are the point estimate, as the API's /optimize says too.
  const api = geoSplitNowAnswer(model, []);
  assert.deepEqual(a.geoSplitNow, { ...api, basis: geoSplitNow(model, { replicates: [] })!.basis });
  assert.equal(a.geoSplitNow?.text, geoSplitNowText(a.geoSplitNow!, model.target.name));
  assert.deepEqual(h.handle({ type: 'geoSplitNow', basis: 'expected' }), a.geoSplitNow);
  const p = h.handle({ type: 'plan', periods: 4, total: 60 });
  assert.ok(p.feasible);
  assert.deepEqual(p.geoSplitNow, api);
  assert.equal(p.geoSplitNow?.basis, 'point');
  h.handle({ type: 'load', model: testModel() });
  const national = h.handle({ type: 'optimize', budget: 15 });
  assert.ok(national.feasible && !('geoSplitNow' in national));
  assert.equal(h.handle({ type: 'geoSplitNow', basis: 'point' }), null);
});

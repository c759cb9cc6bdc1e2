import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { centredControls, centredControlsText, interceptText, DEFAULT_WEIGHTS, fitMmm, simulatePreset, summarizeModel, type MmmModel } from '@mixwise/engine';
import { escapeHtml, renderReport } from '../src/index.ts';

let model: MmmModel;
before(async () => {
  // The retail preset's controls: price (never 0, so centred on its mean) and promo (0 on most weeks, so not).
  model = await fitMmm(simulatePreset('retail', 2).table, {
    search: { iterations: 100, trials: 1, seed: 1, bootstrap: 0, posterior: 0, weights: DEFAULT_WEIGHTS },
  });
});

/** The decomposition section of the report of a model, as text. */
function decompositionOf(m: MmmModel): string {
  return renderReport({ model: m, summary: summarizeModel(m) }).match(/<section id="decomposition">[\s\S]*?<\/section>/)?.[0] ?? '';
}

test('a control centred on its mean is not shown as a bare 0.00: the row says it sums to 0 by construction, the note gives its effect per period', () => {
  // Only price left: the control group's total is 0 by construction (B2B's market_index is the same case).
  const priceOnly: MmmModel = { ...model, baseline: model.baseline.filter((b) => b.name !== 'promo') };
  const section = decompositionOf(priceOnly);
  assert.match(section, /<th scope="row">baseline: control \(centred on its mean; see below\)<\/th><td[^>]*data-field="contribution"[^>]*>0 by construction<\/td>/);
  assert.doesNotMatch(section, />0\.00</);
  const note = centredControlsText(centredControls(priceOnly), 'revenue');
  assert.match(note, /^price is measured against its mean \([\d.,]+\): over the fitted periods its contribution sums to 0 by construction, not for lack of an effect; per period it moved revenue from −[\d,]+ to \+[\d,]+\.$/);
  assert.ok(section.includes(`<p class="note" data-note="centred-controls">${escapeHtml(note)} `));
  // …and why the decomposition's intercept is not model.json's (coefficients.csv): it includes coefficient × the mean.
  assert.ok(section.includes(`${escapeHtml(interceptText(priceOnly, centredControls(priceOnly)))}</p>`));
  assert.match(section, /The decomposition&#39;s intercept, [\d,]+ per period, is the model&#39;s intercept/);
});

test('with a control that keeps 0 as its reference, the group total means what it says: only the centred one gets the note', () => {
  const section = decompositionOf(model);
  assert.match(section, /<th scope="row">baseline: control<\/th>/);
  assert.match(section, /data-note="centred-controls">price is measured against its mean/);
  assert.doesNotMatch(section, /promo is measured/);
});

test('organic media: the baseline row names them and says they are measured against zero exposure, with their total', async () => {
  const table = simulatePreset('retail', 2).table;
  const sends = Float64Array.from(table.dates, (_, t) => (t % 4 === 0 ? 5000 : 200));
  const withOrganic = await fitMmm({ ...table, organic: [{ name: 'newsletter', column: 'newsletter', values: sends }] }, {
    search: { iterations: 100, trials: 1, seed: 1, bootstrap: 0, posterior: 0, weights: DEFAULT_WEIGHTS },
  });
  const summary = summarizeModel(withOrganic);
  const section = renderReport({ model: withOrganic, summary }).match(/<section id="decomposition">[\s\S]*?<\/section>/)?.[0] ?? '';
  assert.match(section, /<th scope="row">baseline: organic media \(newsletter; against zero exposure, no spend\)<\/th>/);
  assert.equal(summary.baseline.components.organic, summary.organic?.[0].contribution);
  // The curves section draws the organic response curve in exposure units beside the paid channels'.
  const curves = renderReport({ model: withOrganic, summary }).match(/<section id="curves">[\s\S]*?<\/section>/)?.[0] ?? '';
  assert.ok(curves.includes('data-chart="organic-response-curves"'), curves.slice(0, 400));
  assert.match(curves, /against a sustained exposure per period/);
  assert.match(curves, /per 1,000 more exposures/);
  // Without organic media there is no such chart.
  assert.ok(!decompositionOf(model).includes('organic-response-curves'));
  assert.ok(!(renderReport({ model, summary: summarizeModel(model) }).includes('data-chart="organic-response-curves"')));
});

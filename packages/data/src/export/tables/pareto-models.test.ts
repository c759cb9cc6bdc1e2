import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel, ParetoModel } from '@mixwise/engine';
import { fittedFixture } from '../fitted-fixture.ts';
import { isDefaultAlternative, paretoModelsTable } from './pareto-models.ts';

let model: MmmModel;
before(async () => {
  model = (await fittedFixture()).model;
});

/** The model with its first alternative replaced by one carrying the default model's hyperparameters. */
function withDefaultFirst(m: MmmModel): MmmModel {
  const first: ParetoModel = {
    ...m.search.pareto[0], lambda: m.search.chosen.lambda as number,
    channels: m.channels.map((ch, k) => ({ name: ch.name, adstock: ch.adstock, saturation: ch.saturation, roi: 1 + k })),
  };
  return { ...m, search: { ...m.search, pareto: [first, ...m.search.pareto.slice(1)] } };
}

test('pareto_models: one row per alternative and channel, in search.pareto order, with its score, λ, objectives and ROIs', () => {
  const t = paretoModelsTable(model);
  const { pareto } = model.search;
  assert.ok(pareto.length >= 2, `fixture stores ${pareto.length} alternatives`);
  assert.equal(t.rows.length, pareto.length * model.channels.length);
  const at = (name: string) => t.columns.findIndex((c) => c.name === name);
  pareto.forEach((alt, i) => {
    alt.channels.forEach((c, k) => {
      const row = t.rows[i * alt.channels.length + k];
      assert.equal(row[at('model_rank')], i + 1);
      assert.equal(row[at('score')], alt.score);
      assert.equal(row[at('lambda')], alt.lambda);
      assert.equal(row[at('nrmse_train')], alt.objectives[0]);
      assert.equal(row[at('channel')], c.name);
      assert.equal(row[at('roi')], c.roi);
      assert.equal(row[at('adstock')], c.adstock.type);
      // The parameter JSON plus the type rebuilds the stored spec.
      assert.deepEqual({ type: row[at('adstock')], ...JSON.parse(row[at('adstock_params')] as string) }, c.adstock);
      assert.deepEqual({ type: row[at('saturation')], ...JSON.parse(row[at('saturation_params')] as string) }, c.saturation);
    });
  });
  // The fixture has lift-test weight but no lift tests: MAPE.LIFT is undefined, NULL not NaN.
  assert.ok(t.rows.every((r) => r[at('mape_lift')] === null));
});

test('is_default: 1 on every row of the alternative with the default model\'s hyperparameters, 0 elsewhere', () => {
  const t = paretoModelsTable(withDefaultFirst(model));
  const j = t.columns.findIndex((c) => c.name === 'is_default');
  const n = model.channels.length;
  assert.deepEqual(t.rows.map((r) => r[j]), t.rows.map((_, r) => (r < n ? 1 : 0)));
});

test('isDefaultAlternative: a different parameter, kernel or λ is another model', () => {
  const m = withDefaultFirst(model);
  const alt = m.search.pareto[0];
  assert.equal(isDefaultAlternative(m, alt), true);
  const sat = alt.channels[0].saturation;
  const moved = { ...alt, channels: alt.channels.map((c, k) => (k === 0 ? { ...c, saturation: { ...sat, ...('shape' in sat ? { shape: sat.shape * 1.001 } : {}) } } : c)) };
  assert.equal(isDefaultAlternative(m, moved as ParetoModel), 'shape' in sat ? false : true);
  const geometric = { ...alt, channels: alt.channels.map((c, k) => (k === 0 ? { ...c, adstock: c.adstock.type === 'geometric' ? { type: 'weibull-cdf' as const, shape: 1, scale: 1 } : { type: 'geometric' as const, alpha: 0.5 } } : c)) };
  assert.equal(isDefaultAlternative(m, geometric), false);
  assert.equal(isDefaultAlternative(m, { ...alt, lambda: alt.lambda * 2 }), false);
  // Without a recorded λ (older model.json) the transforms alone decide.
  const { lambda: _l, ...chosen } = m.search.chosen;
  assert.equal(isDefaultAlternative({ ...m, search: { ...m.search, chosen } }, { ...alt, lambda: alt.lambda * 2 }), true);
});

test('no stored alternatives: an empty table with the same columns', () => {
  const t = paretoModelsTable({ ...model, search: { ...model.search, pareto: [] } });
  assert.equal(t.rows.length, 0);
  assert.equal(t.columns.length, 14);
});

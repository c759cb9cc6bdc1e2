import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel } from '../model/mmm-model.ts';
import { GEOS_NOTE, geoResults, geosNote } from './geo-results.ts';
import { decompose, sumRange } from './decomposition.ts';
import { channelContribution } from '../model/channel-response.ts';
import { nationalModel, panelModel } from '../model/panel-model.test-support.ts';
import { completeSummary, summarizeModel } from './summarize.ts';

const close = (a: number, b: number, rel: number, what = '') => assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1e-12), `${what}: ${a} vs ${b}`);

test('the geos\' contributions, fitted values, KPI and spend sum to the national ones over the window', () => {
  const m = panelModel(nationalModel());
  const { start, end } = m.window;
  const geos = geoResults(m);
  assert.deepEqual(geos.map((g) => g.name), ['north', 'south', 'west']);
  const d = decompose(m);
  close(geos.reduce((s, g) => s + g.fitted, 0), sumRange(d.fitted, start, end), 1e-12, 'fitted');
  close(geos.reduce((s, g) => s + g.kpi, 0), sumRange(d.actual, start, end), 1e-12, 'kpi');
  m.channels.forEach((ch, c) => {
    close(geos.reduce((s, g) => s + g.channels[c].contribution, 0), sumRange(channelContribution(ch), start, end), 1e-12, `${ch.name} contribution`);
    close(geos.reduce((s, g) => s + g.channels[c].spend, 0), sumRange(ch.spend, start, end), 1e-12, `${ch.name} spend`);
    for (const g of geos) close(g.channels[c].roi, g.channels[c].contribution / g.channels[c].spend, 1e-15, 'roi');
  });
  // Per period too: over a one-row range the geos' fitted values sum to the national fitted value.
  for (const t of [0, 17, 59]) close(geoResults(m, t, t + 1).reduce((s, g) => s + g.fitted, 0), d.fitted[t], 1e-12, `fitted at ${t}`);
});

test('hand-computed 2-geo × 4-period results', () => {
  // Shares [0.25, 0.75], intercepts [100, 60] (national 25 + 45 = 70); trend [0, 1, 2, 3] × 4; price × −2,
  // per geo [1, 2, 3, 4] and [3, 2, 1, 0] (national 0.25·g0 + 0.75·g1). One channel, the 2-geo example of
  // channel-response-panel.test.ts: f per geo [4/19, 2/5, 4/19, 4/9] and [8/23, 8/23, 14/29, 2/7], coef 100.
  // Geo 0 fitted = 0.25·(100 + 4t − 2(t + 1)) + 25·f0 = 0.25·(98 + 2t) + 25·f0;
  // geo 1 fitted = 0.75·(60 + 4t − 2(3 − t)) + 75·f1 = 0.75·(54 + 6t) + 75·f1.
  const base = nationalModel();
  const m: MmmModel = {
    ...base,
    dates: base.dates.slice(0, 4), window: { start: 0, end: 4 }, holdout: 1, intercept: 70,
    baseline: [
      { name: 'trend', kind: 'trend', values: [0, 1, 2, 3], coef: 4 },
      { name: 'price', kind: 'control', values: [2.5, 2, 1.5, 1], coef: -2, panelValues: [[1, 2, 3, 4], [3, 2, 1, 0]] },
    ],
    channels: [{
      name: 'tv', column: 'tv_spend', spend: [7, 5, 9, 3], adstock: { type: 'geometric', alpha: 0.5 }, maxLag: 1,
      saturation: { type: 'hill', halfSaturation: 1, shape: 1 }, scale: 10, coef: 100,
      panel: { shares: [0.25, 0.75], spend: [[1, 2, 0, 3], [6, 3, 9, 0]] },
    }],
    actual: [100, 104, 109, 115],
    panel: { column: 'region', geos: ['a', 'b'], shares: [0.25, 0.75], intercepts: [100, 60], actual: [[30, 32, 29, 40], [70, 72, 80, 75]] },
  };
  const f0 = [4 / 19, 2 / 5, 4 / 19, 4 / 9], f1 = [8 / 23, 8 / 23, 14 / 29, 2 / 7];
  const fit0 = f0.map((f, t) => 0.25 * (98 + 2 * t) + 25 * f), fit1 = f1.map((f, t) => 0.75 * (54 + 6 * t) + 75 * f);
  const r2 = (a: number[], f: number[]) => {
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    return 1 - a.reduce((s, v, i) => s + (v - f[i]) ** 2, 0) / a.reduce((s, v) => s + (v - mean) ** 2, 0);
  };
  const [a, b] = geoResults(m);
  assert.equal(a.name, 'a');
  assert.equal(a.share, 0.25);
  assert.equal(a.kpi, 131);
  assert.equal(b.kpi, 297);
  close(a.fitted, fit0.reduce((s, v) => s + v, 0), 1e-14, 'fitted a');
  close(b.fitted, fit1.reduce((s, v) => s + v, 0), 1e-14, 'fitted b');
  // R² over the fitted rows [0, 3) (the last row is the holdout).
  close(a.r2, r2([30, 32, 29], fit0.slice(0, 3)), 1e-12, 'r2 a');
  close(b.r2, r2([70, 72, 80], fit1.slice(0, 3)), 1e-12, 'r2 b');
  const c0 = 25 * f0.reduce((s, v) => s + v, 0), c1 = 75 * f1.reduce((s, v) => s + v, 0);
  assert.equal(a.channels[0].spend, 6);
  assert.equal(b.channels[0].spend, 18);
  close(a.channels[0].contribution, c0, 1e-14, 'contribution a');
  close(b.channels[0].roi, c1 / 18, 1e-14, 'roi b');
  // A range: rows [2, 4), all of it holdout but row 2.
  const [late] = geoResults(m, 2, 4);
  assert.equal(late.kpi, 69);
  assert.ok(Number.isNaN(late.r2), 'one fitted row: R² of a constant is NaN');
  close(late.channels[0].roi, (25 * (f0[2] + f0[3])) / 3, 1e-14, 'roi over [2, 4)');
});

test('a national model or an empty range is an EngineError', () => {
  assert.throws(() => geoResults(nationalModel()), /national .*no geo panel/);
  const m = panelModel(nationalModel());
  assert.throws(() => geoResults(m, 5, 5), /rows \[5, 5\)/);
  assert.throws(() => geoResults(m, 0, 61), /outside the model's 60 periods/);
});

test('summarizeModel: `geos` for a panel model, summing to its channels and totals; absent for a national model', () => {
  const national = nationalModel();
  assert.equal('geos' in summarizeModel(national), false);
  const m = panelModel(national);
  const s = summarizeModel(m);
  assert.equal(s.geos?.length, 3);
  close(s.geos!.reduce((a, g) => a + g.fitted, 0), s.totals.fitted, 1e-12, 'fitted');
  close(s.geos!.reduce((a, g) => a + g.kpi, 0), s.totals.kpi, 1e-12, 'kpi');
  s.channels.forEach((c, k) => close(s.geos!.reduce((a, g) => a + g.channels[k].contribution, 0), c.contribution, 1e-12, c.name));
  // JSON: a geo that spent nothing on a channel has ROI null, as summary.json's channels.
  const json = JSON.parse(JSON.stringify(s)) as { geos: { name: string; channels: { roi: number | null }[] }[] };
  assert.deepEqual(Object.keys(json.geos[0]), ['name', 'share', 'kpi', 'fitted', 'r2', 'channels']);
  assert.deepEqual(Object.keys(json.geos[0].channels[0]), ['name', 'spend', 'contribution', 'roi']);
  const { geos: _, ...stored } = s;
  assert.deepEqual(completeSummary(stored, m).geos, s.geos, 'completeSummary fills geos in from the model');
});

test('summarizeModel: `geos_note` beside `geos` says ROIs differ only by operating point and fitted totals reconcile; absent for a national model', () => {
  const national = nationalModel();
  assert.equal('geos_note' in summarizeModel(national), false);
  assert.equal('geos_note' in completeSummary(summarizeModel(national), national), false);
  const m = panelModel(national);
  const s = summarizeModel(m);
  assert.match(s.geos_note ?? '', /differ only by each geo's operating point on the shared curves/);
  assert.match(s.geos_note ?? '', /fitted total equals its actual total .* by construction .* R² is the measure/);
  const { geos_note: _, ...older } = s;
  assert.equal(completeSummary(older, m).geos_note, s.geos_note, 'completeSummary adds it to an older summary');
  assert.match(s.geos_note ?? '', /\(spend per unit of size;/);
  // With a size column the operating point is spend per unit of that column.
  const sized = { ...m, panel: { ...m.panel!, sizeColumn: 'population', sizes: m.panel!.shares.map((x) => x * 1e6) } };
  assert.match(summarizeModel(sized).geos_note ?? '', /\(spend per unit of population, the geos' size column;/);
  assert.equal(geosNote(undefined), GEOS_NOTE);
  assert.match(geosNote('kpi_share'), /spend per unit of kpi_share, the geos' size column/);
  assert.match(geosNote('$&'), /spend per unit of \$&, the geos'/);
});

test('geos_note of a geo model with channels on exposure names them and their exposure columns, not only spend per unit of size', () => {
  const m = panelModel(nationalModel());
  const first = m.channels[0];
  const onExposure = { ...m, channels: m.channels.map((c, k) => (k === 0 ? { ...c, media: { basis: 'exposure' as const, column: `${c.name}_impressions`, costPerUnit: 0.01, spend: c.spend } } : c)) };
  const note = summarizeModel(onExposure).geos_note ?? '';
  assert.match(note, new RegExp(`\\(spend per unit of size; for ${first.name}, modelled on exposure, ${first.name}_impressions per unit of size;`));
  assert.equal(completeSummary(summarizeModel(m), onExposure).geos_note, note, 'an older summary gets the same note');
  // Every channel on exposure, with a size column: each named, the unit the size column.
  const all = geosNote('population', [{ name: 'tv', column: 'tv_grps' }, { name: 'search', column: 'search_clicks' }]);
  assert.match(all, /\(spend per unit of population, the geos' size column; for tv and search, modelled on exposure, tv_grps and search_clicks per unit of population;/);
  // Spend only: unchanged.
  assert.equal(summarizeModel(m).geos_note, GEOS_NOTE);
});

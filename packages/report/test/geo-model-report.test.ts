import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replicateModels, type GeoResult, type MmmModel, type SummaryResult } from '@mixwise/engine';
import { writeJsonAtomic } from '@mixwise/data';
import { quickFit, quickGeoFit } from './quick-fit.ts';
import { readRun, recommend, renderReport, type ReportOptimization } from '../src/index.ts';
import { formatRoi } from '@mixwise/charts';
import { geoModelText } from '../src/sections/geo-model-section.ts';

let geo: { model: MmmModel; summary: SummaryResult };
let national: { model: MmmModel; summary: SummaryResult };
before(async () => {
  [geo, national] = await Promise.all([quickGeoFit(), quickFit()]);
});

const sectionOf = (html: string): string => html.match(/<section id="geos">[\s\S]*?<\/section>/)?.[0] ?? '';
const GEO = (name: string, share: number, roi: (number | null)[]): GeoResult => ({
  name, share, kpi: share * 1000, fitted: share * 990, r2: 0.8,
  channels: roi.map((r, i) => ({ name: ['tv', 'search'][i], spend: r === null ? 0 : 100, contribution: r === null ? 0 : 100 * r, roi: r ?? NaN })),
});

test('a geo-level run: a Geos section with the ROI heatmap and the fit per geo as inline SVG, the text and a row per geo, largest first', () => {
  const html = renderReport(geo);
  const section = sectionOf(html);
  assert.ok(html.includes('<a href="#geos">Geos</a>'));
  assert.match(section, /<figure class="chart" data-chart="geo-roi"><svg/);
  assert.match(section, /<figure class="chart" data-chart="geo-fit"><svg/);
  const geos = geo.summary.geos ?? [];
  assert.equal(geos.length, 20);
  assert.ok(section.includes('The model was fitted on 20 geos at once'));
  assert.ok(section.includes('split across geos in proportion to their size'));
  // Table rows in order of share, exact values in data-value.
  const keys = [...section.matchAll(/<tr data-key="([^"]+)">/g)].map((m) => m[1]);
  const bySize = [...geos].sort((a, b) => b.share - a.share).map((g) => g.name);
  assert.deepEqual(keys, bySize);
  const g0 = geos.find((g) => g.name === bySize[0])!;
  assert.ok(section.includes(`data-field="share" data-value="${g0.share}"`));
  assert.ok(section.includes(`data-field="roi:tv" data-value="${g0.channels[0].roi}"`));
  // The heatmap writes the largest geo's tv ROI in its cell (as SVG text).
  const heat = section.match(/data-chart="geo-roi">[\s\S]*?<\/figure>/)?.[0] ?? '';
  assert.ok(heat.includes(`>${formatRoi(g0.channels[0].roi)}<`));
  const tvRois = geos.map((g) => g.channels[0].roi);
  const tvMax = geos[tvRois.indexOf(Math.max(...tvRois))];
  assert.ok(section.includes(`tv: highest in ${tvMax.name} (`), 'names the geo with the highest tv ROI');
  assert.ok(!/<script|https?:\/\//.test(section));
});

test('a national run has no Geos section', () => {
  const html = renderReport(national);
  assert.equal(sectionOf(html), '');
  assert.ok(!html.includes('href="#geos"'));
});

test('a channel a geo did not spend on reads "no spend", not 0, in the table and the text', () => {
  const geos = [GEO('north', 0.6, [0.5, 2]), GEO('south', 0.3, [1.5, null]), GEO('west', 0.1, [null, 3])];
  const section = sectionOf(renderReport({ ...national, summary: { ...national.summary, geos } }));
  assert.ok(section.includes('<tr data-key="south"><th scope="row">south</th>'));
  assert.match(section, /data-field="roi:search" data-value="">no spend</);
  assert.ok(section.includes('no spend'));
  const text = geoModelText(geos, ['tv', 'search'], 'revenue', 'ROI').join(' ');
  assert.ok(text.includes('Their shares of revenue: north (60.0%), south (30.0%), west (10.0%).'));
  assert.ok(text.includes('tv: highest in south (1.50), lowest in north (0.50); 1 geo with no spend.'));
  assert.ok(text.includes('search: highest in west (3.00), lowest in north (2.00); 1 geo with no spend.'));
});

test('geoModelText: with more than three geos names the three largest and their combined share', () => {
  const geos = [GEO('a', 0.1, [1, 1]), GEO('b', 0.4, [1, 1]), GEO('c', 0.2, [1, 1]), GEO('d', 0.3, [1, 1])];
  const [first] = geoModelText(geos, ['tv'], 'orders', 'KPI per spend');
  assert.ok(first.includes('The 3 largest, b (40.0%), d (30.0%), c (20.0%), make 90.0% of orders.'), first);
});

test('readRun keeps summary.json geos (as written: NaN as null) and a report renders from them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-report-geos-'));
  try {
    await writeJsonAtomic(join(dir, 'model.json'), geo.model);
    // As the CLI writes it: NaN becomes null in JSON.
    const stored = JSON.parse(JSON.stringify(geo.summary)) as SummaryResult;
    await writeJsonAtomic(join(dir, 'summary.json'), stored);
    const run = readRun(dir);
    assert.deepEqual(run.summary.geos?.map((g) => g.name), geo.summary.geos?.map((g) => g.name));
    assert.match(sectionOf(renderReport(run)), /data-chart="geo-roi"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const recommendationOf = (html: string): string => html.match(/<section id="recommendation">[\s\S]*?<\/section>/)?.[0] ?? '';

test('a geo-level run: the recommendation says the split across geos it assumes (largest three and the smallest, by summary share); a national run says nothing', () => {
  const section = recommendationOf(renderReport(geo));
  assert.ok(section.includes('class="recommendation"'), 'the run has a recommendation');
  const note = section.match(/<p class="note geo-split">([^<]*)<\/p>/)?.[1] ?? '';
  const bySize = [...(geo.summary.geos ?? [])].sort((a, b) => b.share - a.share);
  const named = (g: GeoResult): string => `${g.name} ${(100 * g.share).toFixed(1)}%`;
  assert.equal(note, `Geo-level model (20 values of ${geo.model.panel?.column}): each channel&#39;s budget is taken as split across them in proportion to their share of population (the geos&#39; size column) (${bySize.slice(0, 3).map(named).join(', ')} … ${named(bySize[19])}); the plan does not move budget between geos.`);
  // Restating an optimization.json keeps the sentence too.
  const first = recommend(geo.model);
  assert.ok(first !== null);
  const restated = recommend(geo.model, {
    allocation: first.channels.map((c) => ({ ...c })), current_budget: first.currentBudget, budget: first.budget, expected: { ...first.expected },
  } as unknown as ReportOptimization);
  assert.equal(restated?.geoSplit, first.geoSplit);
  const plain = recommendationOf(renderReport(national));
  assert.ok(plain.includes('class="recommendation"'));
  assert.ok(!plain.includes('geo-split'));
  assert.equal(recommend(national.model)?.geoSplit, undefined);
});

test('a geo-level run: the recommendation and the Geos section say what today\'s split across geos gives against the assumed one, with the numbers, model-credited, untested, not moved by the plan; per channel in a table', () => {
  const r = recommend(geo.model);
  const now = r?.geoSplitNow;
  assert.ok(now, 'geoSplitNow on a geo-level run');
  assert.equal(now.basis, replicateModels(geo.model).length > 0 ? 'expected' : 'point', 'on the curves the computed recommendation uses');
  assert.ok(Math.abs(now.gap - (now.proportional - now.historical)) <= 1e-9 * Math.max(1, Math.abs(now.proportional)));
  // Its "current" KPI is at the split by KPI share: less the gap, the KPI at today's split.
  assert.ok(Math.abs(r.expected.current - now.gap - now.kpi) <= 1e-6 * Math.abs(now.kpi), `${r.expected.current} − ${now.gap} vs ${now.kpi}`);
  assert.notEqual(now.gap, 0, 'the simulated panel spends off the KPI shares');
  assert.match(now.text, new RegExp(`^At the current split across geos, the current spend is predicted to give [\\d,.]+ of ${geo.model.target.name} per period \\([\\d,.]+ from media\\), [\\d,.]+ (less|more) than at a split by population share: the model (credits|predicts) that much .*untested\\), which no plan here moves\\.$`));
  const html = renderReport(geo);
  const section = recommendationOf(html);
  assert.ok(section.includes(`<p class="note geo-split-now" data-gap="${String(now.gap)}">`));
  const table = section.match(/<table class="geo-split-now">[\s\S]*?<\/table>/)?.[0] ?? '';
  assert.deepEqual([...table.matchAll(/<tr data-key="([^"]+)">/g)].map((m) => m[1]), geo.model.channels.map((c) => c.name));
  assert.ok(table.includes(`data-field="gap" data-value="${String(now.channels[0].gap)}"`));
  assert.ok(table.includes('model-credited gap (untested)'));
  assert.ok(sectionOf(html).includes('<p class="geo-split-now">At the current split across geos'), 'the Geos section says it too');
  // Restating an optimization.json: its geo_split_now figures, as written.
  const written = { ...now, gap: 1234.5, proportional: now.historical + 1234.5 };
  const restated = recommend(geo.model, {
    allocation: r.channels.map((c) => ({ ...c })), current_budget: r.currentBudget, budget: r.budget, expected: { ...r.expected }, geo_split_now: written,
  } as unknown as ReportOptimization);
  assert.equal(restated?.geoSplitNow?.gap, 1234.5);
  assert.match(restated?.geoSplitNow?.text ?? '', /, 1,23\d(\.\d)? less than at a split by population share/);
  // A national run: nothing.
  assert.equal(recommend(national.model)?.geoSplitNow, undefined);
  assert.ok(!renderReport(national).includes('geo-split-now'));
});

test('the geo preset is sized by population; the same model on KPI shares says "KPI share" everywhere, the sized one names the size column', () => {
  assert.equal(geo.model.panel?.sizeColumn, 'population');
  const r = recommend(geo.model);
  assert.match(r?.geoSplit ?? '', /in proportion to their share of population \(the geos' size column\)/);
  assert.equal(r?.geoSplitNow?.sizeColumn, 'population');
  const html = renderReport(geo);
  assert.ok(!recommendationOf(html).includes('KPI share'), 'no split by KPI share in the recommendation');
  assert.ok(recommendationOf(html).includes('at a split by population share'), 'the table\'s header');
  const section = sectionOf(html);
  assert.ok(section.includes('population, the size column'), 'the assumption names the size column');
  assert.ok(section.includes('(share of population beside the name)'));
  const text = geoModelText([GEO('north', 0.6, [1, 2]), GEO('south', 0.4, [1, 2])], ['tv'], 'revenue', 'ROI', 'population').join(' ');
  assert.ok(text.includes('Their shares of population: north (60.0%), south (40.0%).'), text);
  // Restating an optimization.json written before sizes existed: the model's basis names the split.
  const { sizeColumn: _c, text: _t, ...older } = r!.geoSplitNow!;
  const restated = recommend(geo.model, {
    allocation: r!.channels.map((c) => ({ ...c })), current_budget: r!.currentBudget, budget: r!.budget, expected: { ...r!.expected }, geo_split_now: older,
  } as unknown as ReportOptimization);
  assert.match(restated?.geoSplitNow?.text ?? '', /at a split by population share/);
  // The same model on KPI shares (no size column): the wording as before.
  const { sizeColumn: _b, sizes: _s, ...kpiPanel } = geo.model.panel!;
  const model: MmmModel = { ...geo.model, panel: kpiPanel };
  const k = recommend(model);
  assert.match(k?.geoSplit ?? '', /in proportion to their share of the KPI \(/);
  assert.match(k?.geoSplitNow?.text ?? '', / than at a split by KPI share: /);
  const kHtml = renderReport({ ...geo, model });
  assert.ok(recommendationOf(kHtml).includes('at a split by KPI share'));
  assert.ok(sectionOf(kHtml).includes(`(their share of ${geo.summary.target})`));
  assert.ok(sectionOf(kHtml).includes(`(share of ${geo.summary.target} beside the name)`));
});

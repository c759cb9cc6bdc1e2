import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BAYES_POINT_TEXT, completeSummary, DEFAULT_WEIGHTS, fitMmm, fittedRows, keptSpendReason, modelDiagnostics, posteriorDiagnostics, simulatePreset, summarizeModel, type MmmModel, type SummaryResult } from '@mixwise/engine';
import { writeJsonAtomic } from '@mixwise/data';
import { escapeHtml, readRun, recommend, renderReport, runSubtitle, writeReport, type ReportOptimization } from '../src/index.ts';
import { formatRoi, modelResponseCurves } from '@mixwise/charts';

let model: MmmModel;
let summary: SummaryResult;
let html: string;
before(async () => {
  // A small real fit: the retail preset, a short search, 20 bootstrap replicates, 8 periods held out.
  model = await fitMmm(simulatePreset('retail', 2).table, {
    holdout: 8, search: { iterations: 300, trials: 1, seed: 1, bootstrap: 20, posterior: 0, weights: DEFAULT_WEIGHTS },
  });
  summary = JSON.parse(JSON.stringify(summarizeModel(model))) as SummaryResult;
  html = renderReport({ model, summary });
});

/** data-value of the ROI table cell (channel, field). */
function roiCell(page: string, channel: string, field: string): number {
  const table = page.match(/<table class="roi">[\s\S]*?<\/table>/)?.[0] ?? '';
  const row = table.match(new RegExp(`<tr data-key="${channel}">([\\s\\S]*?)</tr>`))?.[1] ?? '';
  const cell = row.match(new RegExp(`data-field="${field}" data-value="([^"]*)"`));
  assert.ok(cell, `no ${field} cell for ${channel}`);
  return Number(cell[1]);
}

test('the ROI table holds exactly the numbers of summary.json', () => {
  assert.ok(summary.channels.length >= 3);
  for (const c of summary.channels) {
    for (const f of ['spend', 'contribution', 'roi', 'mroi', 'share_of_spend', 'share_of_effect'] as const) {
      assert.equal(roiCell(html, c.name, f), c[f], `${c.name}.${f}`);
    }
  }
  // The interval text is formatted as the CLI's (2 decimals, 2 significant digits below 0.1).
  const c0 = summary.channels[0];
  assert.ok(c0.roi_interval !== null);
  assert.ok(html.includes(`${formatRoi(c0.roi_interval[0])} – ${formatRoi(c0.roi_interval[1])}`));
  // A revenue KPI: ROAS headline, no CPA column.
  assert.ok(html.includes('<div class="label">Blended ROAS</div>'));
  assert.ok(!html.includes('<th scope="col">CPA</th>') && !html.includes('data-field="cpa"'));
});

test('a count KPI: small ROIs keep 2 significant digits, a CPA column (n/a without contribution), a blended CPA headline and no ROAS', () => {
  // The retail fit relabelled as an orders model with the ROIs of a count KPI (ecommerce orders, b2b).
  const rois = [0.052, 0.0057, 0.019, 0.022];
  const channels = summary.channels.map((c, i) => {
    const roi = rois[i % rois.length];
    const contribution = i === 1 ? 0 : roi * c.spend;
    return { ...c, contribution, roi: contribution / c.spend, mroi: roi / 3, roi_interval: [roi / 5, roi * 50] as [number, number], cpa: contribution > 0 ? c.spend / contribution : null };
  });
  const mediaContribution = channels.reduce((s, c) => s + c.contribution, 0);
  const counted: SummaryResult = { ...summary, target: 'orders', channels, totals: { ...summary.totals, mediaContribution } };
  const page = renderReport({ model: { ...model, target: { name: 'orders', kind: 'count' } }, summary: counted });
  const table = page.match(/<table class="roi">[\s\S]*?<\/table>/)?.[0] ?? '';
  assert.ok(table.includes('<th scope="col">mROI (actual spend)</th><th scope="col">mROI (steady spend)</th><th scope="col">CPA</th><th scope="col">share of spend</th>'), 'CPA column after mROI, as in the CLI');
  const text = (channel: string, field: string) => table.match(new RegExp(`<tr data-key="${channel}">[\\s\\S]*?data-field="${field}"[^>]*>([^<]*)</td>`))?.[1];
  const [a, b] = channels;
  assert.equal(text(a.name, 'roi'), '0.052');
  assert.equal(text(a.name, 'mroi'), '0.017');
  assert.equal(text(a.name, 'roi_interval'), '0.010 – 2.60');
  assert.equal(text(a.name, 'cpa'), formatRoi(a.spend / a.contribution));
  assert.equal(roiCell(page, a.name, 'cpa'), a.cpa);
  // No contribution: ROI 0, CPA n/a (summary.json's null).
  assert.equal(text(b.name, 'roi'), '0.00');
  assert.equal(text(b.name, 'cpa'), 'n/a');
  assert.ok(table.includes(`<td class="num" data-field="cpa" data-value="">n/a</td>`));
  // The small ROI of the third channel (the b2b channel the report printed as 0.01, mROI 0.00).
  assert.equal(text(channels[2].name, 'roi'), '0.019');
  // Headline: blended CPA = spend / attributed orders, labelled as such; ROAS is revenue language.
  const blended = summary.totals.spend / mediaContribution;
  assert.ok(page.includes(`<div class="kpi" data-field="blendedCpa" data-value="${blended}"><div class="label">Blended CPA</div><div class="value">${formatRoi(blended)}</div><div class="hint">spend per unit of orders</div></div>`));
  assert.ok(!/ROAS/.test(page), 'no ROAS for an orders KPI');
  assert.ok(page.includes('CPA = spend / orders attributed to the channel'));
});

test('headline cards and holdout metrics come from the run', () => {
  const card = (f: string) => Number(html.match(new RegExp(`class="kpi" data-field="${f}" data-value="([^"]*)"`))?.[1]);
  assert.equal(card('totalSpend'), summary.totals.spend);
  assert.equal(card('attributedRevenue'), summary.totals.mediaContribution);
  assert.ok(summary.fit.holdout !== null);
  assert.ok(html.includes(`data-field="holdout.r2" data-value="${summary.fit.holdout.r2}"`));
  assert.ok(html.includes('holdout (8 periods)'));
});

test('every section is there, with 10 inline SVG charts', () => {
  for (const id of ['fit', 'decomposition', 'roi', 'curves', 'recommendation', 'diagnostics']) assert.ok(html.includes(`<section id="${id}">`), id);
  assert.equal((html.match(/<svg[\s>]/g) ?? []).length, 10);
  assert.equal((html.match(/<figure class="chart"/g) ?? []).length, 10);
  assert.ok(html.includes('Durbin'));
});

test('a run calibrated with lift tests gets a calibration table with summary.json\'s numbers; others do not', () => {
  assert.ok(!html.includes('<section id="calibration">'));
  const ch = model.channels[1].name;
  const calibrated: MmmModel = { ...model, spec: { ...model.spec, liftTests: [{ channel: ch, start: model.dates[40], end: model.dates[47], lift: 123456, standardError: 20000 }] } };
  const s = summarizeModel(calibrated);
  const page = renderReport({ model: calibrated, summary: s });
  const table = page.match(/<table class="lift-tests">[\s\S]*?<\/table>/)?.[0] ?? '';
  const [t] = s.lift_tests;
  for (const f of ['measured', 'predicted', 'z'] as const) assert.ok(table.includes(`data-field="${f}" data-value="${t[f]}"`), f);
  assert.ok(page.includes('<a href="#calibration">'));
  // The chart: one SVG figure in the section, labelled with the test.
  const sectionHtml = page.match(/<section id="calibration">[\s\S]*?<\/section>/)?.[0] ?? '';
  assert.equal((sectionHtml.match(/<figure class="chart" data-chart="lift-test-calibration">/g) ?? []).length, 1);
  assert.ok(sectionHtml.includes(`${ch} · ${model.dates[40]}`));
  // A geo test's row names its geos (the table's channel cell takes liftTestWhere).
  const geoPage = renderReport({ model: calibrated, summary: { ...s, lift_tests: [{ ...t, geos: ['north', 'east'] }] } });
  assert.ok((geoPage.match(/<table class="lift-tests">[\s\S]*?<\/table>/)?.[0] ?? '').includes(`${ch} in north, east`));
});

test('a summary.json written before lift_tests existed gets them from the model when the run is read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-report-'));
  const calibrated: MmmModel = { ...model, spec: { ...model.spec, liftTests: [{ channel: model.channels[0].name, start: model.dates[40], end: model.dates[47], lift: 99000 }] } };
  const { lift_tests: _, ...older } = summarizeModel(calibrated);
  await writeJsonAtomic(join(dir, 'model.json'), calibrated);
  await writeJsonAtomic(join(dir, 'summary.json'), older);
  const run = readRun(dir);
  assert.deepEqual(run.summary.lift_tests, JSON.parse(JSON.stringify(summarizeModel(calibrated).lift_tests)));
  assert.ok(renderReport(run).includes('<section id="calibration">'));
});

test('the channel parameters say when each channel\'s effect lands, from summary.json\'s effect_timing (computed for an older summary)', () => {
  const table = html.match(/<table class="parameters">[\s\S]*?<\/table>/)?.[0] ?? '';
  assert.match(table, /<th scope="col">adstock<\/th><th scope="col">effect lands<\/th>/);
  for (const c of summary.channels) {
    const t = c.effect_timing;
    assert.ok(t, c.name);
    const row = table.match(new RegExp(`<tr data-key="${c.name}">([\\s\\S]*?)</tr>`))?.[1] ?? '';
    assert.ok(row.includes(`<td data-field="effect_timing">peaks in week ${t.peak_lag}; half by week ${t.lag_50}, 90% by week ${t.lag_90}</td>`), row);
  }
  assert.match(html, /Effect lands: weeks after the spend, week 0 being the week of the spend/);
  const older = { ...summary, channels: summary.channels.map(({ effect_timing: _, ...c }) => c) };
  assert.equal(renderReport({ model, summary: completeSummary(older, model) }), html);
});

test('the page references nothing outside itself and runs no script', () => {
  assert.doesNotMatch(html, /https?:\/\//i);
  assert.doesNotMatch(html, /<script|<link|<img|<iframe|<object|<embed|@import|url\((?!#)/i);
  assert.doesNotMatch(html, /\ssrc\s*=/i);
  // Every style="…" attribute ends where it should (ECharts writes font lists unescaped into it).
  assert.doesNotMatch(html, /style="[^"]*"[^\s>/]/);
  for (const m of html.matchAll(/\shref="([^"]*)"/g)) assert.ok(m[1].startsWith('#'), `href ${m[1]}`);
});

test('rendering is deterministic', () => {
  assert.equal(renderReport({ model, summary }), html);
});

test('the computed recommendation keeps the budget and does not predict a loss', () => {
  const section = html.match(/<section id="recommendation">[\s\S]*?<\/section>/)?.[0] ?? '';
  const text = section.match(/<p class="recommendation" data-lift="([^"]*)">([^<]*)</);
  assert.ok(text);
  // The current split is feasible (inside the default 0.5×–2×), so the optimum at the same budget is at least as good.
  assert.ok(Number(text[1]) >= -1e-6);
  assert.match(text[2], /^Keeping the total at [\d,.]+ per period: /);
  const alloc = html.match(/<table class="allocation">[\s\S]*?<\/table>/)?.[0] ?? '';
  const sum = (f: string) => [...alloc.matchAll(new RegExp(`data-field="${f}" data-value="([^"]*)"`, 'g'))].reduce((s, m) => s + Number(m[1]), 0);
  assert.ok(Math.abs(sum('recommended') - sum('current')) < 1e-6 * sum('current'));
});

test('a given optimization.json is restated with its numbers', () => {
  const names = summary.channels.map((c) => c.name);
  const optimization: ReportOptimization = {
    budget: 3000, current_budget: 3000,
    allocation: names.map((n, i) => ({ channel: n, current: 1000, recommended: i === 0 ? 1500 : i === 1 ? 500 : 1000 })).slice(0, 3),
    expected: { current: 50000, recommended: 51000, lift: 1000 },
  };
  const page = renderReport({ model, summary, optimization });
  assert.ok(page.includes(`Keeping the total at 3,000 per period: grow ${names[0]} from 1,000 to 1,500 (+50.0%); cut ${names[1]} from 1,000 to 500 (−50.0%). Predicted ${summary.target} per period: 50,000 → 51,000 (+1,000, +2.0%).`));
  assert.ok(page.includes('from the run&#39;s optimization.json'));
});

test('the recommendation carries the lift interval across the replicates, and a plan its after-plan assumption', () => {
  // Computed: the model's 20 replicates.
  const computed = recommend(model)?.text ?? '';
  assert.match(computed, / Across 20 bootstrap replicates of the model, 90% of the predicted lifts lie between [−+-][\d,.]+ and [−+-][\d,.]+\./);
  // Restated: optimization.json's interval and replicate count, with the caution when it includes a loss.
  const names = summary.channels.map((c) => c.name);
  const optimization: ReportOptimization = {
    mode: 'plan', periods: 4, budget: 3000, current_budget: 3000, uncertainty: { replicates: 100 }, plan: { after_plan: 'dark' },
    allocation: names.map((n, i) => ({ channel: n, current: 1000, recommended: i === 0 ? 1500 : i === 1 ? 500 : 1000 })).slice(0, 3),
    expected: { current: 50000, recommended: 51000, lift: 1000, lift_interval: [-200, 2500] },
  };
  const text = recommend(model, optimization)?.text ?? '';
  assert.match(text, /\. The plan assumes no spend after it\. Across 100 bootstrap replicates of the model, 90% of the predicted lifts lie between −200 and \+2,500\. That range includes no gain or a loss/);
  // Nothing moves: no interval to report.
  const still = heldOptimization([0, 0, 0], ['budget']);
  assert.doesNotMatch(recommend(model, { ...still, uncertainty: { replicates: 100 }, expected: { ...still.expected, lift_interval: [-5, 5] } })?.text ?? '', /replicates/);
});

/** optimization.json of a run over the first three channels: each moved by `by` (per channel), with what binds. */
function heldOptimization(by: readonly number[], binding?: readonly string[], plan?: number): ReportOptimization {
  const names = summary.channels.slice(0, 3).map((c) => c.name);
  return {
    ...(plan === undefined ? {} : { mode: 'plan' as const, periods: plan }),
    budget: 3000, current_budget: 3000,
    allocation: names.map((n, i) => ({ channel: n, current: 1000, recommended: 1000 + by[i] })),
    expected: { current: 50000, recommended: 50000, lift: 0 },
    ...(binding === undefined ? {} : { binding }),
  };
}

test('a split that locks or bounds hold in place names them, as the optimizer does, instead of calling it the best', () => {
  const [a, b, c] = summary.channels.map((ch) => ch.name);
  // mixwise optimize --lock a --lock b --lock c: every channel locked at its current spend.
  const locked = ['budget', `${a}: locked`, `${b}: locked`, `${c}: locked`];
  const text = recommend(model, heldOptimization([0, 0, 0], locked))?.text ?? '';
  assert.equal(text, `Keeping the total at 3,000 per period: no channel moves by more than 1%. Under these constraints there is nothing to change; they hold the split where it is: ${a}: locked, ${b}: locked, ${c}: locked. Relaxing them (unlocking a channel, widening its bounds or the maximum change) is how to find a better split. Predicted ${summary.target} per period: 50,000 → 50,000 (+0.00, +0.0%).`);
  // The same sentence as explainAllocation's for the same constraints.
  assert.ok(text.includes(keptSpendReason(locked)));
  assert.doesNotMatch(text, /best/);
  // --max-change 0.005: bounds pin every channel within 1% of its spend.
  const pinned = recommend(model, heldOptimization([5, -5, 0], ['budget', `${a}: upper bound`, `${b}: lower bound`]))?.text ?? '';
  assert.match(pinned, new RegExp(`: no channel moves by more than 1%\\. Under these constraints there is nothing to change; they hold the split where it is: ${a}: upper bound, ${b}: lower bound\\. Relaxing them`));
  assert.doesNotMatch(pinned, /best|grow|cut/);
  // A plan held by its locks reads the same, of each channel's total.
  assert.match(recommend(model, heldOptimization([0, 0, 0], locked, 4))?.text ?? '', /^Keeping the total at 3,000 over 4 periods: no channel's total moves by more than 1%\. Under these constraints there is nothing to change; they hold the split where it is: /);
});

test('a split that nothing holds is the best for its budget; without what binds, or in a plan, the report does not claim it', () => {
  const free = recommend(model, heldOptimization([0, 0, 0], ['budget']))?.text ?? '';
  assert.match(free, /^Keeping the total at 3,000 per period: no channel moves by more than 1%\. No channel bound binds: the current split is already the best for this budget, so there is nothing to change\. Predicted /);
  // An optimization.json without `binding`: nothing is known of what held it.
  assert.match(recommend(model, heldOptimization([0, 0, 0]))?.text ?? '', /^Keeping the total at 3,000 per period: no channel moves by more than 1%\. Predicted /);
  // A plan that binds nothing may still move spend between its periods.
  assert.match(recommend(model, heldOptimization([0, 0, 0], ['budget'], 4))?.text ?? '', /^Keeping the total at 3,000 over 4 periods: no channel's total moves by more than 1%\. Predicted /);
});

test('user strings are escaped everywhere, SVG text included', () => {
  const evil = '<img src=x onerror=alert(1)>';
  const m: MmmModel = {
    ...model,
    target: { ...model.target, name: 'rev "&" <b>' },
    channels: model.channels.map((c, i) => (i === 0 ? { ...c, name: evil } : c)),
  };
  const page = renderReport({ model: m, summary: summarizeModel(m), diagnostics: modelDiagnostics(m) });
  assert.doesNotMatch(page, /<img|<b>/);
  assert.ok(page.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(page.includes('rev &quot;&amp;&quot; &lt;b&gt;'));
});

test('escapeHtml replaces the five special characters', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  assert.equal(escapeHtml('plain'), 'plain');
});

test('writeReport reads a run folder and ignores an optimization.json older than the model', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-report-'));
  await writeJsonAtomic(join(dir, 'optimization.json'), {
    budget: 1, current_budget: 1, allocation: [], expected: { current: 1, recommended: 1, lift: 0 },
  } satisfies ReportOptimization);
  await writeJsonAtomic(join(dir, 'model.json'), model);
  await writeJsonAtomic(join(dir, 'summary.json'), summary);
  const old = new Date(Date.now() - 60_000);
  utimesSync(join(dir, 'optimization.json'), old, old);
  const out = await writeReport(dir);
  assert.equal(out, join(dir, 'report.html'));
  const written = readFileSync(out, 'utf8');
  assert.ok(written.includes('computed for this report'));
  assert.equal(written, renderReport(readRun(dir)));
  // A fresh optimization.json is used.
  utimesSync(join(dir, 'optimization.json'), new Date(), new Date(Date.now() + 60_000));
  assert.equal(readRun(dir).optimization?.budget, 1);
  // A refused request (mixwise optimize writes { feasible: false, reason, message }) is no plan: the report computes its own.
  await writeJsonAtomic(join(dir, 'optimization.json'), { feasible: false, reason: 'TARGET_UNREACHABLE', message: 'no allocation reaches the target' });
  assert.equal(readRun(dir).optimization, undefined);
  assert.ok((await readFile(await writeReport(dir), 'utf8')).includes('computed for this report'));
});

/** The figure of chart NAME in a page. */
function figure(page: string, name: string): string {
  return page.match(new RegExp(`<figure class="chart" data-chart="${name}">[\\s\\S]*?</figure>`))?.[0] ?? '';
}

/** [text, y] of every SVG text element of a figure (ECharts writes its position as translate(x y)). */
function svgTexts(fig: string): { text: string; x: number; y: number }[] {
  return [...fig.matchAll(/<text[^>]*transform="translate\(([-\d.]+) ([-\d.]+)\)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ text: m[3], x: Number(m[1]), y: Number(m[2]) }));
}

test('every chart is an image with a readable name for screen readers, not its slug', () => {
  const labels = [...html.matchAll(/<figure class="chart" data-chart="([^"]+)"><svg role="img" aria-label="([^"]+)"/g)].map((m) => [m[1], m[2]]);
  assert.equal(labels.length, 10);
  for (const [slug, label] of labels) {
    assert.notEqual(label, slug);
    assert.match(label, /^[A-Z][^-]* [^-]*$/, `${slug}: ${label}`);
  }
  assert.ok(html.includes('<svg role="img" aria-label="Response curves with the current spend"'));
});

test('the response curves label each current-spend dot with its marginal ROI, as the caption says', () => {
  const fig = figure(html, 'response-curves');
  assert.match(fig, /labelled with the marginal ROI of sustained spend there/);
  // The legend names each channel with the figure; the dot carries the number alone, so labels cannot pile up.
  const labels = svgTexts(fig).filter((t) => t.text.includes(': marginal '));
  const curves = modelResponseCurves(model);
  assert.deepEqual(labels.map((t) => t.text).sort(), curves.map((c) => `${c.channel}: marginal ${formatRoi(c.current.marginal)} at steady spend`).sort());
  const texts = svgTexts(fig).map((t) => t.text);
  for (const c of curves) assert.ok(texts.includes(formatRoi(c.current.marginal)), `${c.channel}'s dot label`);
});

test('the ROI chart draws every interval, however far it runs past the bars', () => {
  // Stretch one interval far above every ROI: its whisker (an SVG path) must still reach the top of the range.
  const high = 4 * Math.max(...summary.channels.map((d) => d.roi));
  const wide: SummaryResult = { ...summary, channels: summary.channels.map((c, i) => (i === 0 ? { ...c, roi_interval: [c.roi / 2, high] as [number, number] } : c)) };
  const page = renderReport({ model, summary: wide });
  const ticks = svgTexts(figure(page, 'roi-intervals')).map((t) => Number(t.text)).filter((v) => Number.isFinite(v));
  assert.ok(Math.max(...ticks) >= high, `axis ticks ${ticks.join(', ')}`);
});

test('names of channels with the same shares do not print over each other in the ROI-vs-spend chart', () => {
  const [a, b] = summary.channels;
  const tied: SummaryResult = { ...summary, channels: summary.channels.map((c) => (c.name === b.name ? { ...c, share_of_spend: a.share_of_spend, share_of_effect: a.share_of_effect } : c)) };
  const texts = svgTexts(figure(renderReport({ model, summary: tied }), 'roi-vs-spend-share'));
  const [ta, tb] = [a.name, b.name].map((n) => texts.find((t) => t.text === n));
  assert.ok(ta && tb);
  assert.ok(Math.abs(ta.y - tb.y) >= 12, `${a.name} at ${ta.y}, ${b.name} at ${tb.y}`);
});

test('one minus sign in the recommendation: U+2212 for every negative number, never a hyphen', () => {
  const names = summary.channels.map((c) => c.name);
  const optimization: ReportOptimization = {
    budget: 3000, current_budget: 3000, uncertainty: { replicates: 100 },
    allocation: names.map((n, i) => ({ channel: n, current: 1000, recommended: i === 0 ? 1500 : i === 1 ? 500 : 1000 })).slice(0, 3),
    expected: { current: 50000, recommended: 51000, lift: 1000, lift_interval: [-5070.4, 56770.2] },
  };
  const text = recommend(model, optimization)?.text ?? '';
  assert.match(text, /\(−50\.0%\)/);
  assert.match(text, /lie between −5,070 and \+56,770\./);
  assert.doesNotMatch(text, /(^|[\s(])-\d/);
});

test('runSubtitle names the run, the day it was fitted and its data file, never the local path', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ru-demo-'));
  await writeJsonAtomic(join(dir, 'model.json'), model);
  const day = new Date('2025-06-02T10:00:00Z');
  utimesSync(join(dir, 'model.json'), day, day);
  const folder = dir.split(/[\\/]/).pop() ?? '';
  assert.equal(runSubtitle(dir), `${folder} · fitted 2025-06-02`);
  // The demo keeps its data beside the model.
  writeFileSync(join(dir, 'data.csv'), 'date\n');
  assert.equal(runSubtitle(dir), `${folder} · fitted 2025-06-02 · data file data.csv`);
  // A model that records its data file (mixwise fit) names it, never the path it was read from.
  await writeJsonAtomic(join(dir, 'model.json'), { ...model, source: { file: 'sales 2024.csv', sha256: '0'.repeat(64), bytes: 10 } });
  utimesSync(join(dir, 'model.json'), day, day);
  assert.equal(runSubtitle(dir), `${folder} · fitted 2025-06-02 · data file sales 2024.csv`);
  // A run the server fitted: its manifest's name, finishing time and upload's file name.
  await writeJsonAtomic(join(dir, 'run.json'), { id: 'q3', name: 'Q3 review', createdAt: '2025-07-01T09:00:00.000Z', finishedAt: '2025-07-01T09:02:00.000Z', source: { type: 'upload', uploadId: 'abc', fileName: 'weekly spend.csv' } });
  const subtitle = runSubtitle(dir);
  assert.equal(subtitle, 'Q3 review · fitted 2025-07-01 · data file weekly spend.csv');
  assert.ok(!subtitle.includes(tmpdir()));
  await writeReport(dir, join(dir, 'report.html'), { subtitle });
  const page = readFileSync(join(dir, 'report.html'), 'utf8');
  assert.ok(page.includes('<p>Q3 review · fitted 2025-07-01 · data file weekly spend.csv</p>'));
  assert.ok(!page.includes(dir));
});

test('a Bayesian run shows the sampler\'s figures and prior, warns when it did not converge, and calls its draws posterior draws', () => {
  const bayes = {
    sampler: 'nuts' as const, chains: 2, warmup: 200, draws: 200, metric: 'dense' as const, targetAccept: 0.95, divergences: 3, treeDepthHits: 120,
    stepSizes: [0.1, 0.12], maxRhat: 1.05, minEss: 150, parameters: [], stuckParameters: [],
    roiPrior: { median: 0.448, sdLog: 1.5, source: 'data-scaled' as const },
  };
  const bayesModel: MmmModel = { ...model, bayes };
  const s = JSON.parse(JSON.stringify(summarizeModel(bayesModel))) as SummaryResult;
  const page = renderReport({ model: bayesModel, summary: s });
  const posterior = page.match(/<section id="posterior">[\s\S]*?<\/section>/)?.[0] ?? '';
  assert.ok(posterior !== '', 'a posterior section');
  for (const [field, value] of [['max_rhat', 1.05], ['min_ess', 150], ['divergences', 3], ['tree_depth_hits', 120], ['chains', 400]] as const) {
    assert.match(posterior, new RegExp(`data-field="${field}" data-value="${value}"`), field);
  }
  assert.match(posterior, /1\.050/);
  assert.match(posterior, /120 \(30\.0%\)/);
  assert.match(posterior, /ROI prior, the same for every channel: log-normal with median 0\.448 and σ of log ROI 1\.5, weak, scaled to the data/);
  assert.match(posterior, /did not converge/);
  // The figures and words are the engine's posteriorDiagnostics, which the dashboard's explorer shows too.
  const d = posteriorDiagnostics(s.posterior!, bayes);
  for (const c of d.checks) assert.ok(posterior.includes(`<th scope="row">${escapeHtml(c.label)}</th>`) && posterior.includes(`>${escapeHtml(c.text)}</td>`), c.key);
  assert.match(posterior, /data-field="tree_depth_hits"[^>]*>120 \(30\.0%\)<\/td><td>≤ 10% \(above, the sampler is inefficient\)<\/td><td class="warning">warning<\/td>/);
  assert.ok(posterior.includes(escapeHtml(d.verdict)));
  // summary.json's warnings carry the verdict, and the report prints them under Fit.
  assert.match(page, /<p class="warning" data-code="NOT_CONVERGED"><strong>The Bayesian sampler did not settle, so its ranges are not reliable yet\.<\/strong> Detail: not converged: max R-hat 1\.050 ≥ 1\.01 \(the chains disagree\), ESS &lt; 200, divergences/);
  assert.match(page, /data-code="TREE_DEPTH_LIMIT"/);
  // The recommendation's interval is over posterior draws, not bootstrap replicates.
  const rec = recommend(bayesModel);
  assert.ok(rec);
  assert.match(rec.text, / Across 20 posterior draws \(NUTS\) of the model, 90% of the predicted lifts/);
  assert.doesNotMatch(rec.text, /bootstrap/);
  // The ROI table says what the point estimate is: one central posterior draw, not the draws' mean; optimize averages them.
  const roi = page.match(/<section id="roi">[\s\S]*?<\/section>/)?.[0] ?? '';
  assert.ok(roi.includes(escapeHtml(BAYES_POINT_TEXT)), roi.slice(0, 1500));
  // A ridge run has no posterior section, nor that sentence.
  assert.doesNotMatch(html, /<section id="posterior">/);
  assert.ok(!html.includes(escapeHtml(BAYES_POINT_TEXT)));
});

test('the recommendation\'s basis names what the optimize run was asked (a target, or a budget per period or over a plan)', () => {
  const base = heldOptimization([5, -5, 0], ['budget']);
  const basis = (objective: ReportOptimization['objective'], extra: Partial<ReportOptimization> = {}): string => recommend(model, { ...base, ...extra, objective })?.basis ?? '';
  assert.equal(basis({ type: 'target-roi', value: 2.5 }), 'from the run\'s optimization.json (mixwise optimize, asked to spend while the media ROI stays at or above 2.5 (--target-roi))');
  assert.match(basis({ type: 'target-mroi', value: 1.5 }), /marginal ROI stays at or above 1\.5 \(--target-mroi\)\)$/);
  assert.match(basis({ type: 'target-kpi', value: 250000 }), new RegExp(`least budget reaching 250,000 ${model.target.name} per period\\)$`));
  assert.match(basis({ type: 'budget', value: 4000 }), /a budget of 4,000 per period\)$/);
  assert.match(basis({ type: 'budget', value: 4000 }, { mode: 'plan', periods: 4 }), /a budget of 4,000 over the plan\)$/);
  assert.match(basis({ type: 'budget', value: 4000 }, { budget_mode: 'up-to' }), /asked to spend up to 4,000 per period\)$/);
  // The current budget, or an optimization.json written before `objective` was read: nothing added.
  assert.equal(basis({ type: 'budget', value: null }), 'from the run\'s optimization.json (mixwise optimize)');
  assert.equal(basis(undefined), 'from the run\'s optimization.json (mixwise optimize)');
});

test('a count KPI\'s ROI column and note say "KPI per spend", as the CLI\'s table does', () => {
  const page = renderReport({ model: { ...model, target: { name: 'orders', kind: 'count' } }, summary: { ...summary, target: 'orders' } });
  assert.ok(page.includes('<th scope="col">KPI per spend</th>') && !page.includes('<th scope="col">ROI</th>'));
  assert.ok(page.includes('KPI per spend = orders attributed to the channel'));
  assert.ok(renderReport({ model, summary }).includes('<th scope="col">ROI</th>'));
});

test('the recommendation ends with the optimizer\'s sparse-channel caution: restated from sparse_data, computed from the observed ranges', () => {
  const [a] = summary.channels.map((c) => c.name);
  // Restated: optimization.json's sparse_data of the first channel, in sparseDataText's words.
  const base = heldOptimization([500, -500, 0], ['budget']);
  const sparse: ReportOptimization = {
    ...base,
    allocation: base.allocation.map((r, i) => (i === 0 ? { ...r, data_range: [800, 1200] as const, sparse_data: { periods_with_spend: 3, fitted_periods: 96, reason: 'few' as const } } : r)),
  };
  assert.doesNotMatch(recommend(model, base)?.text ?? '', /Few periods of data/);
  const text = recommend(model, sparse)?.text ?? '';
  assert.match(text, new RegExp(`\\. Few periods of data: ${a} spent in only 3 of the 96 fitted periods, so its response at a sustained level of spend is not identified by the data .*before moving budget on it, run a lift test`));
  // A launched channel whose first spending period the model does not confirm is described by its count.
  const launched = { ...sparse, allocation: sparse.allocation.map((r, i) => (i === 0 ? { ...r, sparse_data: { periods_with_spend: 5, fitted_periods: 96, reason: 'launched' as const } } : r)) };
  assert.match(recommend(model, launched)?.text ?? '', new RegExp(`Few periods of data: ${a} spent in only 5 of the 96 fitted periods`));
  // Computed: the first channel spends in 3 of the rows only, so its observed range is sparse.
  assert.doesNotMatch(recommend(model)?.text ?? '', /Few periods of data/);
  const { start } = fittedRows(model);
  const rare = { ...model, channels: model.channels.map((c, i) => (i === 0 ? { ...c, spend: c.spend.map((v, t) => (t === start + 5 || t === start + 30 || t === start + 60 ? Math.max(v, 1) : 0)) } : c)) };
  const computed = recommend(rare);
  assert.ok(computed !== null);
  assert.match(computed.text, new RegExp(`\\. Few periods of data: ${a} spent in only 3 of the \\d+ fitted periods, so its response`));
});

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { fitWarningHeadline, type MmmModel, type SummaryResult } from '@mixwise/engine';
import { formatRoi, modelResponseCurves } from '@mixwise/charts';
import { quickFit } from './quick-fit.ts';
import { recommend, renderReport, type ReportOptimization } from '../src/index.ts';
import { confidenceText } from '../src/sections/summary-section.ts';
import { GLOSSARY } from '../src/sections/glossary-section.ts';
import { basisGapText, gapRatio } from '../src/basis-gap.ts';
import { REPORT_CSS } from '../src/report-css.ts';

let model: MmmModel;
let summary: SummaryResult;
let names: string[];
before(async () => {
  const fit = await quickFit();
  names = fit.model.channels.map((c) => c.name);
  // 20 replicate ROIs per channel: the third channel's reach down to 0, the others sit near 2.
  const replicates = Array.from({ length: 20 }, (_, r) => names.map((_, k) => (k === 2 ? (r < 3 ? 0 : r * 0.5) : 1.8 + 0.02 * r)));
  model = { ...fit.model, bootstrapRoi: replicates };
  summary = {
    ...fit.summary,
    channels: fit.summary.channels.map((c, k) => ({ ...c, roi_interval: k === 2 ? [0, 9.05] as [number, number] : [1.81, 2.17] as [number, number] })),
  };
});

/** An older optimization.json (no `bound` per row): the first channel at its 2× limit, the second at 0.5×, the third grown 30%. */
function optimization(): ReportOptimization {
  const [a, b, c, d] = names;
  return {
    mode: 'steady-state', budget: 340, current_budget: 340,
    allocation: [
      { channel: a, current: 50, recommended: 100, mroi_current: 3.1 },
      { channel: b, current: 150, recommended: 75, mroi_current: 0.4 },
      { channel: c, current: 100, recommended: 125, mroi_current: 1.2 },
      { channel: d, current: 40, recommended: 40, mroi_current: 1.1 },
    ],
    expected: { current: 1000, recommended: 1100, lift: 100, lift_share: 0.1, lift_interval: [-20, 180] },
    binding: ['budget', `${a}: upper bound`, `${b}: lower bound`],
    uncertainty: { replicates: 20, objective: 'expected', source: 'bootstrap' },
  };
}

/** The HTML of one section. */
function sectionOf(page: string, id: string): string {
  return page.match(new RegExp(`<section id="${id}">[\\s\\S]*?</section>`))?.[0] ?? '';
}

test('the report opens with the executive summary, then the business sections, then the technical appendix ending in the glossary', () => {
  const page = renderReport({ model, summary });
  const at = (s: string) => page.indexOf(s);
  const order = ['<section id="summary">', '<section id="roi">', '<section id="decomposition">', '<section id="curves">', '<section id="recommendation">',
    '<div class="appendix-head" id="appendix"><h2>Technical appendix</h2>', '<section id="fit">', '<section id="diagnostics">', '<section id="glossary">'];
  for (const s of order) assert.ok(at(s) > 0, s);
  for (let i = 1; i < order.length; i++) assert.ok(at(order[i - 1]) < at(order[i]), `${order[i - 1]} before ${order[i]}`);
  // The headline cards live in the summary now, not in the fit section.
  assert.match(sectionOf(page, 'summary'), /data-field="totalSpend"/);
  assert.doesNotMatch(sectionOf(page, 'fit'), /data-field="totalSpend"/);
  assert.match(page, /<nav>.*<span class="nav-part">Technical appendix:<\/span><a href="#fit">Fit<\/a>.*<a href="#glossary">Glossary<\/a><\/nav>/);
});

test('the summary names every move with its limit, the lift with its range, each channel\'s ROI range in words and the cautions', () => {
  const [a, b, c] = names;
  const page = renderReport({ model, summary, optimization: optimization() });
  const s = sectionOf(page, 'summary');
  assert.ok(s.includes(`Grow ${a} by 100.0% (50.00 → 100 per period, at its 2× upper limit)`), s);
  assert.ok(s.includes(`Cut ${b} by 50.0% (150 → 75.00 per period, at its 0.5× lower limit)`), s);
  assert.ok(s.includes(`Grow ${c} by 25.0% (100 → 125 per period)</li>`), s);
  assert.ok(s.includes('Hold the other 1 channel as now.'), s);
  assert.ok(s.includes('1,000 → 1,100, +100 (+10.0%); 90% range −20.00 to +180, which includes no gain at all.'), s);
  // Per channel: the ROI range and its reading.
  assert.match(s, new RegExp(`<tr data-key="${c}">.*?0\\.00 – 9\\.05</td><td data-field="reading">may or may not pay back; the range reaches 0: the data do not rule out no effect</td>`));
  assert.match(s, new RegExp(`<tr data-key="${a}">.*?<td data-field="reading">pays back: the whole range is above break-even</td>`));
  // Cautions: the limits decide two moves; a grown channel rests on a range that reaches 0.
  assert.ok(s.includes(`${a}, ${b}: the plan stops at a limit`), s);
  assert.ok(s.includes(`The plan grows ${c}, whose ROI range reaches 0: the extra spend may return little.`), s);
});

test('the recommendation tags moves held by a bound, says a limit decides them, cautions a weakly measured grow, and sizes the planner\'s mROI gaps', () => {
  const [a, b, c] = names;
  const r = recommend(model, optimization());
  assert.ok(r !== null);
  assert.deepEqual(r.channels.map((x) => x.status), ['at-upper', 'at-lower', 'free', 'free']);
  assert.ok(r.text.includes(`grow ${a} from 50.00 to 100 (+100.0%, at its 2× upper limit)`), r.text);
  assert.ok(r.text.includes(`cut ${b} from 150 to 75.00 (−50.0%, at its 0.5× lower limit)`), r.text);
  assert.match(r.text, new RegExp(`${b} \\(0\\.5× current\\) and ${a} \\(2× current\\) stop at a limit: there the limit, not the model, sets the figure|${a} \\(2× current\\) and ${b} \\(0\\.5× current\\) stop at a limit: there the limit, not the model, sets the figure`));
  assert.match(r.text, new RegExp(`Growing ${c} \\(0\\.00–9\\.\\d\\d\\) rests on weak evidence`));
  const sec = sectionOf(renderReport({ model, summary, optimization: optimization() }), 'recommendation');
  assert.match(sec, new RegExp(`<tr data-key="${a}">.*?<td data-field="bound">at its 2× upper limit</td><td class="num" data-field="mroi_current" data-value="3.1">3.10</td>`));
  // The planner's mROI against the ROI table's: a gap of 1.5× or more is sized in words.
  const mroi = summary.channels[0].mroi;
  if (gapRatio(mroi, 3.1) >= 1.5) assert.ok(sec.includes(`${a} ${formatRoi(mroi)} over the actual spend vs 3.10 in the planner (${gapRatio(mroi, 3.1).toFixed(1)}×)`), sec);
  assert.ok(sec.includes('Large gaps in marginal ROI at current spend:'), 'some gap is large among 3.1, 0.4 and 1.2');
});

test('the ROI table gives the marginal ROI over the actual spend and at steady spend, and sizes a large gap', () => {
  const steady = modelResponseCurves(model).map((x) => x.current.marginal);
  // The first channel's actual-spend mROI made 3× its steady one: the note names it with 3.0×.
  const skewed = { ...summary, channels: summary.channels.map((c, k) => ({ ...c, mroi: k === 0 ? 3 * steady[0] : steady[k] })) };
  const sec = sectionOf(renderReport({ model, summary: skewed }), 'roi');
  assert.ok(sec.includes('<th scope="col">mROI (actual spend)</th><th scope="col">mROI (steady spend)</th>'));
  assert.ok(sec.includes(`data-field="mroi_steady" data-value="${steady[1]}"`));
  assert.ok(sec.includes(`Large gaps in marginal ROI: ${names[0]} ${formatRoi(3 * steady[0])} over the actual spend vs ${formatRoi(steady[0])} on the response curves (3.0×).`), sec);
  assert.doesNotMatch(sec, new RegExp(`${names[1]} [\\d.]+ over the actual spend`));
});

test('warnings open with a plain headline, the most important one reaches the summary, and a long delay is flagged in the parameters', () => {
  const [a, b] = names;
  const warned: SummaryResult = {
    ...summary,
    warnings: [
      { code: 'PARAMETER_AT_BOUND', channel: a, message: `${a}'s response curve sits at the edge (hill saturation halfSaturation 2.95 at the upper end of its search range [0.3, 3])` },
      { code: 'LONG_DELAY', channel: b, message: `${b}'s effect peaks 19 weeks after the spend` },
    ],
  };
  const page = renderReport({ model, summary: warned });
  const fit = sectionOf(page, 'fit');
  assert.ok(fit.includes(`<p class="warning" data-code="PARAMETER_AT_BOUND"><strong>${a}: the data cannot say how it responds to more spend than it has had, so a plan that raises it well past that is a guess.</strong> Detail: ${a}&#39;s response curve sits at the edge (hill saturation halfSaturation 2.95`)
    || fit.includes(`<strong>${a}: the data cannot say how it responds to more spend than it has had`), fit.slice(0, 600));
  assert.match(fit, new RegExp(`<tr data-key="${b}">.*?<td class="flag" data-field="effect_timing">[^<]*\\(unusually late: see Warnings\\)</td>`));
  assert.doesNotMatch(fit, new RegExp(`<tr data-key="${a}">[^]*?unusually late[^]*?<tr data-key="${b}">`));
  // LONG_DELAY outranks PARAMETER_AT_BOUND in the summary; the other is counted.
  const s = sectionOf(page, 'summary');
  assert.ok(s.includes(`${fitWarningHeadline({ code: 'LONG_DELAY', channel: b })}. 1 more warning in the appendix (Fit → Warnings).`), s);
});

test('the glossary explains each term the report uses in plain words', () => {
  const page = renderReport({ model, summary });
  const g = sectionOf(page, 'glossary');
  for (const term of ['ROI (return on investment)', 'Marginal ROI (mROI)', 'NRMSE', 'MAPE and WMAPE', 'DECOMP.RSSD', 'Adstock (carryover)', 'Bootstrap interval']) {
    assert.ok(g.includes(`<dt>${term}</dt>`), term);
  }
  assert.equal(GLOSSARY.length, (g.match(/<dd>/g) ?? []).length);
});

test('on a phone, tables and charts scroll in their own boxes and charts keep a readable width', () => {
  assert.match(REPORT_CSS, /\.table-scroll \{ overflow-x: auto;/);
  const phone = REPORT_CSS.slice(REPORT_CSS.indexOf('@media (max-width: 600px)'));
  assert.match(phone, /figure\.chart \{ overflow-x: auto; \}/);
  assert.match(phone, /figure\.chart svg \{ min-width: 600px; \}/);
  assert.match(renderReport({ model, summary }), /<div class="table-scroll"><table class="roi">/);
});

test('confidenceText reads an ROI range: pays back, straddles or misses break-even, reaches 0, very wide', () => {
  assert.equal(confidenceText({ roi: 2, roi_interval: [1.2, 3] }, true), 'pays back: the whole range is above break-even');
  assert.equal(confidenceText({ roi: 0.5, roi_interval: [0.3, 0.8] }, true), 'below break-even: returns less than it costs');
  assert.equal(confidenceText({ roi: 3.79, roi_interval: [0, 38.65] }, true), 'may or may not pay back; the range reaches 0: the data do not rule out no effect');
  assert.equal(confidenceText({ roi: 1.5, roi_interval: [0.2, 2.5] }, true), 'may or may not pay back; very wide range: the return is poorly known');
  assert.equal(confidenceText({ roi: 0.05, roi_interval: [0.03, 0.07] }, false), 'measured with a usable range');
  assert.equal(confidenceText({ roi: 1, roi_interval: null }, true), 'no range (the fit has no replicates)');
});

test('gapRatio and basisGapText size only gaps of 1.5× or more', () => {
  assert.equal(gapRatio(2, 1), 2);
  assert.equal(gapRatio(-1, 1), Infinity);
  assert.ok(Number.isNaN(gapRatio(0, 0)));
  assert.equal(basisGapText([{ channel: 'tv', actual: 0.32, steady: 0.43 }], 'marginal ROI', 'on the response curves'), '');
  assert.match(basisGapText([{ channel: 'facebook', actual: 1.15, steady: 5.27 }], 'marginal ROI', 'in the planner'), /^ Large gaps in marginal ROI: facebook 1\.15 over the actual spend vs 5\.27 in the planner \(4\.6×\)\. Both figures are right/);
});

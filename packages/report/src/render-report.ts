import { decompose, modelDiagnostics } from '@mixwise/engine';
import { summaryRefresh } from '@mixwise/charts';
import { escapeHtml } from './escape-html.ts';
import { REPORT_CSS } from './report-css.ts';
import { REPORT_STAMP } from './report-stamp.ts';
import { recommend } from './recommendation.ts';
import type { ReportOptions, ReportRun } from './report-run.ts';
import type { SectionContext } from './sections/section-context.ts';
import { fitSection } from './sections/fit-section.ts';
import { decompositionSection } from './sections/decomposition-section.ts';
import { roiSection } from './sections/roi-section.ts';
import { posteriorSection } from './sections/posterior-section.ts';
import { curvesSection } from './sections/curves-section.ts';
import { recommendationSection } from './sections/recommendation-section.ts';
import { diagnosticsSection } from './sections/diagnostics-section.ts';
import { geoSection } from './sections/geo-section.ts';
import { geoModelSection } from './sections/geo-model-section.ts';
import { calibrationSection } from './sections/calibration-section.ts';
import { alternativesSection } from './sections/alternatives-section.ts';
import { refreshSection } from './sections/refresh-section.ts';
import { summarySection } from './sections/summary-section.ts';
import { glossarySection } from './sections/glossary-section.ts';

/** Where a section stands: the executive summary, the business sections, or the technical appendix. */
type Part = 'summary' | 'business' | 'appendix';

const SECTIONS: readonly { id: string; title: string; part: Part; render: (ctx: SectionContext) => string; when?: (ctx: SectionContext) => boolean }[] = [
  { id: 'summary', title: 'Summary', part: 'summary', render: summarySection },
  { id: 'refresh', title: 'Changes since the previous model', part: 'business', render: (ctx) => (ctx.refresh === undefined ? '' : refreshSection(ctx, ctx.refresh)), when: (ctx) => ctx.refresh !== undefined },
  { id: 'roi', title: 'ROI', part: 'business', render: roiSection },
  { id: 'decomposition', title: 'Contributions', part: 'business', render: decompositionSection },
  { id: 'geo', title: 'By geography', part: 'business', render: geoSection, when: (ctx) => ctx.geo !== undefined },
  { id: 'geos', title: 'Geos', part: 'business', render: geoModelSection, when: (ctx) => (ctx.summary.geos?.length ?? 0) > 0 },
  { id: 'curves', title: 'Response curves', part: 'business', render: curvesSection },
  { id: 'recommendation', title: 'Recommendation', part: 'business', render: recommendationSection },
  { id: 'fit', title: 'Fit', part: 'appendix', render: fitSection },
  { id: 'posterior', title: 'Posterior sampling', part: 'appendix', render: posteriorSection, when: (ctx) => Boolean(ctx.summary.posterior) },
  { id: 'calibration', title: 'Calibration', part: 'appendix', render: calibrationSection, when: (ctx) => ctx.summary.lift_tests.length > 0 },
  { id: 'alternatives', title: 'Alternative models', part: 'appendix', render: alternativesSection, when: (ctx) => ctx.model.search.pareto.length > 0 },
  { id: 'diagnostics', title: 'Diagnostics', part: 'appendix', render: diagnosticsSection },
  { id: 'glossary', title: 'Glossary', part: 'appendix', render: glossarySection },
];

/**
 * One self-contained HTML page for a fitted run: inline CSS, charts as inline SVG rendered on the
 * server by ECharts from the same @mixwise/charts builders as the dashboard, tables with the exact
 * numbers in data-value attributes, no scripts and no external references (it opens offline). Every
 * user string (KPI, channel and column names) is HTML-escaped. Output is deterministic for a given run.
 * The head carries the generator stamp (REPORT_STAMP), by which a stored report.html is known current.
 * Sections, written for an executive reader first: the executive summary (what to grow and cut, the
 * lift with its interval, ROI ranges per channel, the cautions that matter); then the business
 * sections: for a `fit --refresh` run (summary.json `refresh`) the changes since the previous model,
 * ROI, contributions, the KPI by geography when the run has a geo breakdown (geo.json), the geos of a
 * geo-level model, response curves and the recommendation (optimization.json, or the optimizer at the
 * current budget); then the technical appendix: fit (warnings, metrics, parameters), the sampler of a
 * Bayesian fit, the lift tests of a calibrated one, the search's alternative models (search.pareto),
 * diagnostics (diagnostics, or recomputed from the model) and a glossary.
 * @param run model + summary (+ diagnostics, optimization) of the run
 * @param options title, subtitle, chart size
 * @returns the HTML document
 * @throws EngineError when the model is inconsistent (from decompose / the optimizer)
 * @example renderReport({ model, summary }).startsWith('<!doctype html>') // true
 */
export function renderReport(given: ReportRun, options: ReportOptions = {}): string {
  // The sections read amounts' currency and locale off the model: the options' replace the model's, field by field, for this report.
  const run = options.money === undefined ? given : { ...given, model: { ...given.model, money: { ...given.model.money, ...options.money } } };
  const decomposition = decompose(run.model);
  let ctx: SectionContext = {
    model: run.model,
    summary: run.summary,
    diagnostics: run.diagnostics ?? modelDiagnostics(run.model, decomposition),
    decomposition,
    recommendation: recommend(run.model, run.optimization),
    size: { width: options.chartWidth ?? 760, height: options.chartHeight ?? 340 },
    ...(run.geo !== undefined ? { geo: run.geo } : {}),
  };
  const refresh = summaryRefresh(run.summary);
  if (refresh !== null) ctx = { ...ctx, refresh };
  const sections = SECTIONS.filter((s) => s.when === undefined || s.when(ctx));
  const title = options.title ?? `Mixwise report — ${run.summary.target}`;
  const link = (s: (typeof sections)[number]) => `<a href="#${s.id}">${escapeHtml(s.title)}</a>`;
  const nav = [
    ...sections.filter((s) => s.part !== 'appendix').map(link),
    '<span class="nav-part">Technical appendix:</span>',
    ...sections.filter((s) => s.part === 'appendix').map(link),
  ].join('');
  const appendix = sections.findIndex((s) => s.part === 'appendix');
  // The appendix opens with a heading of its own, so a reader knows where the business part ends.
  const body = sections.map((s, i) => (i === appendix ? `<div class="appendix-head" id="appendix"><h2>Technical appendix</h2><p class="note">For analysts: how well the model fits, its fitted parameters, the alternative models the search found and the statistical checks. Terms are explained in the glossary at the end.</p></div>` : '') + s.render(ctx));
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // Which generator rendered it: the server serves a stored report.html only when it is this one.
    REPORT_STAMP,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head><body><main>',
    `<header><h1>${escapeHtml(title)}</h1>`,
    options.subtitle !== undefined ? `<p>${escapeHtml(options.subtitle)}</p>` : '',
    '</header>',
    `<nav>${nav}</nav>`,
    ...body,
    '<footer><p class="note">Made by Mixwise. Self-contained: no scripts, fonts or images are loaded.</p></footer>',
    '</main></body></html>',
    '',
  ].join('\n');
}

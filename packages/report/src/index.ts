/**
 * @mixwise/report — a fitted run → one self-contained HTML report (inline CSS, server-rendered SVG
 * charts from @mixwise/charts, no scripts, no network).
 */
export { renderReport } from './render-report.ts';
export { readRun } from './read-run.ts';
export { writeReport, REPORT_FILE } from './write-report.ts';
export { isCurrentReport, REPORT_FORMAT, REPORT_GENERATOR, REPORT_STAMP, REPORT_VERSION } from './report-stamp.ts';
export { runSubtitle } from './run-subtitle.ts';
export { renderSvg, type SvgSize } from './render-svg.ts';
export { escapeHtml } from './escape-html.ts';
export { recommend, REPORT_BOUNDS, type Recommendation } from './recommendation.ts';
export type { ReportRun, ReportOptions, ReportOptimization, ReportGeo } from './report-run.ts';

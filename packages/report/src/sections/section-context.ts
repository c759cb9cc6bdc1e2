import type { EChartsOption } from 'echarts';
import type { Decomposition, DiagnosticsResult, MmmModel, SummaryRefresh, SummaryResult } from '@mixwise/engine';
import { escapeHtml } from '../escape-html.ts';
import { renderSvg, type SvgSize } from '../render-svg.ts';
import type { Recommendation } from '../recommendation.ts';
import type { ReportGeo } from '../report-run.ts';

/** What every section renders from. */
export interface SectionContext {
  readonly model: MmmModel;
  readonly summary: SummaryResult;
  readonly diagnostics: DiagnosticsResult;
  readonly decomposition: Decomposition;
  readonly recommendation: Recommendation | null;
  readonly size: SvgSize;
  /** KPI by geography (geo.json), when the run has geos. */
  readonly geo?: ReportGeo;
  /** The earlier run and the comparison with it, for a `fit --refresh` run whose summary.json has a well-formed `refresh`. */
  readonly refresh?: SummaryRefresh;
}

/**
 * A chart as an inline SVG figure (xmlns attributes removed; HTML's parser puts inline SVG in its namespace): `<figure class="chart" data-chart="NAME">SVG<figcaption>…</figcaption></figure>`.
 * The SVG is `role="img"` with `aria-label` = the readable title: a screen reader announces the chart by
 * it (not by the NAME slug, nor by reading out every axis tick), then the caption.
 * @example chartFigure('waterfall', 'Waterfall of contributions', spec, 'Contributions', { width: 760, height: 340 }).startsWith('<figure class="chart" data-chart="waterfall"><svg role="img" aria-label="Waterfall of contributions"') // true
 */
export function chartFigure(name: string, title: string, spec: EChartsOption, caption: string, size: SvgSize): string {
  // Inline SVG in HTML needs no namespace declarations; dropping them leaves no URL in the page at all.
  const svg = stableIds(renderSvg(spec, size).replace(/ xmlns(:xlink)?="[^"]*"/g, ''), name)
    // A function, so a '$' in a KPI name is not read as a replacement pattern.
    .replace(/^<svg/, () => `<svg role="img" aria-label="${escapeHtml(title)}"`);
  return `<figure class="chart" data-chart="${escapeHtml(name)}">${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

/** `<section id=ID><h2>TITLE</h2>BODY</section>` with the title escaped. @example section('fit', 'Fit', '') // '<section id="fit"><h2>Fit</h2></section>' */
export function section(id: string, title: string, body: string): string {
  return `<section id="${escapeHtml(id)}"><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

/**
 * ECharts names the SVG's classes and its clip-path, gradient, pattern, shadow and animation ids after a
 * process-wide instance counter (`zr7-cls-42`, `zr7-c0`, `zr7-g0`, `zr7-p0`, `zr7-s0`, `zr7-ani-0`), so the
 * same chart renders differently on a second call. Rename them in order of first appearance to `PREFIX-K`:
 * deterministic, and unique per chart within a page.
 * @example stableIds('<g class="zr9-cls-4"></g><g class="zr9-cls-4" clip-path="url(#zr9-c0)"></g>', 'a') // '<g class="a-0"></g><g class="a-0" clip-path="url(#a-1)"></g>'
 */
export function stableIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/zr\d+-(?:cls-|ani-|[cgps])\d+/g, (id) => {
    let renamed = ids.get(id);
    if (renamed === undefined) {
      renamed = `${prefix}-${ids.size}`;
      ids.set(id, renamed);
    }
    return renamed;
  });
}

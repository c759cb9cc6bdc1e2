import { type MmmModel, type SummaryResult } from '@mixwise/engine';
import { sortGeos } from '@mixwise/charts';

/** One geo of a geo-level run as the executive page lists it. */
export interface GeoRow {
  readonly name: string;
  /** The geo's share of the KPI (its size in the model). */
  readonly share: number;
  /** Observed KPI over the window. */
  readonly kpi: number;
  /** The model's fitted KPI over the window. */
  readonly fitted: number;
  /** R² of the geo's own series; null when it cannot be computed (a constant KPI). */
  readonly r2: number | null;
  /** Σ spend over the channels. */
  readonly spend: number;
  /** Σ channel contribution (KPI units, against zero spend). */
  readonly contribution: number;
  /** contribution / spend; null when the geo spent nothing. */
  readonly roi: number | null;
  /** The channel with the highest ROI in the geo; null when no channel spent. */
  readonly topChannel: { readonly name: string; readonly roi: number } | null;
}

/** A number from summary.json, where a non-finite value is written null. */
const finite = (v: number | null | undefined): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : v);

/**
 * The geos of a geo-level run (summary.json `geos`), largest first; empty for a national run (no `geos`).
 * The media ROI of a geo is its total contribution over its total spend, so it weighs channels by spend.
 * @example geoRows(summary)[0] // { name: 'geo_07', share: 0.14, kpi: 4.1e7, fitted: 4.08e7, r2: 0.93, spend: 6.2e6, contribution: 1.1e7, roi: 1.77, topChannel: { name: 'search', roi: 3.2 } }
 */
export function geoRows(summary: Pick<SummaryResult, 'geos'>): GeoRow[] {
  // In the charts' order (largest first, ties by name), so the table reads like the charts beside it.
  return sortGeos(summary.geos ?? []).map((g) => {
    const spend = g.channels.reduce((s, c) => s + c.spend, 0);
    const contribution = g.channels.reduce((s, c) => s + c.contribution, 0);
    const ranked = g.channels.flatMap((c) => {
      const roi = finite(c.roi);
      return c.spend > 0 && roi !== null ? [{ name: c.name, roi }] : [];
    }).sort((a, b) => b.roi - a.roi);
    return {
      name: g.name, share: g.share, kpi: g.kpi, fitted: g.fitted, r2: finite(g.r2), spend, contribution,
      roi: spend > 0 ? contribution / spend : null, topChannel: ranked[0] ?? null,
    };
  });
}

/**
 * What a geo-level run's shares are of, for headers and titles: the size column the fit was given
 * (model.panel.sizeColumn: population…), else the KPI (`target`, or 'the KPI' in titles).
 * @example geoShareOf({ panel: { ...panel, sizeColumn: 'population' } }, 'revenue') // 'population'
 */
export function geoShareOf(model: Pick<MmmModel, 'panel'>, target: string): string {
  return model.panel?.sizeColumn ?? target;
}

import type { MmmModel } from '../model/mmm-model.ts';
import { geoShareOf } from './geo-basis.ts';

/**
 * The one assumption a plan on a geo-level model adds (docs/model.md §4d): the national response curve
 * it optimises is exact when each channel's budget is split across the geos in proportion to their
 * size, so that is the split a plan implies; the planner does not move budget between geos. The size is
 * each geo's share of the KPI, or of the size column the fit was given (panel.sizeColumn: population…).
 * @returns the sentence, or null for a national model
 * @example geoSplitText(geoModel) // "geo-level model (20 values of geo): each channel's budget is taken as split across them in proportion to their share of the KPI (geo_01 18.8%, geo_02 11.1%, geo_03 9.2% … geo_20 1.0%); the plan does not move budget between geos"
 */
export function geoSplitText(model: Pick<MmmModel, 'panel'>): string | null {
  const panel = model.panel;
  if (panel === undefined) return null;
  const pct = (s: number): string => `${(100 * s).toFixed(1)}%`;
  const order = panel.geos.map((g, i) => ({ g, s: panel.shares[i] })).sort((a, b) => b.s - a.s);
  // Name every geo when there are few; the largest three and the smallest otherwise.
  const named = order.length <= 6
    ? order.map((o) => `${o.g} ${pct(o.s)}`).join(', ')
    : `${order.slice(0, 3).map((o) => `${o.g} ${pct(o.s)}`).join(', ')} … ${order[order.length - 1].g} ${pct(order[order.length - 1].s)}`;
  return `geo-level model (${panel.geos.length} values of ${panel.column}): each channel's budget is taken as split across them in proportion to their share of ${geoShareOf(panel.sizeColumn)} (${named}); the plan does not move budget between geos`;
}

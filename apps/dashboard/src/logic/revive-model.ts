import { reviveActual, withSizeColumn, type MmmModel } from '@mixwise/engine';

/**
 * A model.json as the API sends it, made usable: the KPI of a period left out of the fit
 * (skip_missing_kpi) is written as null, and becomes NaN again (reviveActual), so that no chart,
 * metric or what-if reads it as a KPI of 0; an older geo model's `panel.sizeBasis` (the API sends the
 * file as it is) is read as `panel.sizeColumn` (engine withSizeColumn: 'kpi_share' without sizes → absent).
 * @param body the parsed JSON of GET /api/runs/:id/model
 * @example reviveModel({ actual: [1, null, 3], … }).actual // [1, NaN, 3]
 */
export function reviveModel(body: unknown): MmmModel {
  const m = (typeof body === 'object' && body !== null && !Array.isArray(body) ? withSizeColumn(body as Record<string, unknown>) : body) as MmmModel & { actual: (number | null)[] };
  return Array.isArray(m.actual) ? { ...m, actual: reviveActual(m.actual) } : m;
}

import type { KpiKind } from './executive-kpis.ts';

/** The name of KPI ÷ spend for each KPI kind. */
export type RoiLabel = 'ROI' | 'KPI per spend';

/**
 * What KPI ÷ spend is called for a KPI: 'ROI' for revenue; for a count KPI (orders, leads), where a
 * return on investment is wrong language, 'KPI per spend' (KPI units per unit of spend), as the
 * CLI's channel table and the report's ROI table name it.
 * @param kind the KPI's kind (model.target.kind)
 * @example roiLabel('count') // 'KPI per spend'
 * @example roiLabel('revenue') // 'ROI'
 */
export function roiLabel(kind: KpiKind): RoiLabel {
  return kind === 'count' ? 'KPI per spend' : 'ROI';
}

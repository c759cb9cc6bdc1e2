/**
 * @mixwise/charts — pure chart builders: fitted-model results → Apache ECharts options, shared by the
 * dashboard and the HTML report. No DOM, no Node: every builder is a deterministic function of its input.
 */
export { CHANNEL_COLORS, COLORS, DIVERGING, channelColor } from './palette.ts';
export { labelNudges } from './label-nudge.ts';
export { decimalText, dotThousandsProblem, parseAmount, parseRatioAmount } from './amount.ts';
export { groupDigits, formatCompact, formatAmount, formatPercent, formatRatio, formatRoi, roiDecimals, formatSigned, formatSignificant, roundTo } from './format.ts';

// Executive
export { executiveKpis, blendedHeadline, type ExecutiveKpis, type BlendedHeadline, type KpiKind } from './executive-kpis.ts';
export { roiLabel, type RoiLabel } from './roi-label.ts';
export { contributionWaterfall } from './contribution-waterfall.ts';
export { contributionsOverTime } from './contributions-over-time.ts';
export { roiVsSpendShare } from './roi-vs-spend-share.ts';

// Simulator
export { budgetBeforeAfter, type BudgetSplit } from './budget-before-after.ts';
export { scenarioComparison, type Scenario } from './scenario-comparison.ts';
export { informationValueBars } from './information-value-bars.ts';
export { planFlighting } from './plan-flighting.ts';

// Explorer
export { inputSeries } from './input-series.ts';
export { correlationHeatmap } from './correlation-heatmap.ts';
export { actualVsFitted } from './actual-vs-fitted.ts';
export { residualPlot } from './residual-plot.ts';
export { residualHistogram } from './residual-histogram.ts';
export { residualQq } from './residual-qq.ts';
export { responseCurves, marginalLabel, legendRows } from './response-curves.ts';
export { modelResponseCurves } from './model-response-curves.ts';
export { organicResponseCurves, modelOrganicResponseCurves, organicMarginalLabel, exposureStep, organicStepsText, EXPOSURE_UNIT } from './organic-response-curves.ts';
export { adstockShapes } from './adstock-shapes.ts';
export { paretoFront, objectiveLabel, OBJECTIVE_LABELS, type ParetoFrontOptions } from './pareto-front.ts';
export { roiIntervals, BREAK_EVEN_LABEL } from './roi-intervals.ts';
export { roiComparison, roiComparisonHeight, roiComparisonLabel, type RoiComparisonOptions } from './roi-comparison.ts';
export { summaryRefresh, refreshSentence, intervalText } from './summary-refresh.ts';
export { posteriorRoiTraces, posteriorRoiTracesHeight } from './posterior-roi-traces.ts';
export { liftTestCalibration, liftTestCalibrationNote, liftTestDates, liftTestLabel, liftTestWhere } from './lift-test-calibration.ts';

// Geography (runs built from sources with geos: geo.json; geo-level models: summary.json geos)
export { geoMap, GEO_RAMP, type GeoMapInput, type GeoMapOptions } from './geo-map.ts';
export { registerWorldMap, worldMapName, WORLD_GEOJSON, WORLD_MAP, ISO_3166_ALPHA2_TO_NUMERIC, type CountryProperties } from './world-geojson.ts';
export { geoResults, geoFit, geoResultsHeight, sortGeos, pooledRoi, ALL_GEOS, type GeoResultLike, type GeoResultsOptions } from './geo-results.ts';

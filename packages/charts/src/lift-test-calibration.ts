import type { EChartsOption } from 'echarts';
import { LIFT_TEST_DISAGREEMENT_Z, liftTestDisagrees, type LiftTestCheck } from '@mixwise/engine';
import { baseOption, valueAxis, xAxisName } from './base-option.ts';
import { COLORS } from './palette.ts';
import { formatAmount, formatSigned, roundTo } from './format.ts';

/** Half-width of a measured lift's 95% interval in standard errors (normal approximation). */
const Z95 = 1.96;
/** Vertical offset of the two markers inside a test's row, so the intervals do not overlap. */
const OFFSET = 0.15;

/**
 * A test's dates for tables: 'start – end', plus '(measured through …)' when the lift was measured past the end.
 * @example liftTestDates({ start: '2024-01-01', end: '2024-02-19', measuredThrough: '2024-03-18' }) // '2024-01-01 – 2024-02-19 (measured through 2024-03-18)'
 */
export function liftTestDates(t: { readonly start: string; readonly end: string; readonly measuredThrough?: string }): string {
  return `${t.start} – ${t.end}${t.measuredThrough !== undefined && t.measuredThrough !== t.end ? ` (measured through ${t.measuredThrough})` : ''}`;
}

/**
 * The sentence under a calibration table or chart (report and model explorer): how each test entered
 * the fit, what z is, and the tests the model still disagrees with (liftTestDisagrees), or that there are none.
 * @example liftTestCalibrationNote([{ channel: 'tv', start: '2024-03-04', z: 2.6 }]) // '… The model still misses tv · 2024-03-04 by more than 2 standard errors: …'
 */
export function liftTestCalibrationNote(tests: readonly Pick<LiftTestCheck, 'channel' | 'start' | 'z' | 'geos'>[]): string {
  const misses = tests.filter(liftTestDisagrees).map(liftTestLabel);
  return 'Each experiment entered the fit as a measurement of what the channel\'s spend on the test dates added, from the start through the last measured date, with its standard error; z = (model − measured) / standard error. '
    + (misses.length > 0
      ? `The model still misses ${misses.join(', ')} by more than ${LIFT_TEST_DISAGREEMENT_Z} standard errors: check those tests' dates and channels, or what else changed while they ran.`
      : `The calibrated model agrees with every test within ${LIFT_TEST_DISAGREEMENT_Z} standard errors.`);
}

/** The row label of a test: channel, its geos for a geo test, and first date (tests of one channel differ by date or geos). @example liftTestLabel({ channel: 'tv', geos: ['north'], start: '2024-03-04' }) // 'tv in north · 2024-03-04' */
export function liftTestLabel(t: Pick<LiftTestCheck, 'channel' | 'start' | 'geos'>): string {
  return `${liftTestWhere(t)} · ${t.start}`;
}

/** A test's channel, and for a geo test (geo-level fits) the geos it ran in. @example liftTestWhere({ channel: 'tv', geos: ['north', 'south'] }) // 'tv in north, south' */
export function liftTestWhere(t: Pick<LiftTestCheck, 'channel' | 'geos'>): string {
  return t.geos === undefined ? t.channel : `${t.channel} in ${t.geos.join(', ')}`;
}

/**
 * Each lift test as one row: what the experiment measured (◆, with ±1.96 standard errors) and what
 * the calibrated model predicts the same test measures (●, with its 90% bootstrap interval). Rows where the two intervals do not overlap are the ones to investigate.
 *
 * Intervals are drawn as line segments in one line series per kind, separated by gaps ('-'), at
 * y = k for test k (first test on top).
 * @param tests summary.json `lift_tests`
 * @returns ECharts option with series 'measured', 'measured ± 1.96 SE', 'model', 'model 90% interval'
 * @example liftTestCalibration(summary.lift_tests).series.length // 4
 */
export function liftTestCalibration(tests: readonly LiftTestCheck[]): EChartsOption {
  const labels = tests.map(liftTestLabel);
  const measuredY = (k: number) => k - OFFSET;
  const modelY = (k: number) => k + OFFSET;
  const segments = (pick: (t: LiftTestCheck) => readonly [number, number] | null, y: (k: number) => number): (number | string)[][] =>
    tests.flatMap((t, k) => {
      const range = pick(t);
      // '-' is ECharts' missing value: the line breaks there, so each test gets its own segment.
      return range === null ? [] : [[roundTo(range[0]), y(k)], [roundTo(range[1]), y(k)], ['-', '-']];
    });
  const line = (color: string) => ({ color, width: 2 });
  return {
    ...baseOption(),
    grid: { left: 150, right: 32, top: 48, bottom: 48, containLabel: false },
    tooltip: { trigger: 'item', confine: true },
    legend: { top: 8, itemGap: 24 },
    xAxis: { ...valueAxis(), ...xAxisName('lift over the test (KPI)'), axisLine: { onZero: false } },
    // A category axis shows the tests' names; the series live on a hidden value axis over the same
    // bands (value k at the centre of band k), so each row can hold two offset markers.
    yAxis: [
      { type: 'category', data: labels, inverse: true, axisTick: { alignWithLabel: true }, splitLine: { show: false } },
      { type: 'value', inverse: true, min: -0.5, max: Math.max(0.5, tests.length - 0.5), show: false },
    ],
    series: [
      {
        name: 'measured ± 1.96 SE', type: 'line', yAxisIndex: 1, symbol: 'none', connectNulls: false, silent: true,
        lineStyle: line(COLORS.actual), itemStyle: { color: COLORS.actual },
        data: segments((t) => [t.measured - Z95 * t.standard_error, t.measured + Z95 * t.standard_error], measuredY),
      },
      {
        name: 'measured', type: 'scatter', yAxisIndex: 1, symbol: 'diamond', symbolSize: 12, itemStyle: { color: COLORS.actual },
        data: tests.map((t, k) => ({ value: [roundTo(t.measured), measuredY(k)], name: `${labels[k]}: measured ${formatAmount(t.measured)} ± ${formatAmount(t.standard_error)}` })),
        tooltip: { formatter: '{b}' },
      },
      {
        name: 'model 90% interval', type: 'line', yAxisIndex: 1, symbol: 'none', connectNulls: false, silent: true,
        lineStyle: line(COLORS.fitted), itemStyle: { color: COLORS.fitted },
        data: segments((t) => t.predicted_interval, modelY),
      },
      {
        name: 'model', type: 'scatter', yAxisIndex: 1, symbol: 'circle', symbolSize: 10, itemStyle: { color: COLORS.fitted },
        data: tests.map((t, k) => ({ value: [roundTo(t.predicted), modelY(k)], name: `${labels[k]}: model ${formatAmount(t.predicted)} (z ${formatSigned(t.z, 1)})` })),
        tooltip: { formatter: '{b}' },
      },
    ],
  };
}

import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleRoles } from '../rule-types.ts';
import { kpiAndSpendValues, type KpiOrSpendValues } from '../kpi-spend-values.ts';
import { sampleQuantile } from '../sample-quantile.ts';
import { makeIssue } from '../make-issue.ts';
import { panelColumn } from '../panel-column.ts';
import { longFormat } from '../long-format.ts';
import { keyName, sumPanelSetting } from '../panel-keys.ts';
import { nonNegativeKpi } from './negative-kpi.ts';
import { implausibleRows, readableRatio } from '../typical-level.ts';

/** Options of extremeOutliers. */
export interface OutlierOptions {
  /** Robust z-score above which a KPI value is flagged (default 6). */
  threshold?: number;
  /** Robust z-score of ln(spend) above which a spend value is flagged (default 5). */
  spendThreshold?: number;
  /** Fewest values a column needs to be checked (default 8). */
  minValues?: number;
  /** First date whose KPI is fitted: the KPI of earlier (warm-up) rows is not scored (default: every row). */
  kpiFrom?: string;
}

/** 1/Φ⁻¹(3/4): makes the MAD a consistent estimate of the standard deviation for normal data. */
const MAD_SCALE = 1.4826;

/**
 * Rule: no extreme outlier in the KPI or the spends. Robust z-score z = |x − median| / (1.4826·MAD),
 * MAD the median absolute deviation from the median (Leys et al. 2013, "Detecting outliers: do not
 * use standard deviation around the mean, use absolute deviation around the median", J. Exp. Soc.
 * Psychol. 49(4)); z > threshold is an EXTREME_OUTLIER warning on the value's row and column.
 *
 * Spend is multiplicative: campaigns run at several times the always-on level, so on a linear scale
 * real bursts score 7–11 (eight warnings on the demo data, all of them real flights). Spend values
 * are therefore scored on ln(x), where a burst of 5–8× the median scores about 2–3 and a unit error
 * (×100 cents, ×1000 thousands) 6–15; `spendThreshold` (default 5) also catches a stray digit (×10)
 * on a steady channel. Only values above the median are flagged: a low spend is a ramp-up or a small
 * day, not an error (the KPI keeps both sides: one typed 1000× too small is flagged). A value that
 * implausibleValues reports (hundreds of times its column's level: its error, or its warning for a spend burst) gets no warning here. Only the periods with spend (> 0) form a spend column's sample, so a flighted
 * channel's bursts are not outliers against its zero weeks. A column with fewer than minValues values,
 * or MAD = 0 (more than half its values equal), is skipped. Unreadable cells are ignored. A panel (one
 * row per date and geo, panelColumn) is not scored at all: outliersSkippedOnPanel says why.
 * @param csv the parsed cells
 * @param roles resolved roles (the target, when given, and the channels' spend columns)
 * @param options thresholds and minValues
 * @example extremeOutliers(csv, roles)[0].message
 * // 'value 98000 is 43.4 robust standard deviations from the median 1055 (|x − median| / (1.4826·MAD) > 6)'
 */
export function extremeOutliers(csv: CsvTable, roles: RuleRoles, options: OutlierOptions = {}): Issue[] {
  // A panel's rows mix geos of different sizes: scored together they flag small geos, scored per geo
  // they flag every thin week; the check runs on the summed series instead (runRules says so).
  if (outliersSkippedOnPanel(csv, roles) !== undefined) return [];
  // The KPI of warm-up rows is never fitted: left out like an unreadable cell (kpiAndSpendValues).
  return scoreOutliers(kpiAndSpendValues(csv, roles, options.kpiFrom), csv.rowNumbers, csv.file, roles, options);
}

/**
 * extremeOutliers' scoring of given columns (the KPI's values with warm-up rows as NaN, and the spend
 * columns'), on rows whose file lines are `rowNumbers`: shared with the per-geo check of a geo panel,
 * which scores each geo's slice of the file's columns rather than a table of its own per geo.
 * @param columns the KPI and spend values (kpiAndSpendValues), each [nRows]
 * @param rowNumbers [nRows] the file line of each row
 * @param file the file named by the issues
 * @param roles resolved roles (the target's kind: a negative revenue is NEGATIVE_KPI's)
 * @param options thresholds and minValues
 * @example scoreOutliers(kpiAndSpendValues(csv, roles), csv.rowNumbers, csv.file, roles)[0].code // 'EXTREME_OUTLIER'
 */
export function scoreOutliers(columns: readonly KpiOrSpendValues[], rowNumbers: ArrayLike<number>, file: string, roles: RuleRoles, options: OutlierOptions = {}): Issue[] {
  const minValues = options.minValues ?? 8;
  const out: Issue[] = [];
  // A negative revenue or count is NEGATIVE_KPI's warning, with its own fix: not a second one here.
  const negativeKpiSaid = nonNegativeKpi(roles);
  for (const { column, spend, values } of columns) {
    const threshold = spend ? options.spendThreshold ?? 5 : options.threshold ?? 6;
    // Spend is scored on ln(x) over the periods with spend; the KPI as it is.
    const score = (v: number): number => (spend ? Math.log(v) : v);
    const sample = scoredSample(values, spend);
    if (sample.length < minValues) continue;
    const median = sampleQuantile(sample, 0.5);
    const mad = sampleQuantile(sample.map((v) => Math.abs(v - median)).sort(), 0.5);
    if (!(mad > 0)) continue;
    // A value hundreds of times the column's level is IMPLAUSIBLE_VALUE's error: not a second finding here.
    const implausible = new Set(implausibleRows(values));
    values.forEach((v, i) => {
      // Low spend is normal (a ramp-up, a small day): only the high side of a spend column is scored.
      if (Number.isNaN(v) || (spend && v <= Math.exp(median)) || implausible.has(i)) return;
      const z = Math.abs(score(v) - median) / (MAD_SCALE * mad);
      if (z <= threshold || (!spend && negativeKpiSaid && v < 0)) return;
      const message = spend
        ? `value ${v} is ${factor(v, Math.exp(median))} the median ${round(Math.exp(median))} of the periods with spend: ${z.toFixed(1)} robust standard deviations on a log scale (|ln x − median| / (1.4826·MAD) > ${threshold})`
        : `value ${v} is ${readableRatio(z)} robust standard deviations from the median ${round(median)} (|x − median| / (1.4826·MAD) > ${threshold})`;
      out.push(makeIssue('EXTREME_OUTLIER', 'warning', message,
        'check it for a typo or a unit error (thousands, cents); if it is real (a launch, a big promotion) keep it and consider an event column',
        { file, row: rowNumbers[i], column }));
    });
  }
  return out;
}

/**
 * Why the outlier check does not run on a panel (one row per date and geo, product, geo × product…),
 * for runRules' list of skipped checks; undefined for a series. Rows of different geos are not one
 * sample, and the fit needs the rows summed first (sum_panel, named with every key column), after
 * which the check runs on the summed series. A long file by channel (longFormat) is not summed but
 * pivoted, as its LONG_FORMAT error says, and the note says so rather than suggest sum_panel.
 * @example outliersSkippedOnPanel(geoPanel, roles) // 'outlier checks (EXTREME_OUTLIER): the file is a panel …'
 * @example outliersSkippedOnPanel(byChannel, roles) // 'outlier checks (EXTREME_OUTLIER): the file has one row per date and channel …'
 */
export function outliersSkippedOnPanel(csv: CsvTable, roles: RuleRoles): string | undefined {
  if (roles.date === undefined || !csv.header.includes(roles.date)) return undefined;
  const panel = panelColumn(csv, roles.date);
  if (panel === undefined) return undefined;
  const what = keyName(panel.columns);
  if (longFormat(csv, roles.date, panel, roles.target) !== undefined) {
    return `outlier checks (EXTREME_OUTLIER): the file has one row per date and ${what}, a long file by channel (LONG_FORMAT), and rows of `
      + 'different channels are not one sample; they run on the table once it is pivoted to one spend column per channel (sources: in mixwise.yaml, as the LONG_FORMAT error says)';
  }
  return `outlier checks (EXTREME_OUTLIER): the file is a panel, one row per date and ${what}, and rows of different `
    + `${what} values are not one sample; they run on the summed series once the rows are added up (mixwise fit --clean ${sumPanelSetting(panel.columns).flag})`;
}

/** The values scored (ln x over the periods with spend for a spend column), NaN left out, in ascending order (filled by index: scored per geo on a panel of thousands of geos). */
function scoredSample(values: Float64Array, spend: boolean): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v) || (spend && !(v > 0))) continue;
    out[n++] = spend ? Math.log(v) : v;
  }
  return out.subarray(0, n).sort();
}

/** "12.3×" how far a spend v is above its median m, for the message ("2.3·10^295×" for a huge one). */
function factor(v: number, m: number): string {
  return `${readableRatio(v / m)}×`;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

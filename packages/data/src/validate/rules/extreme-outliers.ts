import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleRoles } from '../rule-types.ts';
import { columnValues } from '../numeric-columns.ts';
import { sampleQuantile } from '../sample-quantile.ts';
import { makeIssue } from '../make-issue.ts';

/** Options of extremeOutliers. */
export interface OutlierOptions {
  /** Robust z-score above which a value is flagged (default 6). */
  threshold?: number;
  /** Fewest values a column needs to be checked (default 8). */
  minValues?: number;
}

/** 1/Φ⁻¹(3/4): makes the MAD a consistent estimate of the standard deviation for normal data. */
const MAD_SCALE = 1.4826;

/**
 * Rule: no extreme outlier in the KPI or the spends. Robust z-score z = |x − median| / (1.4826·MAD),
 * MAD the median absolute deviation from the median (Leys et al. 2013, "Detecting outliers: do not
 * use standard deviation around the mean, use absolute deviation around the median", J. Exp. Soc.
 * Psychol. 49(4)); z > threshold is an EXTREME_OUTLIER warning on the value's row and column. For a
 * spend column only the periods with spend (> 0) form the sample, so a flighted channel's bursts are
 * not outliers against its zero weeks. A column with fewer than minValues values, or MAD = 0 (more
 * than half its values equal), is skipped. Unreadable cells are ignored.
 * @param csv the parsed cells
 * @param roles resolved roles (the target, when given, and the channels' spend columns)
 * @param options threshold and minValues
 * @example extremeOutliers(csv, roles)[0].message
 * // 'value 98000 is 43.4 robust standard deviations from the median 1055 (|x − median| / (1.4826·MAD) > 6)'
 */
export function extremeOutliers(csv: CsvTable, roles: RuleRoles, options: OutlierOptions = {}): Issue[] {
  const threshold = options.threshold ?? 6;
  const minValues = options.minValues ?? 8;
  const columns: { column: string; positiveOnly: boolean }[] = [];
  if (roles.target !== undefined) columns.push({ column: roles.target, positiveOnly: false });
  for (const c of roles.channels ?? []) columns.push({ column: c.column, positiveOnly: true });
  const out: Issue[] = [];
  for (const { column, positiveOnly } of columns) {
    const values = columnValues(csv, column);
    if (values === undefined) continue;
    const sample = values.filter((v) => !Number.isNaN(v) && (!positiveOnly || v > 0)).sort();
    if (sample.length < minValues) continue;
    const median = sampleQuantile(sample, 0.5);
    const mad = sampleQuantile(sample.map((v) => Math.abs(v - median)).sort(), 0.5);
    if (!(mad > 0)) continue;
    values.forEach((v, i) => {
      if (Number.isNaN(v) || (positiveOnly && v <= 0)) return;
      const z = Math.abs(v - median) / (MAD_SCALE * mad);
      if (z <= threshold) return;
      out.push(makeIssue('EXTREME_OUTLIER', 'warning',
        `value ${v} is ${z.toFixed(1)} robust standard deviations from the median ${round(median)} (|x − median| / (1.4826·MAD) > ${threshold})`,
        'check it for a typo or a unit error (thousands, cents); if it is real (a launch, a big promotion) keep it and consider an event column',
        { file: csv.file, row: csv.rowNumbers[i], column }));
    });
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

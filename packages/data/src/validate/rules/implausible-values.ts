import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleOptions, RuleRoles } from '../rule-types.ts';
import { makeIssue } from '../make-issue.ts';
import { kpiAndSpendValues } from '../kpi-spend-values.ts';
import { IMPLAUSIBLE_RATIO, implausibleRows, readableRatio, typicalLevel } from '../typical-level.ts';
import { neighbourLevel } from '../neighbour-level.ts';
import { outliersSkippedOnPanel } from './extreme-outliers.ts';

/**
 * Rule: no KPI or spend value at IMPLAUSIBLE_RATIO (300) times its column's typical level or more (the
 * median of its non-zero magnitudes, typicalLevel). Real bursts reach a few dozen times the level at
 * most, so such a value is a typo or a unit mix-up (a figure in units among thousands, cents among
 * currency units), and one of them makes the fit meaningless (R² 0.03 for one revenue cell ×1000 on
 * the retail simulation): an IMPLAUSIBLE_VALUE error on its row and column, naming the value, the
 * level and the fix. A spend must also be IMPLAUSIBLE_RATIO times the periods around it (neighbourLevel):
 * a daily channel with many tiny days can run a real burst hundreds of times its median, over several
 * periods at a similar level, where a typo stands alone; such a burst gets an EXTREME_OUTLIER warning
 * instead (extremeOutliers leaves these values to this rule). When a winsorize step caps the column
 * (`options.winsorized`), the value is the user's to keep and the finding is a warning. KPI cells of warm-up rows are not checked, and neither
 * is a panel (outliersSkippedOnPanel: its geos differ in size). Milder outliers are extremeOutliers'.
 * @param csv the parsed cells
 * @param roles resolved roles (the target, when given, and the spend columns)
 * @param options kpiFrom and winsorized
 * @example implausibleValues(csv, roles)[0].message
 * // 'value 2466335600 is 964.4× the typical level of the column, 2557319.53 (the median of its non-zero values): …'
 */
export function implausibleValues(csv: CsvTable, roles: RuleRoles, options: RuleOptions = {}): Issue[] {
  if (outliersSkippedOnPanel(csv, roles) !== undefined) return [];
  const out: Issue[] = [];
  for (const { column, spend, values } of kpiAndSpendValues(csv, roles, options.kpiFrom)) {
    const level = typicalLevel(values);
    if (level === undefined) continue;
    const capped = options.winsorized?.includes(column) === true;
    const isolated = new Set(implausibleRows(values, { isolated: spend }));
    for (const i of implausibleRows(values)) {
      const cell = csv.rows[i][csv.header.indexOf(column)];
      const at = { file: csv.file, row: csv.rowNumbers[i], column };
      const ratio = `value ${cell} is ${readableRatio(Math.abs(values[i]) / level)}× the typical level of the column, ${round(level)} (the median of its non-zero values)`;
      if (!isolated.has(i)) {
        out.push(makeIssue('EXTREME_OUTLIER', 'warning',
          `${ratio}, but the periods around it run at a similar level (${round(neighbourLevel(values, i) ?? 0)}): a burst of spend far above the column's usual days rather than a typo`,
          'check that the burst is real (a campaign, a launch); if it is, keep it; otherwise correct the cells (extra zeros, or figures in other units?)', at));
        continue;
      }
      const around = spend ? neighbourLevel(values, i) : undefined;
      const alone = !spend ? '' : around === undefined ? ' and stands alone (no spend in the 4 periods on either side)'
        : ` and ${readableRatio(Math.abs(values[i]) / around)}× the periods around it (${round(around)})`;
      out.push(makeIssue('IMPLAUSIBLE_VALUE', capped ? 'warning' : 'error',
        `${ratio}${alone}: a ${spend ? 'spend' : 'KPI'} ${IMPLAUSIBLE_RATIO}× its level or more is a typo or a unit mix-up (thousands, cents)`
        + `${capped ? ', kept because a winsorize step caps this column' : ''}, and one such value makes the fit meaningless`,
        'correct the cell (compare it with the rows around it: extra zeros, or a figure in other units?); if the value is real, cap it', at));
    }
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

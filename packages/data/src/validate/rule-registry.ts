import type { Issue } from '../issue.ts';
import type { ReadOutcome } from './read-outcome.ts';
import type { TableRule } from './rule-types.ts';
import { emptyFile } from './rules/empty-file.ts';
import { fileEncoding } from './rules/file-encoding.ts';
import { raggedRows } from './rules/ragged-rows.ts';
import { headerNames } from './rules/header-names.ts';
import { wrongDelimiter } from './rules/wrong-delimiter.ts';
import { byteOrderMark } from './rules/byte-order-mark.ts';
import { unparseableDates } from './rules/unparseable-dates.ts';
import { implausibleDates } from './rules/implausible-dates.ts';
import { duplicateDates } from './rules/duplicate-dates.ts';
import { unsortedDates } from './rules/unsorted-dates.ts';
import { irregularSteps } from './rules/irregular-steps.ts';
import { emptyCells } from './rules/empty-cells.ts';
import { nonNumericValues } from './rules/non-numeric-values.ts';
import { negativeSpend } from './rules/negative-spend.ts';
import { commaNumbers } from './rules/comma-numbers.ts';
import { negativeKpi } from './rules/negative-kpi.ts';
import { constantColumns } from './rules/constant-columns.ts';
import { kpiNoVariance } from './rules/kpi-no-variance.ts';
import { channelNoSpend } from './rules/channel-no-spend.ts';
import { tooFewPeriods } from './rules/too-few-periods.ts';
import { extremeOutliers } from './rules/extreme-outliers.ts';
import { collinearChannels } from './rules/collinear-channels.ts';
import { copiesSpend } from './rules/copies-spend.ts';
import { componentNames } from './rules/component-names.ts';
import { implausibleValues } from './rules/implausible-values.ts';
import { flippedKpiSign } from './rules/flipped-kpi-sign.ts';
import { numberScale } from './rules/number-scale.ts';
import { excelSepLine } from './rules/excel-sep-line.ts';
import { repeatedHeader } from './rules/repeated-header.ts';

/** Rules over what the reader found (they run even when the file could not be parsed). */
export const READ_RULES: Readonly<Record<string, (read: ReadOutcome) => Issue[]>> = {
  'empty-file': emptyFile,
  'file-encoding': fileEncoding,
  'ragged-rows': raggedRows,
  'header-names': headerNames,
  'wrong-delimiter': wrongDelimiter,
  'byte-order-mark': byteOrderMark,
  'excel-sep-line': excelSepLine,
  'repeated-header': repeatedHeader,
};

/** Rules over the parsed cells and resolved roles, in the order they run (missingColumns runs first, apart). */
export const TABLE_RULES: Readonly<Record<string, TableRule>> = {
  'component-names': componentNames,
  'unparseable-dates': unparseableDates,
  'implausible-dates': (csv, roles) => implausibleDates(csv, roles),
  'duplicate-dates': duplicateDates,
  'unsorted-dates': unsortedDates,
  'irregular-steps': irregularSteps,
  'empty-cells': emptyCells,
  'non-numeric-values': nonNumericValues,
  'negative-spend': negativeSpend,
  'comma-numbers': commaNumbers,
  'flipped-kpi-sign': flippedKpiSign,
  'number-scale': numberScale,
  'negative-kpi': (csv, roles, options) => negativeKpi(csv, roles, options?.kpiFrom === undefined ? {} : { kpiFrom: options.kpiFrom }),
  'constant-columns': constantColumns,
  'kpi-no-variance': kpiNoVariance,
  'channel-no-spend': channelNoSpend,
  'collinear-channels': collinearChannels,
  'copies-spend': copiesSpend,
  'too-few-periods': (csv, roles, options) => tooFewPeriods(csv, roles, options?.rowsUntil === undefined ? {} : { rowsUntil: options.rowsUntil }),
  'implausible-values': implausibleValues,
  'extreme-outliers': (csv, roles, options) => extremeOutliers(csv, roles, options?.kpiFrom === undefined ? {} : { kpiFrom: options.kpiFrom }),
};

/** What the table rules leave out when no target (KPI column) is given. */
export const KPI_CHECKS_SKIPPED = 'empty or non-numeric KPI cells, a constant KPI, KPI outliers';

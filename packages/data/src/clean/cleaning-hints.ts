import type { Issue } from '../issue.ts';
import type { RuleRoles } from '../validate/rule-types.ts';
import { isWarmUpGap } from '../validate/rules/irregular-steps.ts';
import { sumPanelSetting } from '../validate/panel-keys.ts';

/** Where a cleaning hint points: the `--clean` flag of fit, the `cleaning:` key of mixwise.yaml, both, or nowhere. */
export type CleaningHintVia = 'flag' | 'config' | 'both' | 'none';

/** What cleaningFix needs of the roles: which columns are the KPI, spend, controls and organic media. */
export type CleaningFixRoles = Pick<RuleRoles, 'target' | 'controls' | 'organic'> & { channels?: readonly { column: string }[] };

/** A cleaning step that would fix an issue: as written after `--clean` (absent when no flag form fits) and in YAML. */
export interface CleaningFix {
  flag?: string;
  yaml: string;
  /** What the step does, leading the hint (default 'or let Mixwise change it and log every change'). */
  lead?: string;
  /**
   * Steps the hint names beside those that fix the issue (impute_controls after fill_gaps, for the
   * controls of the inserted periods): a configuration without them still fixes it (checkAndClean).
   */
  advised?: readonly string[];
}

/** How the hint of a decimal comma in a semicolon file names decimal_comma. */
const DECIMAL_COMMA_LEAD = 'or let Mixwise read the comma as the decimal point in every column written so (each changed cell is logged; a column that also has "." or comma grouping is refused)';
/** How the hint of a missing KPI names skip_missing_kpi. */
const SKIP_LEAD = 'or leave it out of the fit (its spend still carries over; the period is logged)';
/** What the hint of missing periods says of their spend: 0 is a guess, the real spend is better. */
const ZERO_SPEND = 'their spend is unknown and set to 0: if it is known, add the rows with it and an empty KPI instead';
/** How the hint of missing periods names fill_gaps with skip_missing_kpi (inserted with 0 spend, KPI not observed). */
const GAP_LEAD = `or insert them with 0 spend and leave them out of the fit (each period is logged; ${ZERO_SPEND})`;
/** The same, when the table has controls: impute_controls fills the controls of the inserted periods. */
const GAP_CONTROLS_LEAD = `or insert them with 0 spend and interpolated controls, and leave them out of the fit (each period is logged; ${ZERO_SPEND})`;
/** How the hint of missing warm-up periods names fill_gaps with impute_controls. */
const WARM_UP_CONTROLS_LEAD = 'or insert them with 0 spend and interpolated controls (each period is logged; their spend is set to 0: if it is known, add the rows with it)';

/**
 * Whether cleaningFix names impute_controls for an issue when the table has controls: a missing period
 * that fill_gaps inserts has its controls left empty, and a control with an empty cell is not used.
 * Callers that resolve the automatic controls only when needed (runRules) ask this first.
 */
export function insertsPeriods(issue: Issue): boolean {
  return issue.code === 'KPI_GAP' || (issue.code === 'IRREGULAR_DATES' && issue.details?.gap === true);
}

/** fill_gaps (with skip_missing_kpi when `skip`), and impute_controls when the table has controls. */
function gapFix(roles: CleaningFixRoles, skip: boolean): CleaningFix {
  const controls = (roles.controls ?? []).length > 0;
  const names = ['fill_gaps', ...(skip ? ['skip_missing_kpi'] : []), ...(controls ? ['impute_controls'] : [])];
  return {
    flag: names.join(','), yaml: names.join(', '),
    ...(skip ? { lead: controls ? GAP_CONTROLS_LEAD : GAP_LEAD } : controls ? { lead: WARM_UP_CONTROLS_LEAD } : {}),
    ...(controls ? { advised: ['impute_controls'] } : {}),
  };
}

/**
 * The configured cleaning step that would fix a validation issue: negative spend → negatives: clip,
 * unsorted dates → sort_dates, a decimal comma in a semicolon file → decimal_comma, a panel → sum_panel, empty spend or organic exposure cells → fill_gaps, empty/NaN control cells →
 * impute_controls, missing periods all before the window's start when the KPI column is known →
 * fill_gaps (isWarmUpGap: it inserts them with the KPI left empty, as it is not fitted), other missing periods with a known KPI
 * column → fill_gaps with skip_missing_kpi, spend outliers →
 * winsorize (an implausible value, or a KPI outlier, naming the column: `--clean winsorize=revenue`, or the config),
 * an empty KPI cell (EMPTY_CELL on the target, or NON_FINITE written NaN: details.nan) → skip_missing_kpi, a KPI_GAP of fill_gaps → fill_gaps with
 * skip_missing_kpi (both leave the period out of the fit rather than invent its KPI); when the table has
 * controls (roles.controls: given, or those a fit takes from the file), a fix that inserts periods
 * also names impute_controls, as an inserted period's controls are empty (advised). Missing periods get no
 * cleaning hint without a known KPI column (validate without --target, an upload before the roles are
 * set) it cannot be told whether the step would work.
 * @param issue a validation issue
 * @param roles the resolved roles (to tell spend from control columns)
 * @returns the fix, or undefined when no cleaning step fixes it
 * @example cleaningFix({ code: 'NEGATIVE_SPEND', … }, roles) // { flag: 'negatives=clip', yaml: '{ negatives: clip }' }
 */
export function cleaningFix(issue: Issue, roles: CleaningFixRoles): CleaningFix | undefined {
  const column = issue.at.column;
  const isSpend = (roles.channels ?? []).some((c) => c.column === column);
  // Organic exposure is filled like spend (fill_gaps: an empty cell is 0 exposure).
  const isOrganic = column !== undefined && (roles.organic ?? []).includes(column);
  const isControl = column !== undefined && (roles.controls ?? []).includes(column);
  switch (issue.code) {
    case 'NEGATIVE_SPEND': return { flag: 'negatives=clip', yaml: '{ negatives: clip }' };
    case 'UNSORTED_DATES': return { flag: 'sort_dates', yaml: 'sort_dates' };
    case 'DECIMAL_COMMA':
      // Only in a semicolon file (details.decimalComma): elsewhere a comma in a number may be a thousands separator.
      return issue.details?.decimalComma === true ? { flag: 'decimal_comma', yaml: 'decimal_comma', lead: DECIMAL_COMMA_LEAD } : undefined;
    case 'PANEL_DATA': {
      // A panel keyed on several columns names them all (sum_panel=geo+product); its location holds the first only.
      const keys = issue.details?.panelColumns ?? (column === undefined ? [] : [column]);
      return keys.length === 0 ? { flag: 'sum_panel', yaml: 'sum_panel' } : sumPanelSetting(keys);
    }
    case 'EMPTY_CELL':
      if (column !== undefined && column === roles.target) return { flag: 'skip_missing_kpi', yaml: 'skip_missing_kpi', lead: SKIP_LEAD };
      if (isSpend || isOrganic) return { flag: 'fill_gaps', yaml: 'fill_gaps' };
      return isControl ? { flag: 'impute_controls', yaml: 'impute_controls' } : undefined;
    case 'NON_FINITE':
      // A KPI written NaN (Python's csv writes a missing float so) is left out like an empty one; Infinity is not.
      if (column !== undefined && column === roles.target && issue.details?.nan === true) return { flag: 'skip_missing_kpi', yaml: 'skip_missing_kpi', lead: SKIP_LEAD };
      return isControl ? { flag: 'impute_controls', yaml: 'impute_controls' } : undefined;
    case 'IRREGULAR_DATES':
      if (roles.target === undefined) return undefined;
      if (isWarmUpGap(issue)) return gapFix(roles, false);
      return issue.details?.gap === true ? gapFix(roles, true) : undefined;
    case 'KPI_GAP': return gapFix(roles, true);
    case 'IMPLAUSIBLE_VALUE':
    case 'EXTREME_OUTLIER': {
      // An implausible value caps its own column only (the default spend quantiles would leave it hundreds of times the level).
      if (isSpend && issue.code === 'EXTREME_OUTLIER') return { flag: 'winsorize=0.01:0.99', yaml: '{ winsorize: { lower: 0.01, upper: 0.99 } }' };
      // A KPI or control named after --clean winsorize= is capped on both sides (0.01:0.99), as in the YAML.
      if (column === undefined) return undefined;
      // A plain name goes into the flag and the YAML as it is; any other is quoted in the YAML only.
      const plain = /^[\w.-]+$/.test(column);
      return { ...(plain ? { flag: `winsorize=${column}` } : {}), yaml: `{ winsorize: { columns: [${plain ? column : JSON.stringify(column)}] } }` };
    }
    default: return undefined;
  }
}

/**
 * The fix when sum_panel cannot tell which column splits the dates: name it, as a `--clean` flag of
 * `mixwise fit` and/or a `cleaning:` entry of mixwise.yaml, as `via` says.
 * @param via which form to name (default both)
 * @example panelColumnHint('config') // 'name the panel column ("{ sum_panel: { column: COLUMN } }" in mixwise.yaml); a date that lacks a row is then reported'
 */
export function panelColumnHint(via: CleaningHintVia = 'both'): string {
  const forms = [
    ...(via === 'flag' || via === 'both' ? ['mixwise fit --clean sum_panel=COLUMN'] : []),
    ...(via === 'config' || via === 'both' ? ['"{ sum_panel: { column: COLUMN } }" in mixwise.yaml'] : []),
  ];
  return `name the panel column${forms.length > 0 ? ` (${forms.join(', or ')})` : ''}; a date that lacks a row is then reported`;
}

/**
 * Appends to each issue that a cleaning step would fix a hint naming that step, as a `--clean` flag
 * of `mixwise fit` and/or a `cleaning:` entry of mixwise.yaml, so nothing is changed silently but the
 * fix is one option away.
 * @param issues validation issues (not modified)
 * @param roles the resolved roles
 * @param via which form to name; 'none' returns the issues unchanged
 * @example withCleaningHints([negative], roles, 'flag')[0].hint
 * // 'spend must be 0 or more; …; or let Mixwise change it and log every change: mixwise fit --clean negatives=clip'
 */
export function withCleaningHints(issues: readonly Issue[], roles: RuleRoles, via: CleaningHintVia): Issue[] {
  if (via === 'none') return [...issues];
  return issues.map((issue) => {
    const fix = cleaningFix(issue, roles);
    if (fix === undefined) return issue;
    issue = withGeoModelHint(issue, via);
    const forms: string[] = [];
    if (fix.flag !== undefined && via !== 'config') forms.push(`mixwise fit --clean ${fix.flag}`);
    if (via !== 'flag') forms.push(`"cleaning: [${fix.yaml}]" in mixwise.yaml`);
    if (forms.length === 0) return issue;
    return { ...issue, hint: `${issue.hint}; ${fix.lead ?? 'or let Mixwise change it and log every change'}: ${forms.join(', or ')}` };
  });
}

/**
 * A PANEL_DATA issue of a panel with one key column, its hint also offering the geo-level model (fit on
 * every geo's own series: `mixwise fit --geo COLUMN` and/or `columns.geo` in mixwise.yaml, as `via` says),
 * the alternative to adding the geos up. Other issues are returned unchanged.
 * @example withGeoModelHint(panelIssue, 'flag').hint // '…; or fit a geo-level model on every geo's own series, with shared media curves: mixwise fit --geo geo'
 */
function withGeoModelHint(issue: Issue, via: Exclude<CleaningHintVia, 'none'>): Issue {
  const column = issue.at.column;
  if (issue.code !== 'PANEL_DATA' || column === undefined || (issue.details?.panelColumns?.length ?? 1) > 1) return issue;
  const plain = /^[\w.-]+$/.test(column);
  const forms = [
    ...(via !== 'config' && plain ? [`mixwise fit --geo ${column}`] : []),
    ...(via !== 'flag' ? [`"columns: { geo: ${plain ? column : JSON.stringify(column)} }" in mixwise.yaml`] : []),
  ];
  if (forms.length === 0) return issue;
  return { ...issue, hint: `${issue.hint}; or fit a geo-level model on every ${column}'s own series, with shared media curves: ${forms.join(', or ')}` };
}

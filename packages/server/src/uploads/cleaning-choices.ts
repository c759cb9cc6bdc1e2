import type { CleaningChoice, Roles } from '@mixwise/contracts';
import type { CleaningFixRoles, CleaningStep, Issue } from '@mixwise/data';
import { CLEANING_STEP_TYPES, cleaningFix } from '@mixwise/data';

/** The data layer's step for each dashboard choice. */
const STEPS: Readonly<Record<CleaningChoice, CleaningStep>> = {
  sort_dates: { type: 'sort-dates' },
  negatives_clip: { type: 'negatives', mode: 'clip' },
  fill_gaps: { type: 'fill-gaps' },
  impute_controls: { type: 'impute-controls' },
  winsorize: { type: 'winsorize' },
  skip_missing_kpi: { type: 'skip-missing-kpi' },
};

/**
 * The cleaning steps of a check or fit: the panel roll-up first (when a column has the panel role),
 * then the chosen steps in the data layer's order (CLEANING_STEP_TYPES), whatever order they came in.
 * @example cleaningStepsOf(roles, ['fill_gaps', 'sort_dates']).map((s) => s.type) // ['sort-dates', 'fill-gaps']
 */
export function cleaningStepsOf(roles: Roles, cleaning: readonly CleaningChoice[]): CleaningStep[] {
  const chosen = cleaning.map((c) => STEPS[c]).sort((a, b) => CLEANING_STEP_TYPES.indexOf(a.type) - CLEANING_STEP_TYPES.indexOf(b.type));
  return roles.panel === undefined ? chosen : [{ type: 'sum-panel', column: roles.panel }, ...chosen];
}

/** The flag form of each step (cleaningFix) → the dashboard's choice. */
const CHOICE_OF_FLAG: Readonly<Record<string, CleaningChoice>> = {
  sort_dates: 'sort_dates', 'negatives=clip': 'negatives_clip', fill_gaps: 'fill_gaps', impute_controls: 'impute_controls', 'winsorize=0.01:0.99': 'winsorize', skip_missing_kpi: 'skip_missing_kpi',
};

/**
 * The dashboard cleaning step that fixes an issue: the step the CLI's --clean hint names (cleaningFix),
 * when the dashboard offers it.
 * @example cleaningChoiceFor({ code: 'NEGATIVE_SPEND', … }, roles) // 'negatives_clip'
 */
export function cleaningChoiceFor(issue: Issue, roles: CleaningFixRoles): CleaningChoice | undefined {
  const fix = cleaningFix(issue, roles);
  // A step the hint only advises beside the fix (impute_controls after fill_gaps) is not the fix's choice.
  const flag = fix?.flag?.split(',').filter((step) => !(fix.advised ?? []).includes(step)).join(',');
  return flag === undefined ? undefined : CHOICE_OF_FLAG[flag];
}

import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import type { ResolvedRoles, TableRoles } from '../build/resolve-roles.ts';
import type { RolesIn } from '../detect/role-hints.ts';

/** Column roles as `mixwise validate` takes them: like TableRoles, but the target may be left out. */
export type ValidationRoles = Omit<TableRoles, 'target'> & { target?: string };

/**
 * Roles after resolution, as the table rules see them: a role that is undefined (no target given,
 * no date column found) makes the rules that need it return no issue.
 */
export type RuleRoles = Partial<ResolvedRoles> & {
  /**
   * The roles as asked (resolveRuleRoles keeps them): whether controls and events were given or are
   * taken from the file, which decides how a panel roll-up combines a column (panelRollUpRoles).
   */
  readonly requested?: ValidationRoles;
};

/** What a rule's hints depend on: where the user sets the roles (default the command line). */
export interface RuleOptions {
  readonly rolesIn?: RolesIn;
  /**
   * First date whose KPI is fitted (a modeling window's start, yyyy-mm-dd): earlier rows only warm up
   * carryover, so their KPI cells are not checked (see warmUpRows). Default: every row's KPI is.
   */
  readonly kpiFrom?: string;
  /**
   * Last date of the rows checked (a modeling window's end, yyyy-mm-dd), when later rows were left
   * out (outcomeUntil): messages about the table's length say they count the rows up to it.
   */
  readonly rowsUntil?: string;
  /**
   * Columns a configured winsorize step caps (the table checked is the cleaned one): a value far above
   * such a column's level is the user's to keep, so IMPLAUSIBLE_VALUE is a warning there, not an error.
   */
  readonly winsorized?: readonly string[];
}

/** A rule over the parsed cells and the resolved roles; pure, returns every issue it finds. */
export type TableRule = (csv: CsvTable, roles: RuleRoles, options?: RuleOptions) => Issue[];

import type { RuleRoles } from '../validate/rule-types.ts';
import type { CleaningStep } from './run-cleaning.ts';

/**
 * The columns the configured winsorize steps cap: those a step names, else (a step without columns)
 * the spend columns, as winsorize does.
 * @param steps the configured cleaning steps
 * @param roles resolved roles (the spend columns)
 * @example winsorizedColumns([{ type: 'winsorize', columns: ['revenue'] }], roles) // ['revenue']
 */
export function winsorizedColumns(steps: readonly CleaningStep[], roles: RuleRoles): string[] {
  return steps.flatMap((s) => (s.type !== 'winsorize' ? [] : s.columns ?? (roles.channels ?? []).map((c) => c.column)));
}

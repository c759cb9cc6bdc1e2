import type { ReadCsvOptions } from '../read/read-csv.ts';
import type { ValidationRoles } from './rule-types.ts';
import type { ValidationResult } from './run-rules.ts';
import { readOutcome } from './read-outcome.ts';
import { runRules } from './run-rules.ts';

/**
 * Reads a CSV file and runs every validation rule on it (see runRules); never throws for bad data.
 * @param path the file
 * @param roles column roles (the target may be left out)
 * @param options display name and forced delimiter, as readCsvFile
 * @example validateFile('data.csv', { target: 'sales' }).ok // true
 */
export function validateFile(path: string, roles: ValidationRoles, options: ReadCsvOptions = {}): ValidationResult {
  return runRules(readOutcome(path, options), roles);
}

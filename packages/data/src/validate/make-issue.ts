import type { Issue, IssueLocation } from '../issue.ts';
import type { DataIssueCode } from '../issue-codes.ts';

/**
 * Builds an Issue, leaving unknown location parts out (so `at` has no `undefined` keys).
 * @param code stable code from DATA_ISSUE_CODES
 * @param severity 'error' stops a run; 'warning' is reported only
 * @param message what is wrong
 * @param hint how to fix it
 * @param at file, 1-based file line (`row`) and column name, each optional
 * @example makeIssue('NEGATIVE_SPEND', 'error', 'spend is negative (-5)', 'fix it', { file: 'd.csv', row: 3 })
 * // { code: 'NEGATIVE_SPEND', severity: 'error', message: 'spend is negative (-5)', hint: 'fix it', at: { file: 'd.csv', row: 3 } }
 */
export function makeIssue(code: DataIssueCode, severity: Issue['severity'], message: string, hint: string, at: IssueLocation): Issue {
  const place: IssueLocation = {};
  if (at.file !== undefined) place.file = at.file;
  if (at.row !== undefined) place.row = at.row;
  if (at.column !== undefined) place.column = at.column;
  return { code, severity, message, hint, at: place };
}

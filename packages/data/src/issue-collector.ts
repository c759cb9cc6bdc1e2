import type { Issue, IssueLocation } from './issue.ts';
import type { DataIssueCode } from './issue-codes.ts';
import { DataError, hasErrors } from './issue.ts';

/** The message of a MORE_ISSUES summary (moreIssuesOf reads it back). */
export function moreIssuesMessage(count: number, code: string, severity: 'error' | 'warning'): string {
  return `and ${count} more ${code} ${severity}s like the ones above (not listed)`;
}

const MORE_ISSUES_MESSAGE = /^and (\d+) more (\S+) (?:error|warning)s like the ones above \(not listed\)$/;

/**
 * What a MORE_ISSUES summary stands for: the code of the issues it counts and how many; undefined for
 * any other issue.
 * @example moreIssuesOf({ code: 'MORE_ISSUES', message: 'and 540 more DECIMAL_COMMA errors like the ones above (not listed)' }) // { code: 'DECIMAL_COMMA', count: 540 }
 */
export function moreIssuesOf(issue: Pick<Issue, 'code' | 'message'>): { code: string; count: number } | undefined {
  if (issue.code !== 'MORE_ISSUES') return undefined;
  const m = MORE_ISSUES_MESSAGE.exec(issue.message);
  return m === null ? undefined : { code: m[2], count: Number(m[1]) };
}

/**
 * How many issues of a severity a list stands for: a MORE_ISSUES summary counts the issues it sums up.
 * @example countIssues([notANumber, { code: 'MORE_ISSUES', severity: 'error', message: 'and 7 more NOT_A_NUMBER errors like the ones above (not listed)', … }], 'error') // 8
 */
export function countIssues(issues: readonly Issue[], severity: 'error' | 'warning'): number {
  return issues.reduce((n, i) => n + (i.severity !== severity ? 0 : moreIssuesOf(i)?.count ?? 1), 0);
}

/**
 * Collects issues so that every problem is reported at once, not just the first. To keep a badly
 * broken file readable, at most `perCode` issues of one code are kept; the rest are counted and
 * summarised by one MORE_ISSUES issue per code. A MORE_ISSUES summary added (another collector's
 * list) is not kept: its count joins its code's, so the list has one summary per code with the total.
 */
export class IssueCollector {
  readonly file: string | undefined;
  private readonly perCode: number;
  private readonly kept: Issue[] = [];
  private readonly counts = new Map<string, number>();
  private readonly keptCounts = new Map<string, number>();

  /**
   * @param file file name put in every issue's location
   * @param perCode how many issues of one code to keep (default 10)
   */
  constructor(file?: string, perCode = 10) {
    this.file = file;
    this.perCode = perCode;
  }

  /** Adds an error. `at.file` defaults to the collector's file. */
  error(code: DataIssueCode, message: string, hint: string, at: IssueLocation = {}): void {
    this.add({ code, severity: 'error', message, hint, at: { file: this.file, ...at } });
  }

  /** Adds a warning. `at.file` defaults to the collector's file. */
  warning(code: DataIssueCode, message: string, hint: string, at: IssueLocation = {}): void {
    this.add({ code, severity: 'warning', message, hint, at: { file: this.file, ...at } });
  }

  /** Adds a ready-made issue (subject to the per-code cap), or counts the issues a MORE_ISSUES summary stands for. */
  add(issue: Issue): void {
    const more = moreIssuesOf(issue);
    const key = `${issue.severity}:${more?.code ?? issue.code}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + (more?.count ?? 1));
    if (more !== undefined) return;
    const kept = this.keptCounts.get(key) ?? 0;
    if (kept >= this.perCode) return;
    this.keptCounts.set(key, kept + 1);
    this.kept.push(dropUndefined(issue));
  }

  /** Whether any error has been added. */
  hasErrors(): boolean {
    return hasErrors(this.kept) || [...this.counts.keys()].some((k) => k.startsWith('error:'));
  }

  /** How many issues of a severity were added, those not kept included. */
  count(severity: 'error' | 'warning'): number {
    let n = 0;
    for (const [key, c] of this.counts) if (key.startsWith(`${severity}:`)) n += c;
    return n;
  }

  /** All kept issues plus one MORE_ISSUES summary per code that went over the cap. */
  list(): Issue[] {
    const out = [...this.kept];
    for (const [key, n] of this.counts) {
      const left = n - (this.keptCounts.get(key) ?? 0);
      if (left <= 0) continue;
      const [severity, code] = key.split(':') as ['error' | 'warning', string];
      // Without a file of its own, the summary points at the file its listed issues are in.
      const file = this.file ?? this.kept.find((i) => i.code === code)?.at.file;
      out.push({
        code: 'MORE_ISSUES',
        severity,
        message: moreIssuesMessage(left, code, severity),
        hint: 'fix the listed ones first; the same fix usually applies to the rest',
        at: file === undefined ? {} : { file },
      });
    }
    return out;
  }

  /** Throws a DataError with every issue (errors and warnings) if any error was added. */
  throwIfErrors(): void {
    if (this.hasErrors()) throw new DataError(this.list());
  }
}

function dropUndefined(issue: Issue): Issue {
  const at: IssueLocation = {};
  if (issue.at.file !== undefined) at.file = issue.at.file;
  if (issue.at.row !== undefined) at.row = issue.at.row;
  if (issue.at.column !== undefined) at.column = issue.at.column;
  return { ...issue, at };
}

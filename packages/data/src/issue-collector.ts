import type { Issue, IssueLocation } from './issue.ts';
import type { DataIssueCode } from './issue-codes.ts';
import { DataError, hasErrors } from './issue.ts';

/**
 * Collects issues so that every problem is reported at once, not just the first. To keep a badly
 * broken file readable, at most `perCode` issues of one code are kept; the rest are counted and
 * summarised by one MORE_ISSUES issue per code.
 */
export class IssueCollector {
  readonly file: string | undefined;
  private readonly perCode: number;
  private readonly kept: Issue[] = [];
  private readonly counts = new Map<string, number>();

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

  /** Adds a ready-made issue (subject to the per-code cap). */
  add(issue: Issue): void {
    const key = `${issue.severity}:${issue.code}`;
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    if (n <= this.perCode) this.kept.push(dropUndefined(issue));
  }

  /** Whether any error has been added. */
  hasErrors(): boolean {
    return hasErrors(this.kept);
  }

  /** All kept issues plus one MORE_ISSUES summary per code that went over the cap. */
  list(): Issue[] {
    const out = [...this.kept];
    for (const [key, n] of this.counts) {
      if (n <= this.perCode) continue;
      const [severity, code] = key.split(':') as ['error' | 'warning', string];
      // Without a file of its own, the summary points at the file its listed issues are in.
      const file = this.file ?? this.kept.find((i) => i.code === code)?.at.file;
      out.push({
        code: 'MORE_ISSUES',
        severity,
        message: `and ${n - this.perCode} more ${code} ${severity}s like the ones above (not listed)`,
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

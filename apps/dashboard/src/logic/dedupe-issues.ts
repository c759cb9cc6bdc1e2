/** The fields that identify an issue (a subset of @mixwise/contracts' Issue). */
export interface IssueKey {
  readonly code: string;
  readonly message: string;
  readonly at: { readonly file?: string; readonly row?: number; readonly column?: string };
}

/**
 * Drop repeated issues (same code, message, row and column; the file is ignored because the same
 * finding may be reported against the upload and against the role check), keeping the first.
 * @example dedupeIssues([a, a, b]).length // 2
 */
export function dedupeIssues<T extends IssueKey>(issues: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const i of issues) {
    const key = JSON.stringify([i.code, i.message, i.at.row ?? null, i.at.column ?? null]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(i);
  }
  return out;
}

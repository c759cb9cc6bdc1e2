/** The fields of a run manifest the picker needs. */
export interface RunLike {
  readonly id: string;
  readonly status: string;
  readonly createdAt: string;
  readonly finishedAt?: string | null;
}

/**
 * The run to open when the URL names none: the most recently finished run whose status is 'done'
 * (by finishedAt, else createdAt), or null when there is none.
 * @example defaultRun([{ id: 'a', status: 'done', createdAt: '2024-01-01T00:00:00Z' }])?.id // 'a'
 */
export function defaultRun<T extends RunLike>(runs: readonly T[]): T | null {
  let best: T | null = null, bestAt = '';
  for (const r of runs) {
    if (r.status !== 'done') continue;
    const at = r.finishedAt ?? r.createdAt;
    if (best === null || at > bestAt) { best = r; bestAt = at; }
  }
  return best;
}

import type { RunLike } from './default-run.ts';

/** Milliseconds between two reads of the run list while a fit is queued or running. */
export const RUNS_POLL_MS = 2000;

/** A run that is still to finish: queued or running. */
export function isActive(run: Pick<RunLike, 'status'>): boolean {
  return run.status === 'queued' || run.status === 'running';
}

/**
 * The newest queued or running run (by createdAt), or null: the fit the Data page shows after a
 * reload or a visit to another page.
 * @example latestActiveRun([{ id: 'a', status: 'running', createdAt: '2024-01-01T00:00:00Z' }])?.id // 'a'
 */
export function latestActiveRun<T extends RunLike>(runs: readonly T[]): T | null {
  let best: T | null = null;
  for (const r of runs) if (isActive(r) && (best === null || r.createdAt > best.createdAt)) best = r;
  return best;
}

/**
 * How many fits a queued run waits for: the queued or running runs created before it (the server
 * starts fits in the order they were asked for). Null when the run is not queued or not in the list.
 * @example runsAhead([{ id: 'a', status: 'running', createdAt: '1' }, { id: 'b', status: 'queued', createdAt: '2' }], 'b') // 1
 */
export function runsAhead(runs: readonly RunLike[], id: string): number | null {
  const run = runs.find((r) => r.id === id);
  if (run === undefined || run.status !== 'queued') return null;
  return runs.filter((r) => r.id !== id && isActive(r) && r.createdAt <= run.createdAt).length;
}

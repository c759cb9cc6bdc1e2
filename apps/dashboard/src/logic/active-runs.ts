import type { RunLike } from './default-run.ts';

/** Milliseconds between two reads of the run list while a fit is queued or running. */
export const RUNS_POLL_MS = 2000;

/** A run that is still to finish: queued or running. */
export function isActive(run: Pick<RunLike, 'status'>): boolean {
  return run.status === 'queued' || run.status === 'running';
}

/**
 * The queued or running runs, oldest first (the order the server runs them in): the fits the Data page
 * shows after a reload or a visit to another page.
 * @example activeRuns([{ id: 'a', status: 'done', createdAt: '1' }, { id: 'b', status: 'running', createdAt: '2' }]).map((r) => r.id) // ['b']
 */
export function activeRuns<T extends RunLike>(runs: readonly T[]): T[] {
  return runs.filter(isActive).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
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

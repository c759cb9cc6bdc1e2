import { useCallback, useEffect, useState } from 'react';
import type { RunManifest } from '@mixwise/contracts';
import { api } from '../api.ts';
import { RUNS_POLL_MS, isActive } from '../logic/active-runs.ts';

/** The run list of the server and a way to read it again. */
export interface RunsState {
  readonly runs: RunManifest[] | null;
  readonly error: string | null;
  /** Reads the list again (after a fit is started or has finished). */
  readonly refresh: () => void;
}

/**
 * The server's run list (`GET /api/runs`), read again every RUNS_POLL_MS while a run is queued or
 * running (so a finished fit turns up in the run picker on every page and in every tab), and whenever
 * the tab comes back into view (a fit started in another tab).
 */
export function useRuns(): RunsState {
  const [runs, setRuns] = useState<RunManifest[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    api.listRuns().then((r) => { if (live) { setRuns(r); setError(null); } }, (e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); });
    return () => { live = false; };
  }, [version]);

  const polling = runs?.some(isActive) ?? false;
  useEffect(() => {
    if (!polling) return;
    const timer = setInterval(refresh, RUNS_POLL_MS);
    return () => clearInterval(timer);
  }, [polling, refresh]);

  useEffect(() => {
    const onVisible = () => { if (document.visibilityState === 'visible') refresh(); };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);

  return { runs, error, refresh };
}

import { useEffect, useRef, useState } from 'react';
import type { RunEvent } from '@mixwise/contracts';
import { api } from '../api.ts';

/** A followed run's latest event, and the error of a failed fit or a lost stream. */
export interface RunEvents {
  readonly event: RunEvent | null;
  readonly error: string | null;
}

/**
 * Follows a run's progress stream (`GET /api/runs/:id/events`) while the component is mounted and
 * `runId` stays the same; the first event is the run's state now, so a page that mounts again (after
 * a visit to another page or a reload) picks up where the fit is.
 * @param runId the run, or null to follow none
 * @param onDone called once when the run is done
 */
export function useRunEvents(runId: string | null, onDone?: (runId: string) => void): RunEvents {
  const [state, setState] = useState<RunEvents & { runId: string | null }>({ runId: null, event: null, error: null });
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    setState({ runId, event: null, error: null });
    if (runId === null) return;
    let called = false;
    return api.followRun(runId, (e) => {
      setState((s) => ({ ...s, runId, event: e, error: e.status === 'failed' ? (e.error?.message ?? 'The fit failed.') : s.error }));
      if (e.status === 'done' && !called) { called = true; done.current?.(runId); }
    }, (message) => setState((s) => ({ ...s, runId, error: message })));
  }, [runId]);
  return state.runId === runId ? { event: state.event, error: state.error } : { event: null, error: null };
}

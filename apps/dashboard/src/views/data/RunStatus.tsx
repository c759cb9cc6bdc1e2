import type { RunEvent } from '@mixwise/contracts';
import { api } from '../../api.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { overallProgress, type FitMethod } from '../../logic/overall-progress.ts';
import { isActive } from '../../logic/active-runs.ts';
import { runPhaseText, runStatusText } from '../../logic/run-status-text.ts';

interface Props {
  readonly runId: string;
  /** The latest event of the run (useRunEvents), null before the first. */
  readonly event: RunEvent | null;
  readonly method: FitMethod;
  /** Fits queued or running before this one (runsAhead), null when unknown. */
  readonly ahead: number | null;
  /** A refused cancel request. */
  readonly onError: (message: string) => void;
}

/** A fit's progress bar with its status line, and Cancel while it is queued or running. */
export function RunStatus({ runId, event, method, ahead, onError }: Props) {
  const p = event?.progress;
  const value = event?.status === 'done' ? 1 : p ? overallProgress(p.phase, p.done, p.total, method) : null;
  const active = event === null || isActive(event);
  return (
    <div data-testid="train-status" data-status={event?.status ?? 'queued'} data-run={runId}>
      <ProgressBar value={value} label={runStatusText(event, ahead)} name="Fit progress" />
      {/* Each phase once, politely (the bar's counts would be read out many times a second). */}
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="train-phase">{runPhaseText(event)}</p>
      {active ? (
        <button type="button" className="danger" data-testid="cancel-button"
          onClick={() => void api.cancelRun(runId).catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)))}>Cancel</button>
      ) : null}
      {event?.status === 'cancelled' ? <p className="muted">Cancelled.</p> : null}
    </div>
  );
}

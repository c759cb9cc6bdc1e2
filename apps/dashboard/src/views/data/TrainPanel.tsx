import { useEffect, useRef, useState } from 'react';
import type { RolesInput, RunEvent, Upload } from '@mixwise/contracts';
import { api } from '../../api.ts';
import { Section } from '../../components/Section.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { overallProgress } from '../../logic/overall-progress.ts';

interface Props {
  readonly upload: Upload;
  readonly roles: RolesInput | null;
  readonly canTrain: boolean;
  readonly onRunDone: (runId: string) => void;
}

/** Fit options, the Train button, live progress from the server (SSE) and Cancel. */
export function TrainPanel({ upload, roles, canTrain, onRunDone }: Props) {
  const [iterations, setIterations] = useState(2000);
  const [holdout, setHoldout] = useState(0);
  const [seed, setSeed] = useState(1);
  const [runId, setRunId] = useState<string | null>(null);
  const [event, setEvent] = useState<RunEvent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => () => stop.current?.(), []);

  const train = async () => {
    if (!roles) return;
    setError(null); setEvent(null);
    try {
      const run = await api.startRun({ uploadId: upload.uploadId, roles, options: { iterations, holdout, seed } });
      setRunId(run.id);
      stop.current = api.followRun(run.id, (e) => {
        setEvent(e);
        if (e.status === 'done') onRunDone(run.id);
        if (e.status === 'failed') setError(e.error?.message ?? 'The fit failed.');
      }, setError);
    } catch (e) { setError(e instanceof Error ? e.message : String(e)); }
  };

  const active = runId !== null && (event === null || event.status === 'queued' || event.status === 'running');
  const p = event?.progress;
  const fraction = p ? overallProgress(p.phase, p.done, p.total) : null;

  return (
    <Section title="3 · Train">
      <div className="toolbar wrap">
        <label className="inline">Search iterations <input type="number" min={10} step={100} value={iterations} data-testid="option-iterations" onChange={(e) => setIterations(Number(e.currentTarget.value))} /></label>
        <label className="inline">Holdout periods <input type="number" min={0} value={holdout} data-testid="option-holdout" onChange={(e) => setHoldout(Number(e.currentTarget.value))} /></label>
        <label className="inline">Seed <input type="number" min={0} value={seed} data-testid="option-seed" onChange={(e) => setSeed(Number(e.currentTarget.value))} /></label>
        <button type="button" disabled={!canTrain || active} onClick={() => void train()} data-testid="train-button">Train model</button>
        {active ? <button type="button" className="danger" data-testid="cancel-button" onClick={() => { if (runId) void api.cancelRun(runId).catch((e: unknown) => setError(String(e))); }}>Cancel</button> : null}
      </div>
      {runId !== null ? (
        <div data-testid="train-status" data-status={event?.status ?? 'queued'}>
          <ProgressBar value={event?.status === 'done' ? 1 : fraction} label={`${event?.status ?? 'queued'}${p ? ` · ${p.phase}${p.total > 0 ? ` ${p.done.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')}` : ''}` : ''}`} />
          {event?.status === 'cancelled' ? <p className="muted">Cancelled.</p> : null}
        </div>
      ) : null}
      {error !== null ? <div className="banner error" role="alert" data-testid="train-error">{error}</div> : null}
    </Section>
  );
}

import { useEffect, useRef, useState } from 'react';
import type { CleaningChoice, Issue, LiftTest, RolesInput, RunEvent, Upload } from '@mixwise/contracts';
import { DEFAULT_BAYES_SPEC } from '@mixwise/engine';
import { api, ApiRequestError } from '../../api.ts';
import { Section } from '../../components/Section.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { overallProgress, type FitMethod } from '../../logic/overall-progress.ts';
import { liftTestOptions } from '../../logic/lift-tests.ts';
import { IssuesTable } from './IssuesTable.tsx';
import { LiftTestsPanel } from './LiftTestsPanel.tsx';

interface Props {
  readonly upload: Upload;
  readonly roles: RolesInput | null;
  /** The cleaning steps ticked on the Data page. */
  readonly cleaning: readonly CleaningChoice[];
  /** Channels of the checked roles (null while unchecked). */
  readonly channels: readonly string[] | null;
  readonly canTrain: boolean;
  readonly onRunDone: (runId: string) => void;
}

/** Fit options, optional lift tests, the Train button, live progress from the server (SSE) and Cancel. */
export function TrainPanel({ upload, roles, cleaning, channels, canTrain, onRunDone }: Props) {
  const [iterations, setIterations] = useState(2000);
  const [holdout, setHoldout] = useState(0);
  const [seed, setSeed] = useState(1);
  const [method, setMethod] = useState<FitMethod>('ridge');
  // NUTS settings start at the engine's defaults.
  const [chains, setChains] = useState(DEFAULT_BAYES_SPEC.chains);
  const [warmup, setWarmup] = useState(DEFAULT_BAYES_SPEC.warmup);
  const [draws, setDraws] = useState(DEFAULT_BAYES_SPEC.draws);
  const [targetAccept, setTargetAccept] = useState(DEFAULT_BAYES_SPEC.targetAccept);
  const [runId, setRunId] = useState<string | null>(null);
  const [event, setEvent] = useState<RunEvent | null>(null);
  const [liftTests, setLiftTests] = useState<LiftTest[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [errorIssues, setErrorIssues] = useState<readonly Issue[]>([]);
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => () => stop.current?.(), []);

  const train = async () => {
    if (!roles) return;
    setError(null); setErrorIssues([]); setEvent(null);
    try {
      const bayes = method === 'bayes' ? { method, bayes: { chains, warmup, draws, targetAccept } } : {};
      const run = await api.startRun({ uploadId: upload.uploadId, roles, cleaning: [...cleaning], options: { iterations, holdout, seed, ...bayes, ...liftTestOptions(liftTests) } });
      setRunId(run.id);
      stop.current = api.followRun(run.id, (e) => {
        setEvent(e);
        if (e.status === 'done') onRunDone(run.id);
        if (e.status === 'failed') setError(e.error?.message ?? 'The fit failed.');
      }, setError);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      // A refused request (roles, a lift test outside the fitted rows…) lists what to fix.
      if (e instanceof ApiRequestError) setErrorIssues(e.issues);
    }
  };

  const active = runId !== null && (event === null || event.status === 'queued' || event.status === 'running');
  const p = event?.progress;
  const fraction = p ? overallProgress(p.phase, p.done, p.total, method) : null;

  return (
    <Section title="3 · Train">
      <div className="toolbar wrap">
        <label className="inline">Search iterations <input type="number" min={10} step={100} value={iterations} data-testid="option-iterations" onChange={(e) => setIterations(Number(e.currentTarget.value))} /></label>
        <label className="inline">Holdout periods <input type="number" min={0} value={holdout} data-testid="option-holdout" onChange={(e) => setHoldout(Number(e.currentTarget.value))} /></label>
        <label className="inline">Seed <input type="number" min={0} value={seed} data-testid="option-seed" onChange={(e) => setSeed(Number(e.currentTarget.value))} /></label>
        <label className="inline">Method{' '}
          <select value={method} data-testid="option-method" disabled={active} onChange={(e) => setMethod(e.currentTarget.value === 'bayes' ? 'bayes' : 'ridge')}>
            <option value="ridge">Ridge search + bootstrap intervals (seconds)</option>
            <option value="bayes">Bayesian: NUTS posterior, credible intervals (about a minute or more)</option>
          </select>
        </label>
      </div>
      {method === 'bayes' ? (
        <div className="toolbar wrap" data-testid="bayes-options">
          <label className="inline">Chains <input type="number" min={1} max={16} value={chains} data-testid="option-chains" onChange={(e) => setChains(Number(e.currentTarget.value))} /></label>
          <label className="inline">Warm-up per chain <input type="number" min={0} step={100} value={warmup} data-testid="option-warmup" onChange={(e) => setWarmup(Number(e.currentTarget.value))} /></label>
          <label className="inline">Draws per chain <input type="number" min={4} step={100} value={draws} data-testid="option-draws" onChange={(e) => setDraws(Number(e.currentTarget.value))} /></label>
          <label className="inline">Target acceptance <select value={targetAccept} data-testid="option-target-accept" onChange={(e) => setTargetAccept(Number(e.currentTarget.value))}>
            {[0.8, 0.9, 0.95, 0.99].map((v) => <option key={v} value={v}>{v}</option>)}
          </select></label>
          <span className="muted small">R-hat compares the chains: use at least 2, and 4 to judge convergence well. Raise the target acceptance when a fit reports divergences (smaller steps, slower).</span>
        </div>
      ) : null}
      <LiftTestsPanel uploadId={upload.uploadId} roles={roles} cleaning={cleaning} holdout={holdout} channels={channels} tests={liftTests} onChange={setLiftTests} disabled={active} />
      <div className="toolbar wrap">
        <button type="button" disabled={!canTrain || active} onClick={() => void train()} data-testid="train-button">
          Train model{liftTests.length > 0 ? ` with ${liftTests.length} lift test${liftTests.length === 1 ? '' : 's'}` : ''}
        </button>
        {active ? <button type="button" className="danger" data-testid="cancel-button" onClick={() => { if (runId) void api.cancelRun(runId).catch((e: unknown) => setError(String(e))); }}>Cancel</button> : null}
      </div>
      {runId !== null ? (
        <div data-testid="train-status" data-status={event?.status ?? 'queued'}>
          <ProgressBar value={event?.status === 'done' ? 1 : fraction} label={`${event?.status ?? 'queued'}${p ? ` · ${p.phase}${p.total > 0 ? ` ${p.done.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')}` : ''}` : ''}`} />
          {event?.status === 'cancelled' ? <p className="muted">Cancelled.</p> : null}
        </div>
      ) : null}
      {error !== null ? (
        <div className="banner error" role="alert" data-testid="train-error">
          {error}
          {errorIssues.length > 0 ? <IssuesTable issues={errorIssues} /> : null}
        </div>
      ) : null}
    </Section>
  );
}

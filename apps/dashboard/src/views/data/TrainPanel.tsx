import { useRef, useState } from 'react';
import type { CleaningChoice, Issue, LiftTest, RolesInput, Upload } from '@mixwise/contracts';
import { DEFAULT_BAYES_SPEC, DEFAULT_SEARCH_ITERATIONS } from '@mixwise/engine';
import { api, ApiRequestError } from '../../api.ts';
import { Section } from '../../components/Section.tsx';
import type { FitMethod } from '../../logic/overall-progress.ts';
import { isActive } from '../../logic/active-runs.ts';
import { liftTestOptions } from '../../logic/lift-tests.ts';
import { TRAIN_FIELD_LABELS as LABEL, trainRefusal } from '../../logic/train-refusal.ts';
import { useRunEvents } from '../../state/use-run-events.ts';
import { IssuesTable } from './IssuesTable.tsx';
import { LiftTestsPanel } from './LiftTestsPanel.tsx';
import { RunStatus } from './RunStatus.tsx';
import { geoModeConflicts, type PanelMode } from '../../logic/panel-mode.ts';

interface Props {
  readonly upload: Upload;
  readonly roles: RolesInput | null;
  /** The cleaning steps ticked on the Data page. */
  readonly cleaning: readonly CleaningChoice[];
  /** What the fit does with the Panel column (null without one). */
  readonly panelMode: PanelMode | null;
  /** Channels of the checked roles (null while unchecked). */
  readonly channels: readonly string[] | null;
  readonly canTrain: boolean;
  /** Fits queued or running before a queued run (runsAhead), null when unknown. */
  readonly aheadOf: (runId: string) => number | null;
  /** The server accepted a fit (queued). */
  readonly onRunStarted: (runId: string) => void;
  readonly onRunDone: (runId: string) => void;
}

/** Fit options, optional lift tests, the Train button, live progress from the server (SSE) and Cancel. */
export function TrainPanel({ upload, roles, cleaning, panelMode, channels, canTrain, aheadOf, onRunStarted, onRunDone }: Props) {
  // The engine's default, as `mixwise fit` and a request without options.iterations use.
  const [iterations, setIterations] = useState(DEFAULT_SEARCH_ITERATIONS);
  const [holdout, setHoldout] = useState(0);
  const [seed, setSeed] = useState(1);
  const [method, setMethod] = useState<FitMethod>('ridge');
  const [media, setMedia] = useState<'spend' | 'exposure'>('spend');
  // NUTS settings start at the engine's defaults.
  const [chains, setChains] = useState(DEFAULT_BAYES_SPEC.chains);
  const [warmup, setWarmup] = useState(DEFAULT_BAYES_SPEC.warmup);
  const [draws, setDraws] = useState(DEFAULT_BAYES_SPEC.draws);
  const [targetAccept, setTargetAccept] = useState(DEFAULT_BAYES_SPEC.targetAccept);
  const [runId, setRunId] = useState<string | null>(null);
  const { event, error: runError } = useRunEvents(runId, onRunDone);
  const [liftTests, setLiftTests] = useState<LiftTest[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [errorIssues, setErrorIssues] = useState<readonly Issue[]>([]);
  // True from the click until the server answers the start request: a second click starts nothing.
  const [starting, setStarting] = useState(false);
  const startingNow = useRef(false);

  const train = async () => {
    if (!roles || startingNow.current) return;
    startingNow.current = true;
    setStarting(true);
    setError(null); setErrorIssues([]);
    try {
      const bayes = method === 'bayes' ? { method, bayes: { chains, warmup, draws, targetAccept } } : {};
      const run = await api.startRun({ uploadId: upload.uploadId, roles, cleaning: [...cleaning], options: { iterations, holdout, seed, ...bayes, ...(media === 'exposure' ? { media } : {}), ...liftTestOptions(liftTests) } });
      setRunId(run.id);
      onRunStarted(run.id);
    } catch (e) {
      // A refused request (roles, a lift test outside the fitted rows…) lists what to fix; a fit option by its label on this form.
      if (e instanceof ApiRequestError) {
        const shown = trainRefusal(e.message, e.issues);
        setError(shown.message);
        setErrorIssues(shown.issues);
      } else setError(e instanceof Error ? e.message : String(e));
    } finally {
      startingNow.current = false;
      setStarting(false);
    }
  };

  const active = runId !== null && (event === null || isActive(event));
  // The options the geo-level model does not take yet, said before Train (the server would refuse them).
  const conflicts = geoModeConflicts(panelMode, { method, organic: roles?.organic ?? [] });
  const shownError = error ?? (runId !== null ? runError : null);
  const trainOff = !canTrain || active || starting || conflicts.length > 0;

  return (
    <Section title="3 · Train">
      <div className="toolbar wrap">
        <label className="inline">{LABEL.iterations} <input type="number" min={10} step={100} value={iterations} data-testid="option-iterations" onChange={(e) => setIterations(Number(e.currentTarget.value))} /></label>
        <label className="inline">{LABEL.holdout} <input type="number" min={0} value={holdout} data-testid="option-holdout" onChange={(e) => setHoldout(Number(e.currentTarget.value))} /></label>
        <label className="inline">{LABEL.seed} <input type="number" min={0} value={seed} data-testid="option-seed" onChange={(e) => setSeed(Number(e.currentTarget.value))} /></label>
        <label className="inline">{LABEL.method}{' '}
          <select value={method} data-testid="option-method" disabled={active} onChange={(e) => setMethod(e.currentTarget.value === 'bayes' ? 'bayes' : 'ridge')}>
            <option value="ridge">Ridge search + bootstrap intervals (seconds)</option>
            <option value="bayes">Bayesian: NUTS posterior, credible intervals (about a minute or more)</option>
          </select>
        </label>
        <label className="inline">{LABEL.media}{' '}
          <select value={media} data-testid="option-media" disabled={active} onChange={(e) => setMedia(e.currentTarget.value === 'exposure' ? 'exposure' : 'spend')}>
            <option value="spend">Spend</option>
            <option value="exposure">Exposure (impressions, clicks or GRPs column named for each channel, at its average cost)</option>
          </select>
        </label>
      </div>
      {method === 'bayes' ? (
        <div className="toolbar wrap" data-testid="bayes-options">
          <label className="inline">{LABEL['bayes.chains']} <input type="number" min={1} max={16} value={chains} data-testid="option-chains" onChange={(e) => setChains(Number(e.currentTarget.value))} /></label>
          <label className="inline">{LABEL['bayes.warmup']} <input type="number" min={0} step={100} value={warmup} data-testid="option-warmup" onChange={(e) => setWarmup(Number(e.currentTarget.value))} /></label>
          <label className="inline">{LABEL['bayes.draws']} <input type="number" min={4} step={100} value={draws} data-testid="option-draws" onChange={(e) => setDraws(Number(e.currentTarget.value))} /></label>
          <label className="inline">{LABEL['bayes.targetAccept']} <select value={targetAccept} data-testid="option-target-accept" onChange={(e) => setTargetAccept(Number(e.currentTarget.value))}>
            {[0.8, 0.9, 0.95, 0.99].map((v) => <option key={v} value={v}>{v}</option>)}
          </select></label>
          <span className="muted small">R-hat compares the chains: use at least 2, and 4 to judge convergence well. Raise the target acceptance when a fit reports divergences (smaller steps, slower).</span>
        </div>
      ) : null}
      <LiftTestsPanel uploadId={upload.uploadId} roles={roles} cleaning={cleaning} holdout={holdout} channels={channels} tests={liftTests} onChange={setLiftTests} disabled={active} />
      <div className="toolbar wrap">
        {/* aria-disabled, not disabled: the button keeps its focus (a disabled one drops it to <body>) and a click while busy does nothing. */}
        <button type="button" aria-disabled={trainOff} aria-busy={starting} onClick={() => { if (!trainOff) void train(); }} data-testid="train-button">
          Train model{liftTests.length > 0 ? ` with ${liftTests.length} lift test${liftTests.length === 1 ? '' : 's'}` : ''}
        </button>
      </div>
      {conflicts.length > 0 ? <ul className="problems" data-testid="geo-conflicts">{conflicts.map((c) => <li key={c}>{c}</li>)}</ul> : null}
      {panelMode === 'geo' ? (
        <p className="muted small" data-testid="geo-fit-note">
          The geo-level model fits every geo&apos;s series: it takes longer than a national fit (about a minute with the default iterations on a few dozen geos); the progress below follows it, and the page may be left meanwhile.
        </p>
      ) : null}
      {runId !== null ? <RunStatus runId={runId} event={event} method={method} ahead={aheadOf(runId)} onError={setError} /> : null}
      {shownError !== null ? (
        <div className="banner error" role="alert" data-testid="train-error">
          {shownError}
          {errorIssues.length > 0 ? <IssuesTable issues={errorIssues} /> : null}
        </div>
      ) : null}
    </Section>
  );
}

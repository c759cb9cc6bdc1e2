import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { blendedHeadline, budgetBeforeAfter, executiveKpis, roiLabel, scenarioComparison } from '@mixwise/charts';
import { DEFAULT_SCENARIO_LEVELS } from '@mixwise/contracts';
import type { FrontierPoint, GeoSplitNowAnswer, ResponseModel } from '@mixwise/engine';
import { drawSource, kpiMoney, periodWord, responseModelFromMmm } from '@mixwise/engine';
import type { RunData } from '../../state/run-data.ts';
import type { OptimizeResult } from '../../worker/protocol.ts';
import { useEngine } from '../../state/engine-context.tsx';
import { EChart } from '../../components/EChart.tsx';
import { KpiCard } from '../../components/KpiCard.tsx';
import { Section } from '../../components/Section.tsx';
import { GeoSplitNote } from '../../components/GeoSplitNote.tsx';
import type { WhatIfResult } from '../../logic/what-if.ts';
import { latestOnly } from '../../logic/latest-only.ts';
import { buildConstraints } from '../../logic/constraints.ts';
import { lockedSpendKey, lockedSpendOf } from '../../logic/locked-spend.ts';
import { loadScenario, resetScenario, saveScenario, sessionStore } from '../../logic/simulator-session.ts';
import { DEFAULT_INPUT, readControls, type ControlInput } from '../../logic/bound-fields.ts';
import { readTotalField } from '../../logic/total-field.ts';
import { optimiseSummary } from '../../logic/optimise-summary.ts';
import { simulatorInfeasible } from '../../logic/infeasible-text.ts';
import { curveBasisText, curveNote, expectedReplicates } from '../../logic/curve-basis.ts';
import { scenarioCsv } from '../../logic/scenario-csv.ts';
import { SCENARIO_CHART_NAMES } from '../../logic/scenario-names.ts';
import { formatCompact, formatPct, formatRoi } from '../../logic/format.ts';
import { mediaRoiNote } from '../../logic/roi-basis.ts';
import { downloadText } from '../../logic/download.ts';
import { basisNote, historicalFigures, largestGap, steadyFigures } from '../../logic/basis-gap.ts';
import { breakEvenMroi, budgetMarginal } from '../../logic/break-even.ts';
import { readMargin } from '../../logic/margin.ts';
import { limitMoves } from '../../logic/limit-moves.ts';
import { AllocationNotes } from '../../components/AllocationNotes.tsx';
import { categoryLabels, legendClear } from '../../logic/narrow-chart.ts';
import { useNarrow } from '../../state/use-narrow.ts';
import { ChannelTable } from './ChannelTable.tsx';
import { ScenarioTable } from './ScenarioTable.tsx';
import { InformationValueSection } from './InformationValueSection.tsx';
import { PlanSection } from './PlanSection.tsx';
import { GoalSection } from './GoalSection.tsx';
import { MarginField } from './MarginField.tsx';
import { ReferenceField } from './ReferenceField.tsx';
import { currentMeaning, idleDefaults, readReferencePeriods, withReference, type ReferenceChoice } from '../../logic/reference-periods.ts';
import type { EngineClient } from '../../worker/engine-client.ts';

const split = (names: readonly string[], values: readonly number[]) => Object.fromEntries(names.map((n, i) => [n, values[i]]));

/**
 * The demand lead's page: move spend per channel and see the predicted KPI at once; optimise within
 * bounds. "Current spend measured over" chooses the periods current spend is the mean of (the whole
 * window, or the last N, as `mixwise optimize --reference-periods N`); every request then carries it.
 */
export function SimulatorPage({ data }: { data: RunData }) {
  const { client, loaded } = useEngine();
  const [choice, setChoice] = useState<ReferenceChoice>('window');
  const [customText, setCustomText] = useState('');
  const windowPeriods = data.model.window.end - data.model.window.start;
  const period = periodWord(data.model.frequency);
  const read = readReferencePeriods(choice, customText, windowPeriods, period);
  // A typed N that cannot be used keeps the last usable one (the page does not flicker to the whole window).
  const [applied, setApplied] = useState<number | undefined>(undefined);
  const next = 'problem' in read ? applied : read.referencePeriods;
  useEffect(() => setApplied(next), [next]);
  const refClient = useMemo(() => (client ? withReference(client, applied) : null), [client, applied]);
  // The response model for the last N periods (the whole window's comes with the load).
  const [recent, setRecent] = useState<{ readonly runId: string; readonly ref: number; readonly rm: ResponseModel } | null>(null);
  const [refError, setRefError] = useState<string | null>(null);
  useEffect(() => {
    if (!refClient || !loaded || applied === undefined) return;
    let live = true;
    refClient.request({ type: 'responseModel' }).then((r) => { if (live) { setRecent({ runId: loaded.runId, ref: applied, rm: r.result }); setRefError(null); } },
      (e: unknown) => { if (live) setRefError(e instanceof Error ? e.message : String(e)); });
    return () => { live = false; };
  }, [refClient, loaded, applied]);
  if (!refClient || !loaded) return <div className="loading" aria-busy="true">Starting the engine…</div>;
  const rm = applied === undefined ? loaded.responseModel : recent && recent.runId === loaded.runId && recent.ref === applied ? recent.rm : null;
  return (
    <div className="stack">
      <div className="page-title">
        <h1>Budget simulator</h1>
        <ReferenceField choice={choice} customText={customText} problem={'problem' in read ? read.problem : null} windowPeriods={windowPeriods} period={period}
          onChoice={setChoice} onCustomText={setCustomText} />
      </div>
      {refError !== null ? <div className="banner error" role="alert">{refError}</div> : null}
      {rm ? <Simulator key={`${loaded.runId}:${applied ?? 'window'}`} client={refClient} runId={loaded.runId} referencePeriods={applied} data={data} rm={rm} windowRm={loaded.responseModel} />
        : <div className="loading" aria-busy="true">Measuring current spend…</div>}
    </div>
  );
}

function Simulator({ client, runId, referencePeriods, data, rm, windowRm }: { client: EngineClient; runId: string; referencePeriods: number | undefined; data: RunData; rm: ResponseModel; windowRm: ResponseModel }) {
  const names = useMemo(() => rm.channels.map((c) => c.name), [rm]);
  const sparse = useMemo(() => rm.channels.flatMap((c) => (c.observed?.sparse ? [c.name] : [])), [rm]);
  const current = useMemo(() => rm.channels.map((c) => c.current), [rm]);
  const windowCurrent = useMemo(() => windowRm.channels.map((c) => c.current), [windowRm]);
  const observedHigh = useMemo(() => rm.channels.map((c) => c.observed?.high), [rm]);
  const currentTotal = current.reduce((s, v) => s + v, 0);
  const period = periodWord(data.model.frequency);
  const roiName = roiLabel(data.model.target.kind);
  const replicates = expectedReplicates(rm);
  // The scenario kept for this run in this session (spend, bounds and locks), so that another page and
  // back does not lose it; Reset forgets it.
  const store = useMemo(sessionStore, []);
  // Each reference keeps its own scenario: its current spend, and so its sliders' ranges, differ.
  const scenarioId = referencePeriods === undefined ? runId : `${runId}@last${referencePeriods}`;
  const [kept] = useState(() => loadScenario(store, scenarioId, names, current));
  const [spend, setSpend] = useState<number[]>(() => (kept ? [...kept.spend] : current));
  // The bound fields as typed; readControls turns them into controls only when every one is usable.
  const [inputs, setInputs] = useState<ControlInput[]>(() => (kept ? [...kept.inputs] : names.map(() => DEFAULT_INPUT)));
  useEffect(() => saveScenario(store, scenarioId, names, current, { spend, inputs }), [store, scenarioId, names, current, spend, inputs]);
  const { controls, problems } = useMemo(() => readControls(inputs), [inputs]);
  const locked = useMemo(() => inputs.map((c) => c.locked), [inputs]);
  // The Total budget field's text while it is edited, and the spend it rescales from: clearing the
  // field to type a new number neither rescales nor loses the split (null: the field shows the total).
  const [totalEdit, setTotalEdit] = useState<{ readonly text: string; readonly base: readonly number[] } | null>(null);
  const totalField = useMemo(() => (totalEdit ? readTotalField(totalEdit.text, totalEdit.base, locked, period) : null), [totalEdit, locked, period]);
  const totalProblem = totalField && 'problem' in totalField ? totalField.problem : null;
  const [result, setResult] = useState<{ r: WhatIfResult; t0: number; roundTrip: number; workerMs: number } | null>(null);
  const [baseline, setBaseline] = useState<WhatIfResult | null>(null);
  // The last Optimise, with the spend and fields it answers: shown only while they are unchanged.
  const [optimised, setOptimised] = useState<{
    text: string; spend: readonly number[]; inputs: readonly ControlInput[]; ms: number; workerMs: number; allocation: Extract<OptimizeResult, { feasible: true }> | null;
  } | null>(null);
  // The Gross margin field's text (MarginField): break-even is at marginal ROI 1/margin with one, revenue break-even (1) without.
  const [marginText, setMarginText] = useState('');
  const margin = readMargin(marginText).margin;
  // Budget per period where the last unit of the last Optimise breaks even under the same limits, for the margin it was asked at.
  const [breakEven, setBreakEven] = useState<{ allocation: object; margin: number | null; at: number | 'none' } | null>(null);
  const [scenarios, setScenarios] = useState<FrontierPoint[] | null>(null);
  // A geo-level run: the worker's geoSplitNow on the page's (expected) curves, the one an Optimise answer carries.
  const [geoNow, setGeoNow] = useState<GeoSplitNowAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Reset presses: each sets the sliders' ranges back to those of current spend.
  const [resets, setResets] = useState(0);
  const whatIfMs = useRef<HTMLSpanElement>(null);

  const submit = useMemo(() => latestOnly(async ({ s, t0 }: { s: number[]; t0: number }) => {
    if (!client) return;
    try {
      const r = await client.request({ type: 'whatIf', spend: s });
      setResult({ r: r.result, t0, roundTrip: performance.now() - t0, workerMs: r.workerMs });
    } catch (e) { setError(e instanceof Error ? e.message : String(e)); }
  }), [client]);

  const geoLevel = data.model.panel !== undefined;
  useEffect(() => {
    if (!client || !geoLevel) return;
    let live = true;
    client.request({ type: 'geoSplitNow', basis: 'expected' }).then((r) => { if (live) setGeoNow(r.result); }, () => undefined);
    return () => { live = false; };
  }, [client, geoLevel]);

  useEffect(() => {
    client?.request({ type: 'whatIf', spend: current }).then((r) => {
      setBaseline(r.result);
      // A kept scenario is predicted by its own request (below).
      if (!kept) setResult({ r: r.result, t0: performance.now(), roundTrip: r.ms, workerMs: r.workerMs });
    }, () => undefined);
    if (kept) submit({ s: [...kept.spend], t0: performance.now() });
  }, [client, current, kept, submit]);

  // Time from the slider move to the updated numbers being in the DOM.
  useLayoutEffect(() => {
    if (result && whatIfMs.current) whatIfMs.current.textContent = (performance.now() - result.t0).toFixed(1);
  }, [result]);

  const update = useCallback((next: number[]) => {
    const t0 = performance.now();
    setSpend(next);
    submit({ s: next, t0 });
  }, [submit]);

  // Only usable fields make constraints (buildConstraints throws on the others); until then the
  // optimiser, the scenarios, the plan and the ranking wait. One set of constraints for all of them,
  // a locked channel held at the spend it shows; rebuilt only when a lock or a locked spend changes.
  const lockKey = lockedSpendKey(spend, locked);
  // Under the last N periods, a channel idle over them keeps the CLI's and the API's 0 to 2× its window mean (idleDefaults).
  const constraints = useMemo(() => (controls ? idleDefaults(buildConstraints(names, controls, lockedSpendOf(lockKey)), names, controls, current, windowCurrent) : null), [names, controls, lockKey, current, windowCurrent]);

  useEffect(() => {
    if (!client || !constraints) return;
    let live = true;
    client.request({ type: 'scenarios', levels: [DEFAULT_SCENARIO_LEVELS.conservative, DEFAULT_SCENARIO_LEVELS.current, DEFAULT_SCENARIO_LEVELS.aggressive], constraints })
      .then((r) => { if (live) setScenarios([...r.result]); }, () => undefined);
    return () => { live = false; };
  }, [client, constraints]);

  // What the page holds now, for an Optimise reply to check that it still answers the inputs shown.
  const now = useRef({ spend, inputs });
  useEffect(() => { now.current = { spend, inputs }; }, [spend, inputs]);

  const optimise = async () => {
    if (!client || !constraints || totalProblem !== null) return;
    const t0 = performance.now();
    const asked = { spend, inputs };
    const budget = spend.reduce((s, v) => s + v, 0);
    try {
      // The user's split on the same curves: the re-split's gain is measured from it, not from current spend.
      const [r, mine] = await Promise.all([client.request({ type: 'optimize', budget, constraints }), client.request({ type: 'whatIf', spend })]);
      if (now.current.spend !== asked.spend || now.current.inputs !== asked.inputs) return;
      const ms = performance.now() - t0;
      if (r.result.feasible) {
        const next = r.result.channels.map((c) => c.recommended);
        setOptimised({ text: optimiseSummary(r.result, spend, mine.result.kpi, data.summary.target, period, r.result.lift).text, spend: next, inputs, ms, workerMs: r.workerMs, allocation: r.result });
        setTotalEdit(null);
        update(next);
      } else setOptimised({ text: `No allocation meets these limits: ${simulatorInfeasible(r.result, { field: 'total', period })}`, spend, inputs, ms, workerMs: r.workerMs, allocation: null });
    } catch (e) { setError(e instanceof Error ? e.message : String(e)); }
  };
  // A total typed but not applied (empty, or below the locked spend) is a changed input too.
  const optimisedNow = optimised && optimised.spend === spend && optimised.inputs === inputs && totalProblem === null ? optimised : null;
  const shownAllocation = optimisedNow?.allocation ?? null;
  // Past break-even: where the best split's last unit returns breakEvenMroi (the mROI-floor goal at it, same limits), asked again when the margin changes.
  useEffect(() => {
    const goal = breakEvenMroi(data.model.target.kind, margin);
    const m = shownAllocation === null ? null : budgetMarginal(shownAllocation);
    if (shownAllocation === null || !constraints || goal === null || m === null || m >= goal) return;
    let live = true;
    // Without an answer the warning still stands, only without the place.
    client.request({ type: 'goal', goal: 'mroi', value: goal, constraints }).then(
      (be) => { if (live) setBreakEven({ allocation: shownAllocation, margin, at: be.result.feasible ? be.result.budget : 'none' }); },
      () => undefined);
    return () => { live = false; };
  }, [client, shownAllocation, margin, constraints, data.model.target.kind]);
  const breakEvenNow = breakEven && breakEven.allocation === shownAllocation && breakEven.margin === margin ? breakEven.at : null;

  // Spend set by a slider, Reset or a lock ends an edit of the total (the field shows the new total).
  const setSpendFromControls = (next: number[]) => { setTotalEdit(null); update(next); };
  const onTotalText = (text: string) => {
    const base = totalEdit?.base ?? spend;
    setTotalEdit({ text, base });
    const r = readTotalField(text, base, locked, period);
    if ('spend' in r) update(r.spend);
  };

  const total = spend.reduce((s, v) => s + v, 0);
  const w = result?.r ?? null;
  // How far the page's figures are from the fit's historical ones, and from the point-estimate curves (measured, not "a little").
  const gaps = useMemo(() => ({
    historical: largestGap(historicalFigures(data.summary), steadyFigures(windowRm)),
    point: largestGap(steadyFigures(responseModelFromMmm(data.model, referencePeriods === undefined ? {} : { referencePeriods })), steadyFigures(rm)),
  }), [data, windowRm, rm, referencePeriods]);
  const limits = useMemo(() => {
    const moves = optimisedNow?.allocation ? limitMoves(optimisedNow.allocation) : [];
    return names.map((n) => moves.find((m) => m.channel === n) ?? null);
  }, [optimisedNow, names]);
  // Drawn from the what-if result (not the slider state), so the chart redraws in the same commit as the numbers, after they are timed.
  const narrow = useNarrow();
  const beforeAfter = useMemo(() => ({ ...legendClear(categoryLabels(budgetBeforeAfter(split(names, current), split(names, w ? w.channels.map((c) => c.spend) : current), data.model.money), narrow), narrow), animation: false }), [names, current, w, narrow, data.model.money]);
  const scenarioOption = useMemo(() => scenarios ? scenarioComparison(scenarios.map((p, i) => ({
    name: SCENARIO_CHART_NAMES[i],
    allocation: p.result.feasible ? split(names, p.result.channels.map((c) => c.recommended)) : {},
    kpi: p.result.feasible ? p.result.expected.recommended : NaN,
    ...(p.result.feasible && p.result.budget > 0 ? { roi: p.result.media.recommended / p.result.budget } : {}),
  }))) : null, [scenarios, names]);

  return (
    <div className="stack">
      <div className="page-title">
        <p className="muted" data-testid="simulator-current">{currentMeaning(referencePeriods, data.model.dates, data.model.window, period)} Every figure marked current, and the limits in multiples of current, use it.</p>
        <p className="muted">Spend per {period}, held steady. Predictions use the response curves at steady state and run in your browser.</p>
        <p className="muted small" data-testid="simulator-curves">{curveNote('expected', replicates, drawSource(data.model), gaps.point)}</p>
        {/* A geo-level run: the optimiser, the plan and the goals all take this split across geos. */}
        <GeoSplitNote model={data.model} testId="simulator-geo-split" now={optimisedNow?.allocation?.geoSplitNow ?? geoNow} />
      </div>
      {error !== null ? <div className="banner error" role="alert">{error}</div> : null}
      <div className="kpi-grid">
        <KpiCard live testId="predicted-kpi" label={`Predicted ${data.summary.target} per ${period}`} value={w ? formatCompact(w.kpi, kpiMoney(data.model.money, data.model.target.kind)) : '…'}
          hint={w && baseline ? `${formatPct((w.kpi - baseline.kpi) / baseline.kpi, true)} vs current (${formatCompact(baseline.kpi, kpiMoney(data.model.money, data.model.target.kind))})` : undefined} />
        <KpiCard live testId="predicted-roi" label={`Media ${roiName}`} value={w ? formatRoi(w.roi, '×') : '…'} hint={`media ${data.summary.target} per unit of spend`}
          note={mediaRoiNote(data.summary.target, period, blendedHeadline(executiveKpis(data.summary, data.model.target.kind), data.summary.target).label)} />
        <KpiCard testId="predicted-media" label={`Media-driven ${data.summary.target}`} value={w ? formatCompact(w.media, kpiMoney(data.model.money, data.model.target.kind)) : '…'} hint={`per ${period}`} />
        <KpiCard testId="budget-total" label={`Budget per ${period}`} value={formatCompact(total, data.model.money)} hint={`${formatPct((total - currentTotal) / currentTotal, true)} vs current ${formatCompact(currentTotal, data.model.money)}`} />
      </div>
      <Section title="Spend by channel" actions={(
        <div className="toolbar">
          <label className="inline">Total budget
            {/* Text, read with parseAmount as the spend fields: a number field would drop the k of 250k. */}
            <input type="text" inputMode="decimal" className="amount-field" value={totalEdit ? totalEdit.text : String(Math.round(total))} data-testid="total-budget" aria-label={`Total budget per ${period}`}
              aria-invalid={totalProblem !== null} aria-describedby={totalProblem !== null ? 'total-budget-problem' : undefined}
              onChange={(e) => onTotalText(e.currentTarget.value)} />
          </label>
          <button type="button" className="secondary" onClick={() => {
            // Spend, limits and locks all go back: Reset forgets the whole scenario.
            const fresh = resetScenario(store, scenarioId, names, current);
            setInputs([...fresh.inputs]); setResets(resets + 1); setSpendFromControls([...fresh.spend]);
          }} data-testid="reset-button">Reset</button>
          <button type="button" onClick={() => void optimise()} disabled={constraints === null || totalProblem !== null} data-testid="optimise-button">Optimise</button>
        </div>
      )}>
        {totalProblem !== null ? <p className="error field-problem" id="total-budget-problem" role="alert" data-testid="total-budget-problem">{totalProblem}</p> : null}
        <ChannelTable limits={limits} roiName={roiName} period={period} resets={resets} names={names} current={current} spend={spend} observedHigh={observedHigh} result={w} inputs={inputs} problems={problems}
          onSpend={(i, v) => setSpendFromControls(spend.map((x, j) => (j === i ? v : x)))}
          onInput={(i, c) => {
            // A lock taken during an edit of the total holds the spend shown, not the spend the edit began from.
            if (c.locked !== inputs[i].locked) setTotalEdit(null);
            setInputs(inputs.map((x, j) => (j === i ? c : x)));
          }} />
        <p className="muted small" data-testid="simulator-basis">{basisNote(gaps.historical, period, roiName)}</p>
        {/* Response times are for checking speed, not for the reader: kept (the browser tests read them) behind a toggle. */}
        <details className="diagnostics muted small" data-testid="timing-details"><summary>Diagnostics</summary><p className="timing">
          What-if update: <span data-testid="whatif-ms" ref={whatIfMs}>–</span> ms
          {result ? <span> (worker reply after {result.roundTrip.toFixed(1)} ms, engine {result.workerMs.toFixed(2)} ms)</span> : null} ·
          Optimise: <span data-testid="optimise-ms">{optimisedNow ? optimisedNow.ms.toFixed(1) : '–'}</span> ms
          {optimisedNow ? ` (engine ${optimisedNow.workerMs.toFixed(1)} ms)` : ''}
        </p></details>
        {controls === null ? <p className="error" data-testid="bounds-problem">Fix the limits marked in the table: Optimise, the scenarios, the plan and the ranking wait until every Min × and Max × is a number and no minimum is above its maximum.</p> : null}
        {optimisedNow ? <p className="callout" data-testid="optimise-result">{optimisedNow.text}</p> : null}
        {optimisedNow?.allocation ? <AllocationNotes allocation={optimisedNow.allocation} summary={data.summary} kind={data.model.target.kind} roiName={roiName} period={period}
          breakEven={breakEvenNow} margin={margin} money={data.model.money} how="Change Min × or Max × in the table to see where the model would stop." testId="optimise" /> : null}
        <MarginField allocation={shownAllocation} period={period} kpi={data.summary.target} text={marginText} onText={setMarginText} money={data.model.money} />
      </Section>
      <div className="grid-2">
        <Section title="Before and after" actions={
          <button type="button" className="secondary" data-testid="export-scenario-csv"
            onClick={() => { if (w) downloadText('mixwise-scenario.csv', scenarioCsv('simulator', current, w), 'text/csv'); }}>Export CSV</button>
        }>
          <EChart name="before-after" option={beforeAfter} height={320} throttleMs={150} ariaLabel="Current versus scenario spend" />
        </Section>
        <Section title="Conservative · current · aggressive">
          <EChart name="scenarios" option={scenarioOption} height={320} ariaLabel="Scenario comparison" />
          {scenarios ? <ScenarioTable points={scenarios} kpi={data.summary.target} roiName={roiName} caption={`Predicted ${data.summary.target}: ${curveBasisText('expected', replicates, drawSource(data.model))}.`}
            money={data.model.money} kpiMoney={kpiMoney(data.model.money, data.model.target.kind)} /> : null}
          {scenarios && controls === null ? <p className="muted small" data-testid="scenarios-stale">These are for the last usable limits; they update once the limits in the table are fixed.</p> : null}
        </Section>
      </div>
      {client ? (
        <PlanSection client={client} budgetPerPeriod={total} currentPerPeriod={currentTotal} constraints={constraints}
          lastDate={data.model.dates[data.model.dates.length - 1]} frequency={data.model.frequency} period={period} kpi={data.summary.target} roiName={roiName}
          replicates={replicates} source={drawSource(data.model)} currentKpi={baseline?.kpi ?? null}
          money={data.model.money} kpiMoney={kpiMoney(data.model.money, data.model.target.kind)} />
      ) : null}
      {client && baseline ? (
        <GoalSection client={client} constraints={constraints} currentTotal={currentTotal} currentKpi={baseline.kpi} currentMedia={baseline.media}
          period={period} kpi={data.summary.target} roiName={roiName} money={data.model.money} kpiMoney={kpiMoney(data.model.money, data.model.target.kind)} />
      ) : null}
      {client ? <InformationValueSection client={client} names={names} budget={total} constraints={constraints} currentKpi={baseline?.kpi ?? null} period={period} sparse={sparse} source={drawSource(data.model)} /> : null}
    </div>
  );
}

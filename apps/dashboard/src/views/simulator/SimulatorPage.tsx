import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { budgetBeforeAfter, scenarioComparison } from '@mixwise/charts';
import { DEFAULT_SCENARIO_LEVELS } from '@mixwise/contracts';
import type { AllocationResult, FrontierPoint, ResponseModel } from '@mixwise/engine';
import type { RunData } from '../../state/run-data.ts';
import { useEngine } from '../../state/engine-context.tsx';
import { EChart } from '../../components/EChart.tsx';
import { KpiCard } from '../../components/KpiCard.tsx';
import { Section } from '../../components/Section.tsx';
import { rescaleSpend, type WhatIfResult } from '../../logic/what-if.ts';
import { latestOnly } from '../../logic/latest-only.ts';
import { buildConstraints, DEFAULT_CONTROL, type ChannelControl } from '../../logic/constraints.ts';
import { scenarioCsv } from '../../logic/scenario-csv.ts';
import { formatCompact, formatPct, formatRatio } from '../../logic/format.ts';
import { periodWord } from '../../logic/periods.ts';
import { downloadText } from '../../logic/download.ts';
import { ChannelTable } from './ChannelTable.tsx';
import { ScenarioTable } from './ScenarioTable.tsx';
import { InformationValueSection } from './InformationValueSection.tsx';
import { PlanSection } from './PlanSection.tsx';

type Allocation = Extract<AllocationResult, { feasible: true }>;
const split = (names: readonly string[], values: readonly number[]) => Object.fromEntries(names.map((n, i) => [n, values[i]]));

/** The demand lead's page: move spend per channel and see the predicted KPI at once; optimise within bounds. */
export function SimulatorPage({ data }: { data: RunData }) {
  const { client, loaded } = useEngine();
  if (!client || !loaded) return <div className="loading" aria-busy="true">Starting the engine…</div>;
  return <Simulator key={loaded.runId} data={data} rm={loaded.responseModel} />;
}

function Simulator({ data, rm }: { data: RunData; rm: ResponseModel }) {
  const { client } = useEngine();
  const names = useMemo(() => rm.channels.map((c) => c.name), [rm]);
  const current = useMemo(() => rm.channels.map((c) => c.current), [rm]);
  const currentTotal = current.reduce((s, v) => s + v, 0);
  const [spend, setSpend] = useState<number[]>(current);
  const [controls, setControls] = useState<ChannelControl[]>(() => names.map(() => DEFAULT_CONTROL));
  const [result, setResult] = useState<{ r: WhatIfResult; t0: number; roundTrip: number; workerMs: number } | null>(null);
  const [baseline, setBaseline] = useState<WhatIfResult | null>(null);
  const [optimised, setOptimised] = useState<{ a: Allocation | null; message: string; ms: number; workerMs: number } | null>(null);
  const [scenarios, setScenarios] = useState<FrontierPoint[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const whatIfMs = useRef<HTMLSpanElement>(null);
  const period = periodWord(data.model.frequency);

  const submit = useMemo(() => latestOnly(async ({ s, t0 }: { s: number[]; t0: number }) => {
    if (!client) return;
    try {
      const r = await client.request({ type: 'whatIf', spend: s });
      setResult({ r: r.result, t0, roundTrip: performance.now() - t0, workerMs: r.workerMs });
    } catch (e) { setError(e instanceof Error ? e.message : String(e)); }
  }), [client]);

  useEffect(() => {
    client?.request({ type: 'whatIf', spend: current }).then((r) => { setBaseline(r.result); setResult({ r: r.result, t0: performance.now(), roundTrip: r.ms, workerMs: r.workerMs }); }, () => undefined);
  }, [client, current]);

  // Time from the slider move to the updated numbers being in the DOM.
  useLayoutEffect(() => {
    if (result && whatIfMs.current) whatIfMs.current.textContent = (performance.now() - result.t0).toFixed(1);
  }, [result]);

  const update = useCallback((next: number[]) => {
    const t0 = performance.now();
    setSpend(next);
    submit({ s: next, t0 });
  }, [submit]);

  const constraints = useMemo(() => {
    try { return buildConstraints(names, controls, spend); } catch { return null; }
  }, [names, controls, spend]);

  useEffect(() => {
    if (!client) return;
    let live = true;
    const c = buildConstraints(names, controls);
    client.request({ type: 'scenarios', levels: [DEFAULT_SCENARIO_LEVELS.conservative, DEFAULT_SCENARIO_LEVELS.current, DEFAULT_SCENARIO_LEVELS.aggressive], constraints: c })
      .then((r) => { if (live) setScenarios([...r.result]); }, () => undefined);
    return () => { live = false; };
  }, [client, names, controls]);

  const optimise = async () => {
    if (!client || !constraints) return;
    const t0 = performance.now();
    const total = spend.reduce((s, v) => s + v, 0);
    const r = await client.request({ type: 'optimize', budget: total, constraints });
    const ms = performance.now() - t0;
    if (r.result.feasible) {
      const a = r.result;
      setOptimised({ a, message: '', ms, workerMs: r.workerMs });
      update(a.channels.map((c) => c.recommended));
    } else setOptimised({ a: null, message: r.result.message, ms, workerMs: r.workerMs });
  };

  const total = spend.reduce((s, v) => s + v, 0);
  const w = result?.r ?? null;
  // Drawn from the what-if result (not the slider state), so the chart redraws in the same commit as the numbers, after they are timed.
  const beforeAfter = useMemo(() => ({ ...budgetBeforeAfter(split(names, current), split(names, w ? w.channels.map((c) => c.spend) : current)), animation: false }), [names, current, w]);
  const scenarioOption = useMemo(() => scenarios ? scenarioComparison(scenarios.map((p, i) => ({
    name: ['Conservative', 'Current', 'Aggressive'][i],
    allocation: p.result.feasible ? split(names, p.result.channels.map((c) => c.recommended)) : {},
    kpi: p.result.feasible ? p.result.expected.recommended : NaN,
    ...(p.result.feasible && p.result.budget > 0 ? { roi: p.result.media.recommended / p.result.budget } : {}),
  }))) : null, [scenarios, names]);

  return (
    <div className="stack">
      <div className="page-title">
        <h1>Budget simulator</h1>
        <p className="muted">Spend per {period}, held steady. Predictions use the fitted response curves at steady state; they run in your browser.</p>
      </div>
      {error !== null ? <div className="banner error" role="alert">{error}</div> : null}
      <div className="kpi-grid">
        <KpiCard testId="predicted-kpi" label={`Predicted ${data.summary.target} per ${period}`} value={w ? formatCompact(w.kpi) : '…'}
          hint={w && baseline ? `${formatPct((w.kpi - baseline.kpi) / baseline.kpi, true)} vs current (${formatCompact(baseline.kpi)})` : undefined} />
        <KpiCard testId="predicted-roi" label="Media ROI" value={w ? formatRatio(w.roi, '×') : '…'} hint={`media ${data.summary.target} per unit of spend`} />
        <KpiCard testId="predicted-media" label={`Media-driven ${data.summary.target}`} value={w ? formatCompact(w.media) : '…'} hint={`per ${period}`} />
        <KpiCard testId="budget-total" label={`Budget per ${period}`} value={formatCompact(total)} hint={`${formatPct((total - currentTotal) / currentTotal, true)} vs current ${formatCompact(currentTotal)}`} />
      </div>
      <Section title="Spend by channel" actions={(
        <div className="toolbar">
          <label className="inline">Total budget
            <input type="number" min={0} step={Math.round(currentTotal / 100)} value={Math.round(total)} data-testid="total-budget"
              onChange={(e) => { const v = Number(e.currentTarget.value); if (Number.isFinite(v) && v >= 0) update(rescaleSpend(spend, v)); }} />
          </label>
          <button type="button" className="secondary" onClick={() => update(current)} data-testid="reset-button">Reset</button>
          <button type="button" onClick={() => void optimise()} disabled={constraints === null} data-testid="optimise-button">Optimise</button>
        </div>
      )}>
        <ChannelTable period={period} names={names} current={current} spend={spend} result={w} controls={controls}
          onSpend={(i, v) => update(spend.map((x, j) => (j === i ? v : x)))}
          onControl={(i, c) => setControls(controls.map((x, j) => (j === i ? c : x)))} />
        <p className="timing muted small">
          What-if update: <span data-testid="whatif-ms" ref={whatIfMs}>–</span> ms
          {result ? <span> (worker reply after {result.roundTrip.toFixed(1)} ms, engine {result.workerMs.toFixed(2)} ms)</span> : null} ·
          Optimise: <span data-testid="optimise-ms">{optimised ? optimised.ms.toFixed(1) : '–'}</span> ms
          {optimised ? ` (engine ${optimised.workerMs.toFixed(1)} ms)` : ''}
        </p>
        {constraints === null ? <p className="error">A channel's minimum is above its maximum.</p> : null}
        {optimised ? (
          <p className="callout" data-testid="optimise-result">
            {optimised.a
              ? `Optimised split at ${formatCompact(optimised.a.budget)} per ${period}: ${formatPct(optimised.a.expected.liftShare, true)} ${data.summary.target} vs current split (${optimised.a.expected.lift >= 0 ? '+' : ''}${formatCompact(optimised.a.expected.lift)} per ${period}).${optimised.a.binding.length > 1 ? ` Binding: ${optimised.a.binding.filter((b) => b !== 'budget').join(', ')}.` : ''}`
              : `No allocation meets these limits: ${optimised.message}`}
          </p>
        ) : null}
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
          {scenarios ? <ScenarioTable points={scenarios} kpi={data.summary.target} /> : null}
        </Section>
      </div>
      {client ? (
        <PlanSection client={client} budgetPerPeriod={total} currentPerPeriod={currentTotal} constraints={constraints}
          lastDate={data.model.dates[data.model.dates.length - 1]} frequency={data.model.frequency} period={period} kpi={data.summary.target} />
      ) : null}
      {client ? <InformationValueSection client={client} names={names} budget={total} constraints={constraints} currentKpi={baseline?.kpi ?? null} period={period} /> : null}
    </div>
  );
}

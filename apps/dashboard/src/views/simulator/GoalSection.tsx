import { useEffect, useRef, useState } from 'react';
import { explainAllocation, type AllocationConstraints, type AllocationResult, type MoneyFormat } from '@mixwise/engine';
import type { RoiLabel } from '@mixwise/charts';
import type { EngineClient } from '../../worker/engine-client.ts';
import type { Goal } from '../../worker/protocol.ts';
import { KpiCard } from '../../components/KpiCard.tsx';
import { Section } from '../../components/Section.tsx';
import { Table } from '../../components/Table.tsx';
import { formatCompact, formatPct, formatRoi } from '../../logic/format.ts';
import { boundLabel } from '../../logic/bound-label.ts';
import { goalDefault, GOAL_CHOICES, goalOf, readGoalField } from '../../logic/goal.ts';

interface Props {
  readonly client: EngineClient;
  /** The simulator's bounds and locks (null while a bound field is invalid). */
  readonly constraints: AllocationConstraints | null;
  /** Current spend per period, all channels, and the KPI and media KPI predicted at it. */
  readonly currentTotal: number;
  readonly currentKpi: number;
  readonly currentMedia: number;
  readonly period: string;
  readonly kpi: string;
  /** What KPI ÷ spend is called for this KPI (roiLabel: 'ROI', or 'KPI per spend' for a count KPI). */
  readonly roiName: RoiLabel;
  /** The model's currency and locale (MmmModel.money) for spend, and for the KPI (kpiMoney: a revenue KPI's). */
  readonly money?: MoneyFormat;
  readonly kpiMoney?: MoneyFormat;
}

type State =
  | { readonly status: 'idle' }
  | { readonly status: 'busy' }
  | { readonly status: 'done'; readonly result: AllocationResult; readonly ms: number; readonly goal: Goal; readonly value: number }
  | { readonly status: 'error'; readonly message: string };

/**
 * "Plan to a goal": the budget questions that start from a goal instead of an amount — the least
 * budget per period that reaches a KPI target, the most spend whose media ROI stays at a target, or
 * spend while the next unit still returns a floor — answered by the engine in the worker
 * (minimumBudget / targetEfficiency, the same solvers as `mixwise optimize --target-kpi / --target-roi
 * / --target-mroi`), on the simulator's expected curves, bounds and locks. Cleared when its inputs
 * change; a reply to a request made before they changed is dropped.
 */
export function GoalSection({ client, constraints, currentTotal, currentKpi, currentMedia, period, kpi, roiName, money, kpiMoney }: Props) {
  const [goal, setGoal] = useState<Goal>('kpi');
  // The field's text, so that clearing it to type another number is not an error yet.
  const [valueText, setValueText] = useState(() => String(goalDefault('kpi', currentKpi, currentMedia, currentTotal)));
  // Read as the spend fields are (250k, 1.5): text that is not an amount is said to be so, never taken as another number.
  const { value, problem } = readGoalField(goal, valueText);
  const [state, setState] = useState<State>({ status: 'idle' });
  const generation = useRef(0);
  useEffect(() => { generation.current++; setState({ status: 'idle' }); }, [goal, value, constraints]);

  const choose = (g: Goal) => {
    setGoal(g);
    setValueText(String(goalDefault(g, currentKpi, currentMedia, currentTotal)));
  };
  const run = async () => {
    if (!constraints || value === null) return;
    const asked = generation.current;
    setState({ status: 'busy' });
    try {
      const r = await client.request({ type: 'goal', goal, value, constraints });
      if (asked === generation.current) setState({ status: 'done', result: r.result, ms: r.workerMs, goal, value });
    } catch (e) { if (asked === generation.current) setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }); }
  };
  const a = state.status === 'done' && state.result.feasible ? state.result : null;
  const label = GOAL_CHOICES.find((c) => c.value === goal)?.label(kpi, period, roiName) ?? '';

  return (
    <Section title="Plan to a goal" actions={(
      <div className="toolbar">
        <label className="inline">Goal
          <select value={goal} data-testid="goal-type" onChange={(e) => choose(goalOf(e.currentTarget.value))}>
            {GOAL_CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label(kpi, period, roiName)}</option>)}
          </select>
        </label>
        <label className="inline">{goal === 'kpi' ? `${kpi} per ${period}` : 'Return per unit of spend'}
          <input type="text" inputMode="decimal" className="amount-field" value={valueText} data-testid="goal-value"
            aria-label={label} aria-invalid={problem !== null} aria-describedby={problem !== null ? 'goal-problem' : undefined}
            onChange={(e) => setValueText(e.currentTarget.value)} />
        </label>
        <button type="button" disabled={state.status === 'busy' || constraints === null || value === null} onClick={() => void run()} data-testid="goal-button">
          {state.status === 'busy' ? 'Searching…' : 'Find the budget'}
        </button>
      </div>
    )}>
      <p className="muted small">
        Start from a goal instead of an amount: the least budget per {period} whose best split reaches a {kpi} target, the most
        spend whose media {roiName} (media {kpi} per unit of spend) stays at a target, or spend on each channel while the next unit still
        returns at least a floor (1 = break-even for revenue). The split within the budget is the best one, with the bounds and
        locks of the table above, on the same expected curves as Optimise (the mean over the bootstrap replicates).
      </p>
      {problem !== null ? <p className="error field-problem" id="goal-problem" role="alert" data-testid="goal-problem">{problem}</p> : null}
      {state.status === 'done' && !state.result.feasible ? (
        <p className="callout" data-testid="goal-text">No budget meets this goal: {state.result.message}</p>
      ) : null}
      {a ? (
        <div data-testid="goal-result">
          <div className="kpi-grid">
            <KpiCard testId="goal-budget" label={`Budget per ${period}`} value={formatCompact(a.budget, money)}
              hint={currentTotal > 0 ? `${formatPct(a.budget / currentTotal - 1, true)} vs current spend (${formatCompact(currentTotal, money)})` : undefined} />
            <KpiCard testId="goal-kpi" label={`Predicted ${kpi} per ${period}`} value={formatCompact(a.expected.recommended, kpiMoney)}
              hint={`${formatPct(a.expected.recommended / a.expected.current - 1, true)} vs current spend (${formatCompact(a.expected.current, kpiMoney)})`} />
            <KpiCard testId="goal-roi" label={`Media ${roiName}`} value={formatRoi(a.budget > 0 ? a.media.recommended / a.budget : null, '×')}
              hint={`now ${formatRoi(currentTotal > 0 ? a.media.current / currentTotal : null, '×')}`} />
          </div>
          <Table testId="goal-table" rows={a.channels} rowKey={(c) => c.channel} columns={[
            { key: 'channel', header: 'Channel', cell: (c) => c.channel },
            { key: 'current', header: `Current per ${period}`, numeric: true, cell: (c) => formatCompact(c.current, money) },
            { key: 'recommended', header: 'For the goal', numeric: true, cell: (c) => formatCompact(c.recommended, money) },
            { key: 'change', header: 'Change', numeric: true, cell: (c) => (c.current > 0 ? formatPct(c.recommended / c.current - 1, true) : '—') },
            { key: 'roi', header: `${roiName} now → then`, numeric: true, cell: (c) => `${formatRoi(c.roiCurrent)} → ${formatRoi(c.roiRecommended)}` },
            { key: 'mroi', header: 'mROI now → then', numeric: true, cell: (c) => `${formatRoi(c.mroiCurrent)} → ${formatRoi(c.mroiRecommended)}` },
            { key: 'bound', header: 'Limit', cell: (c) => boundLabel(c.status) },
          ]} />
          <p className="callout" data-testid="goal-text">
            {explainAllocation(a, { ...(state.status === 'done' && state.goal === 'kpi' ? { targetKpi: state.value } : {}), money, kpiMoney })}
          </p>
          {state.status === 'done' ? <p className="timing muted small">Found in {state.ms.toFixed(0)} ms.</p> : null}
        </div>
      ) : null}
      {state.status === 'error' ? <div className="banner error" role="alert">{state.message}</div> : null}
    </Section>
  );
}

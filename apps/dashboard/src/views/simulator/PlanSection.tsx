import { useEffect, useMemo, useRef, useState } from 'react';
import { planFlighting, type RoiLabel } from '@mixwise/charts';
import { explainPlan, planDates, type AfterPlan, type AllocationConstraints, type DrawSource, type Frequency, type MoneyFormat } from '@mixwise/engine';
import type { EngineClient } from '../../worker/engine-client.ts';
import type { PlanAnswer } from '../../worker/protocol.ts';
import { EChart } from '../../components/EChart.tsx';
import { KpiCard } from '../../components/KpiCard.tsx';
import { Section } from '../../components/Section.tsx';
import { Table } from '../../components/Table.tsx';
import { formatCompact, formatPct, formatRoi } from '../../logic/format.ts';
import { boundLabel } from '../../logic/bound-label.ts';
import { GeoSplitNowLine } from '../../components/GeoSplitNote.tsx';
import { geoSplitNowNote } from '../../logic/geo-split-now.ts';
import { planCsv } from '../../logic/plan-csv.ts';
import { downloadText } from '../../logic/download.ts';
import { AFTER_PLAN_CHOICES, afterPlanOf, afterPlanSentence } from '../../logic/after-plan.ts';
import { simulatorInfeasible } from '../../logic/infeasible-text.ts';
import { curveBasisText } from '../../logic/curve-basis.ts';
import { readPlanBudget } from '../../logic/plan-budget.ts';
import { PLAN_MODES, planRequest, planTargetText, type PlanMode } from '../../logic/plan-request.ts';

interface Props {
  readonly client: EngineClient;
  /** The simulator's total budget per period (the plan's budget defaults to it × periods). */
  readonly budgetPerPeriod: number;
  /** Current spend per period, all channels (the line the plan is drawn against). */
  readonly currentPerPeriod: number;
  /** The simulator's bounds and locks, applied in every period of the plan. */
  readonly constraints: AllocationConstraints | null;
  readonly lastDate: string;
  readonly frequency: Frequency;
  readonly period: string;
  readonly kpi: string;
  /** What KPI ÷ spend is called for this KPI (roiLabel: 'ROI', or 'KPI per spend' for a count KPI). */
  readonly roiName: RoiLabel;
  /** How many replicates the plan's range of gain comes from (0: none). */
  readonly replicates: number;
  /** What the replicates are (engine drawSource): bootstrap refits or a Bayesian fit's posterior draws. */
  readonly source: DrawSource;
  /** KPI per period at current spend (null until predicted): the KPI target field's hint. */
  readonly currentKpi: number | null;
  /** The model's currency and locale for budgets and spend, and for KPI amounts (kpiMoney: a revenue KPI's). */
  readonly money?: MoneyFormat | undefined;
  readonly kpiMoney?: MoneyFormat | undefined;
}

type State =
  | { readonly status: 'idle' }
  | { readonly status: 'busy' }
  | { readonly status: 'done'; readonly result: PlanAnswer; readonly ms: number; readonly afterPlan: AfterPlan; readonly periods: number }
  | { readonly status: 'error'; readonly message: string };

const MAX_PERIODS = 104;

/**
 * "Plan the next H weeks": a flighted plan for the next H periods (engine planVersusCurrent in the
 * worker — the plan `mixwise optimize --periods H` makes), with the carryover of the spend before it
 * and the carry-out after it, against current spend held over the same periods. The budget over the
 * plan follows the simulator's total × H until it is typed in; bounds and locks are the simulator's,
 * in every period; after the plan current spend resumes, or (a choice) every channel goes dark, as
 * `--after-plan`. Instead of a budget, a KPI target inside the plan's periods (the mode toggle): the
 * least budget whose plan reaches it (`--periods H --target-kpi Y`), shown with the CLI's words.
 * Cleared when its inputs change; a reply to a request made before they changed is dropped.
 */
export function PlanSection({ client, budgetPerPeriod, currentPerPeriod, constraints, lastDate, frequency, period, kpi, roiName, replicates, source, currentKpi, money, kpiMoney }: Props) {
  // The field's text, so that clearing it to type another number is not an error yet.
  const [periodsText, setPeriodsText] = useState('13');
  const periods = Number(periodsText);
  // The typed budget as text (null: follow the simulator), so that clearing the field to retype is not a budget of 0.
  const [budgetText, setBudgetText] = useState<string | null>(null);
  // Read as the spend fields are (2.6M, 2,600,000): text that is not an amount is said to be so, never taken as another number.
  const read = readPlanBudget(budgetText, periods * budgetPerPeriod);
  const [afterPlan, setAfterPlan] = useState<AfterPlan>('current');
  // A budget over the plan, or a KPI target inside it (the least budget that reaches it is found).
  const [mode, setMode] = useState<PlanMode>('budget');
  const [targetText, setTargetText] = useState('');
  const [state, setState] = useState<State>({ status: 'idle' });
  const budget = read.budget ?? Number.NaN;
  const validPeriods = Number.isInteger(periods) && periods >= 1 && periods <= MAX_PERIODS;
  const asked = planRequest({ mode, periods, budgetText, followed: periods * budgetPerPeriod, targetText, constraints, afterPlan }, MAX_PERIODS);
  const target = asked.request && 'targetKpi' in asked.request ? asked.request.targetKpi : null;
  // Bumped whenever an input changes: a plan that comes back for older inputs is not shown.
  const generation = useRef(0);
  useEffect(() => { generation.current++; setState({ status: 'idle' }); }, [periods, budget, constraints, afterPlan, mode, target]);
  const labels = useMemo(() => planDates(lastDate, frequency, validPeriods ? periods : 0), [lastDate, frequency, periods, validPeriods]);
  const plan = state.status === 'done' && state.result.feasible ? state.result : null;
  const option = useMemo(() => (plan ? planFlighting(labels, plan.plan.channels.map((c) => ({ name: c.channel, spend: c.spend })), currentPerPeriod) : null), [plan, labels, currentPerPeriod]);

  const run = async () => {
    const request = asked.request;
    if (request === null) return;
    const at = generation.current;
    setState({ status: 'busy' });
    try {
      const r = await client.request(request);
      if (at === generation.current) setState({ status: 'done', result: r.result, ms: r.workerMs, afterPlan, periods });
    } catch (e) { if (at === generation.current) setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }); }
  };

  return (
    <Section title={`Plan the next ${validPeriods ? periods : '…'} ${period}s`} actions={(
      <div className="toolbar">
        <label className="inline">{period[0].toUpperCase() + period.slice(1)}s
          <input type="number" min={1} max={MAX_PERIODS} step={1} value={periodsText} data-testid="plan-periods"
            onChange={(e) => setPeriodsText(e.currentTarget.value)} />
        </label>
        <label className="inline">Plan for
          <select value={mode} data-testid="plan-mode" onChange={(e) => setMode(e.currentTarget.value === 'target' ? 'target' : 'budget')}>
            {PLAN_MODES.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
          </select>
        </label>
        {mode === 'budget' ? (
          <label className="inline">Budget over the plan
            <input type="text" inputMode="decimal" className="amount-field" value={budgetText ?? String(Math.round(budget))} data-testid="plan-budget"
              aria-invalid={read.problem !== null} aria-describedby={read.problem !== null ? 'plan-budget-problem' : undefined}
              onChange={(e) => setBudgetText(e.currentTarget.value)} />
          </label>
        ) : (
          <label className="inline">{kpi} inside the plan
            <input type="text" inputMode="decimal" className="amount-field" value={targetText} data-testid="plan-target"
              placeholder={currentKpi !== null && validPeriods ? `about ${formatCompact(currentKpi * periods, kpiMoney)} now` : undefined}
              aria-invalid={asked.problem !== null} aria-describedby={asked.problem !== null ? 'plan-target-problem' : undefined}
              onChange={(e) => setTargetText(e.currentTarget.value)} />
          </label>
        )}
        <label className="inline">After the plan
          <select value={afterPlan} data-testid="plan-after" onChange={(e) => setAfterPlan(afterPlanOf(e.currentTarget.value))}>
            {AFTER_PLAN_CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </select>
        </label>
        {mode === 'budget' && budgetText !== null ? <button type="button" className="secondary" onClick={() => setBudgetText(null)}>Follow the simulator</button> : null}
        <button type="button" disabled={state.status === 'busy' || asked.request === null} onClick={() => void run()} data-testid="plan-button">
          {state.status === 'busy' ? 'Planning…' : 'Plan'}
        </button>
      </div>
    )}>
      <p className="muted small">
        Spend per {period} for each channel over the next {period}s, free to vary from one {period} to the next (flighting), with the carryover
        of the spend already in the data and the effect that lands after the plan counted: on top of current spend, which resumes after the
        plan, or (After the plan: channels go dark) with no spend after it, which favours spend late in the plan. {roiName} is what each channel's spend in the plan adds, net of the carryover it inherits: a third basis, over the plan's own flighted spend and on the point-estimate curves, so it is neither the fit's historical figure nor the steady-state one in the table above. Bounds and locks are those of the table above, in
        every {period}. A budget you type
        stays as typed when the number of {period}s changes. Plan for a KPI target instead to find the least budget whose plan
        puts that much {kpi} (baseline included) inside the {period}s, as <code>mixwise optimize --periods --target-kpi</code>: spend
        whose effect lands after the plan does not count toward it.
      </p>
      <p className="muted small" data-testid="plan-curves">
        Curves: {curveBasisText('point', replicates, source)}{replicates > 0
          ? ` (each replicate has its own carryover, so the plan does not average them), unlike the simulator above (${curveBasisText('expected', replicates, source)}): the same spend predicts a little differently here. The range of the plan's gain comes from the ${replicates} replicates.`
          : '.'}
      </p>
      {!validPeriods && periodsText !== '' ? <p className="error">The number of {period}s must be a whole number from 1 to {MAX_PERIODS}.</p> : null}
      {mode === 'target' && asked.problem !== null ? <p className="error field-problem" id="plan-target-problem" role="alert" data-testid="plan-target-problem">{asked.problem}</p> : null}
      {mode === 'budget' && read.problem !== null ? <p className="error field-problem" id="plan-budget-problem" role="alert" data-testid="plan-budget-problem">{read.problem}</p> : null}
      {state.status === 'done' && !state.result.feasible ? (
        <p className="callout" data-testid="plan-text">No plan meets these limits: {simulatorInfeasible(state.result, { field: 'plan', periods: state.periods, period })}</p>
      ) : null}
      {plan ? (
        <div data-testid="plan-result">
          <div className="kpi-grid">
            {plan.target ? (
              <KpiCard testId="plan-target-budget" label="Least budget for the target" value={formatCompact(plan.target.total, money)}
                hint={`${formatCompact(plan.plan.kpi.recommended.window, kpiMoney)} ${kpi} inside the plan vs a target of ${formatCompact(plan.target.kpi, kpiMoney)}`} />
            ) : null}
            <KpiCard testId="plan-window-lift" label={`${kpi} inside the plan`} value={formatCompact(plan.plan.kpi.recommended.window, kpiMoney)}
              hint={plan.plan.kpi.current.window !== 0 ? `${formatPct(plan.plan.kpi.lift.window / Math.abs(plan.plan.kpi.current.window), true)} vs current spend (${formatCompact(plan.plan.kpi.current.window, kpiMoney)})` : undefined} />
            <KpiCard testId="plan-carry-out" label={`${kpi} after it (carry-out)`} value={formatCompact(plan.plan.kpi.recommended.carryOut, kpiMoney)}
              hint={plan.plan.kpi.current.carryOut !== 0 ? `${formatPct(plan.plan.kpi.lift.carryOut / Math.abs(plan.plan.kpi.current.carryOut), true)} vs current spend (${formatCompact(plan.plan.kpi.current.carryOut, kpiMoney)})` : `current spend: ${formatCompact(plan.plan.kpi.current.carryOut, kpiMoney)}`} />
            <KpiCard testId="plan-lift" label="Gain over current spend, in total (inside the plan + carry-out)" value={`${plan.plan.kpi.lift.total >= 0 ? '+' : ''}${formatCompact(plan.plan.kpi.lift.total, kpiMoney)}`}
              hint={plan.liftInterval ? `90% of replicates: ${formatCompact(plan.liftInterval[0], kpiMoney)} to ${formatCompact(plan.liftInterval[1], kpiMoney)}` : `no range: ${plan.liftDraws.length} replicates (a range needs 10)`} />
          </div>
          {/* A geo-level run: the plan's geoSplitNow, on its point curves (as the API's /plan). */}
          <GeoSplitNowLine note={geoSplitNowNote(plan.geoSplitNow, replicates, source)} testId="plan-geo-split-now" />
          {option ? <EChart name="plan-flighting" option={option} height={340} ariaLabel={`Planned spend per ${period} and channel`} /> : null}
          <Table testId="plan-table" rows={plan.plan.channels} rowKey={(c) => c.channel} columns={[
            { key: 'channel', header: 'Channel', cell: (c) => c.channel },
            { key: 'current', header: 'Current spend over the plan', numeric: true, cell: (_, i) => formatCompact(plan.current.channels[i].total, money) },
            { key: 'planned', header: 'Planned', numeric: true, cell: (c) => formatCompact(c.total, money) },
            { key: 'change', header: 'Change', numeric: true, cell: (c, i) => (plan.current.channels[i].total > 0 ? formatPct(c.total / plan.current.channels[i].total - 1, true) : '—') },
            { key: 'roi', header: `${roiName} now → planned`, numeric: true, cell: (_, i) => `${formatRoi(plan.roi[i].current)} → ${formatRoi(plan.roi[i].recommended)}` },
            { key: 'mroi', header: 'mROI now → planned', numeric: true, cell: (_, i) => `${formatRoi(plan.mroi[i].current)} → ${formatRoi(plan.mroi[i].recommended)}` },
            { key: 'bound', header: 'Limit', cell: (_, i) => boundLabel(plan.bounds[i].status) },
          ]} />
          {plan.target ? <p className="callout" data-testid="plan-target-text">{planTargetText(plan.target, plan, period, state.status === 'done' ? state.afterPlan : afterPlan)}</p> : null}
          <p className="callout" data-testid="plan-text">{explainPlan(plan, source)} {afterPlanSentence(state.status === 'done' ? state.afterPlan : afterPlan, period)}</p>
          <div className="toolbar">
            <button type="button" className="secondary" data-testid="export-plan-csv"
              onClick={() => downloadText('mixwise-plan.csv', planCsv(labels, plan.plan), 'text/csv')}>Export the plan as CSV</button>
          </div>
          {state.status === 'done' ? <p className="timing muted small">Planned in {state.ms.toFixed(0)} ms.</p> : null}
        </div>
      ) : null}
      {state.status === 'error' ? <div className="banner error" role="alert">{state.message}</div> : null}
    </Section>
  );
}

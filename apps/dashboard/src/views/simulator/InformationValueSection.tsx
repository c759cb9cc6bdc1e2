import { useEffect, useMemo, useState } from 'react';
import { informationValueBars } from '@mixwise/charts';
import { drawsName, explainInformationValue, type AllocationConstraints, type DrawSource, type InformationValue } from '@mixwise/engine';
import type { EngineClient } from '../../worker/engine-client.ts';
import { EChart } from '../../components/EChart.tsx';
import { Section } from '../../components/Section.tsx';
import { formatCompact } from '../../logic/format.ts';

interface Props {
  readonly client: EngineClient;
  readonly names: readonly string[];
  /** The budget per period the question is about (the simulator's total). */
  readonly budget: number;
  readonly constraints: AllocationConstraints | null;
  /** Predicted KPI per period at the current split (scale for "negligible"). */
  readonly currentKpi: number | null;
  readonly period: string;
  /** Channels that spent in too few fitted periods: the replicates understate what is unknown about them. */
  readonly sparse: readonly string[];
  /** What the replicates are (engine drawSource): bootstrap refits or a Bayesian fit's posterior draws. */
  readonly source: DrawSource;
}

type State =
  | { readonly status: 'idle' }
  | { readonly status: 'busy' }
  | { readonly status: 'done'; readonly value: InformationValue | null; readonly budget: number; readonly ms: number }
  | { readonly status: 'error'; readonly message: string };

/**
 * "Which channel should we test next?": the value of perfect information about each channel's
 * response curve for the current budget and limits (engine informationValue over the bootstrap
 * replicates, computed in the worker on request: about a second), as a bar chart and a sentence
 * that says how far to trust it. Cleared when the budget or the limits change.
 */
export function InformationValueSection({ client, names, budget, constraints, currentKpi, period, sparse, source }: Props) {
  const [state, setState] = useState<State>({ status: 'idle' });
  useEffect(() => setState((s) => (s.status === 'busy' ? s : { status: 'idle' })), [budget, constraints]);
  const option = useMemo(() => (state.status === 'done' && state.value ? informationValueBars(state.value, names) : null), [state, names]);

  const run = async () => {
    if (!constraints) return;
    setState({ status: 'busy' });
    try {
      const r = await client.request({ type: 'informationValue', budget, constraints });
      setState({ status: 'done', value: r.result, budget, ms: r.workerMs });
    } catch (e) { setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }); }
  };

  return (
    <Section title="Which channel to test next?" actions={
      <button type="button" className="secondary" disabled={state.status === 'busy' || constraints === null} onClick={() => void run()} data-testid="information-value-button">
        {state.status === 'busy' ? 'Computing…' : 'Rank channels'}
      </button>
    }>
      <p className="muted small">
        How much KPI per {period} the budget decision would gain if a channel's true response curve were known — for example from a lift test — judged by the spread of the {drawsName(source).plural}.
      </p>
      {state.status === 'done' && state.value === null ? (
        <p className="muted" data-testid="information-value-text">This model has no bootstrap replicates, so there is no spread to judge the value of an experiment by (fit with bootstrap replicates).</p>
      ) : null}
      {state.status === 'done' && state.value ? (
        <div data-testid="information-value">
          {option ? <EChart name="information-value" option={option} height={80 + 40 * names.length} ariaLabel="Value of learning each channel's curve" /> : null}
          <p className="callout" data-testid="information-value-text">
            At {formatCompact(state.budget)} per {period}: {explainInformationValue(state.value, currentKpi ?? 0, source, sparse)}
          </p>
          <p className="timing muted small">Computed in {state.ms.toFixed(0)} ms over {state.value.replicates} replicates.</p>
        </div>
      ) : null}
      {state.status === 'error' ? <div className="banner error" role="alert">{state.message}</div> : null}
    </Section>
  );
}

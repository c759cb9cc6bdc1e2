import type { AllocationResult } from '@mixwise/engine';
import { formatCompact, formatPct } from './format.ts';
import type { LiftUncertainty } from './lift-uncertainty.ts';

/** A KPI change per period and as a share of the KPI it is measured from. */
export interface Gain {
  readonly gain: number;
  readonly share: number | null;
}

/** What an optimisation in the simulator gained, and the sentence that says it. */
export interface OptimiseSummary {
  /** Recommended vs the user's split at the same budget: what re-splitting alone gains. */
  readonly reSplit: Gain;
  /** Recommended vs current spend (the engine's expected lift); null when the user's split was current spend. */
  readonly vsCurrent: Gain | null;
  /** The 5–95 % range per period of the gain vs current spend across the replicate models (null without one). */
  readonly vsCurrentInterval: readonly [number, number] | null;
  readonly text: string;
}

/** A feasible allocation. */
export type Allocation = Extract<AllocationResult, { feasible: true }>;

const signed = (v: number) => `${v >= 0 ? '+' : ''}${formatCompact(v)}`;
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The simulator's message after Optimise. The engine's `expected.lift` compares the recommendation
 * with current spend, which credits a budget change to the re-split when the simulated total is not
 * the current one; so the gain from re-splitting is measured against the user's own split at the
 * same budget, and the change vs current spend is said separately, split into the part the new
 * budget (with the user's split) brings and the part the re-split adds. With `lift`, the optimizer's
 * sentence on the range of the gain vs current spend across the replicates follows, as the API's and
 * the CLI's recommendation says it (so that a gain the data do not settle does not read as a sure one).
 * @param a the engine's allocation at the simulated total
 * @param userSpend [nChannels] the spend per period the user had when Optimise was pressed (Σ = a.budget)
 * @param userKpi the predicted KPI per period at userSpend, on the same curves as `a`
 * @param kpi the KPI's name, e.g. 'revenue'
 * @param period the word for one period, e.g. 'week'
 * @param lift the interval of `a`'s lift over current spend and its sentence (liftUncertainty), when known
 * @example optimiseSummary(alloc, [300000, 300000], 2.9e6, 'revenue', 'week').reSplit.gain // alloc.expected.recommended − 2.9e6
 */
export function optimiseSummary(a: Allocation, userSpend: readonly number[], userKpi: number, kpi: string, period: string, lift?: LiftUncertainty): OptimiseSummary {
  const reSplit: Gain = { gain: a.expected.recommended - userKpi, share: userKpi !== 0 ? (a.expected.recommended - userKpi) / Math.abs(userKpi) : null };
  const isCurrent = a.channels.every((c, i) => close(c.current, userSpend[i]));
  const vsCurrent: Gain | null = isCurrent ? null : { gain: a.expected.lift, share: a.expected.liftShare };
  const head = `Optimised split at ${formatCompact(a.budget)} per ${period}: `;
  let text: string;
  if (vsCurrent === null) {
    text = `${head}${formatPct(reSplit.share, true)} ${kpi} vs the current split (${signed(reSplit.gain)} per ${period}).`;
  } else if (close(a.budget, a.currentBudget)) {
    text = `${head}${formatPct(reSplit.share, true)} ${kpi} vs your split (${signed(reSplit.gain)} per ${period}); `
      + `${formatPct(vsCurrent.share, true)} vs the current split (${signed(vsCurrent.gain)} per ${period}).`;
  } else {
    const fromBudget = userKpi - a.expected.current;
    text = `${head}${formatPct(reSplit.share, true)} ${kpi} vs your split at that budget (${signed(reSplit.gain)} per ${period}), the gain from re-splitting alone. `
      + `Vs current spend (${formatCompact(a.currentBudget)} per ${period}): ${formatPct(vsCurrent.share, true)} (${signed(vsCurrent.gain)} per ${period}), `
      + `${signed(fromBudget)} of it from the new budget with your split and ${signed(reSplit.gain)} from the re-split.`;
  }
  const binding = a.binding.filter((b) => b !== 'budget');
  if (binding.length > 0) text += ` Binding: ${binding.join(', ')}.`;
  if (lift && lift.sentence !== '') text += ` ${lift.sentence}`;
  return { reSplit, vsCurrent, vsCurrentInterval: lift?.interval ?? null, text };
}

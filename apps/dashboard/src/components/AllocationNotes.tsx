import type { AllocationResult, MoneyFormat, SummaryResult } from '@mixwise/engine';
import { limitMoves, limitSentence, unsettledGrowSentence } from '../logic/limit-moves.ts';
import { breakEvenText } from '../logic/break-even.ts';

interface Props {
  readonly allocation: Extract<AllocationResult, { feasible: true }>;
  readonly summary: SummaryResult;
  readonly kind: 'revenue' | 'count' | undefined;
  readonly roiName: string;
  readonly period: string;
  /** The break-even budget per period under the same limits ('none': past it even at the lowest spend; null: not known). */
  readonly breakEven: number | 'none' | null;
  /** The gross margin set on the page (value of one unit of KPI), null or absent when none: break-even is then at marginal ROI 1/margin. */
  readonly margin?: number | null;
  /** What the reader can do about a move a limit decided. */
  readonly how: string;
  /** The model's currency and locale (MmmModel.money), for the break-even budget. */
  readonly money?: MoneyFormat | undefined;
  /** Prefix of the test ids, e.g. 'optimise' → optimise-limits, optimise-unsettled, optimise-break-even. */
  readonly testId: string;
}

/**
 * What an optimiser's answer does not say by itself: which moves a limit decided (not the model),
 * which grown channels the data do not show to return anything, and that the last units are past
 * break-even (with a margin: they earn less than they cost; without, for revenue: revenue break-even). Nothing when none applies.
 */
export function AllocationNotes({ allocation, summary, kind, roiName, period, breakEven, margin = null, how, testId, money }: Props) {
  const notes = [
    { id: 'limits', text: limitSentence(limitMoves(allocation), how) },
    { id: 'unsettled', text: unsettledGrowSentence(allocation, summary, roiName) },
    { id: 'break-even', text: breakEvenText(allocation, kind, summary.target, period, breakEven, margin, money) },
  ].filter((n) => n.text !== '');
  if (notes.length === 0) return null;
  return (
    <ul className="allocation-notes">
      {notes.map((n) => <li key={n.id} data-testid={`${testId}-${n.id}`}>{n.text}</li>)}
    </ul>
  );
}

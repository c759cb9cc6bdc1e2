import type { AllocationResult, MoneyFormat } from '@mixwise/engine';
import { formatCompact } from '../../logic/format.ts';
import { profitView, readMargin } from '../../logic/margin.ts';

interface Props {
  /** The last Optimise while its inputs are unchanged (null otherwise, or when it was infeasible). */
  readonly allocation: Extract<AllocationResult, { feasible: true }> | null;
  readonly period: string;
  readonly kpi: string;
  /** The model's currency and locale (MmmModel.money): profit after media spend is money whatever the KPI. */
  readonly money?: MoneyFormat | undefined;
  /** The field's text, held by the page (its break-even note uses the margin too). */
  readonly text: string;
  readonly onText: (text: string) => void;
}

/**
 * "Gross margin" (optional, as `mixwise optimize --margin`): what one unit of KPI is worth; with it,
 * the last Optimise is also shown as gross profit after media spend per period, current spend versus
 * the recommendation, with the engine's sentence on whether the next unit of budget pays for itself.
 */
export function MarginField({ allocation, period, kpi, text, onText, money }: Props) {
  const { margin, problem } = readMargin(text);
  const view = margin !== null && allocation ? profitView(margin, allocation) : null;
  const signed = (v: number) => `${v >= 0 ? '+' : ''}${formatCompact(v, money)}`;
  return (
    <div className="stack" data-testid="margin-section">
      <div className="toolbar">
        <label className="inline">Gross margin (value of one unit of {kpi})
          <input type="text" inputMode="decimal" className="amount-field" value={text} placeholder="e.g. 0.3" data-testid="margin"
            aria-invalid={problem !== null} aria-describedby={problem !== null ? 'margin-problem' : undefined}
            onChange={(e) => onText(e.currentTarget.value)} />
        </label>
        {margin !== null && !allocation ? <span className="muted small">Optimise to see gross profit before and after.</span> : null}
      </div>
      {problem !== null ? <p className="error field-problem" id="margin-problem" role="alert" data-testid="margin-problem">{problem}</p> : null}
      {view ? (
        <p className="callout" data-testid="profit-result">
          Gross profit after media spend per {period}: <span data-testid="profit-current">{formatCompact(view.profit.current, money)}</span> at current spend,{' '}
          <span data-testid="profit-recommended">{formatCompact(view.profit.recommended, money)}</span> recommended ({signed(view.profit.lift)}).{' '}
          <span data-testid="profit-text">{view.text}</span>
        </p>
      ) : null}
    </div>
  );
}

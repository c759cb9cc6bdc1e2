import { profit, profitText, type MoneyFormat } from '@mixwise/engine';
import type { OptimizationOutput } from './optimize-output.ts';

/**
 * --margin: the recommendation seen as gross profit after media spend (engine profit, profitText):
 * optimization.json gains `margin` and `profit`, and the paragraph a sentence saying whether the next
 * unit of budget pays for itself at that margin (steady state) and where profit is greatest. The
 * allocation is unchanged: --target-mroi 1/margin is the profit-maximising request.
 * @param out a feasible result of runOptimize
 * @param margin value of one unit of KPI in the spend's currency (> 0)
 * @param money the spend's currency and locale, for the profits in the sentence
 * @example withMargin(out, 0.3).profit // { current: …, recommended: …, lift: … }
 */
export function withMargin(out: OptimizationOutput, margin: number, money?: MoneyFormat): OptimizationOutput {
  const p = profit(margin, out.expected, { current: out.current_budget, recommended: out.budget });
  const text = profitText(margin, p, out.mode === 'steady-state' ? out.multiplier : null, out.mode === 'plan' ? 'over the plan' : 'per period', undefined, money);
  return { ...out, margin, profit: p, recommendation: out.recommendation + text };
}

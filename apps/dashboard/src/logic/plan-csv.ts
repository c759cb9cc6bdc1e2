import type { PlanResult } from '@mixwise/engine';
import { csvField } from './scenario-csv.ts';

/**
 * A multi-period plan as CSV for the people who book the media (RFC 4180, CRLF line ends): one row
 * per period with its start date and the spend of every channel, then the period's total.
 * @param periods [H] period labels (planDates); a period without one is written '+h'
 * @param plan the plan
 * @example planCsv(['2025-01-06'], plan).split('\r\n')[0] // 'period,tv,search,total'
 */
export function planCsv(periods: readonly string[], plan: PlanResult): string {
  const rows: (string | number)[][] = [['period', ...plan.channels.map((c) => c.channel), 'total']];
  for (let h = 0; h < plan.periods; h++) rows.push([periods[h] ?? `+${h + 1}`, ...plan.channels.map((c) => c.spend[h]), plan.budgetPerPeriod[h]]);
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

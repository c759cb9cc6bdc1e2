import type { WhatIfResult } from './what-if.ts';

/** Quote a CSV field when it holds a comma, quote or line break (RFC 4180, section 2). */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A budget scenario as CSV (RFC 4180, CRLF line ends): one row per channel with current and
 * scenario spend per period, the change, and the scenario's predicted KPI, ROI and marginal ROI;
 * then a TOTAL row (its KPI column is baseline + media, the predicted KPI per period).
 * @param name scenario name written in the first column
 * @param current [nChannels] current spend per period
 * @param scenario the what-if result of the scenario
 * @example scenarioCsv('plan', [1], result).split('\r\n')[0] // 'scenario,channel,current_spend,scenario_spend,change,predicted_kpi,roi,mroi'
 */
export function scenarioCsv(name: string, current: readonly number[], scenario: WhatIfResult): string {
  const rows: (string | number | null)[][] = [['scenario', 'channel', 'current_spend', 'scenario_spend', 'change', 'predicted_kpi', 'roi', 'mroi']];
  scenario.channels.forEach((c, i) => rows.push([name, c.channel, current[i], c.spend, c.spend - current[i], c.response, c.roi, c.mroi]));
  const curTotal = current.reduce((s, v) => s + v, 0);
  rows.push([name, 'TOTAL', curTotal, scenario.totalSpend, scenario.totalSpend - curTotal, scenario.kpi, scenario.roi, null]);
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

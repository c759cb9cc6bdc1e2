import { fittedRows, observedSpendRange, sparseDataText, type MmmModel, type ResponseModel, type SpendRange } from '@mixwise/engine';
import type { ReportOptimization } from './report-run.ts';

/**
 * The sparse-channel caution of a computed recommendation (engine sparseDataText, the optimizer's
 * words): from the response model's observed ranges (responseModelFromMmm sets `observed.sparse` for a
 * channel that spent in too few fitted periods); '' when no channel is sparse.
 * @example computedSparseText(responseModelFromMmm(model)) // ' Few periods of data: tv spent in only 3 of the 156 fitted periods, so …'
 */
export function computedSparseText(response: Pick<ResponseModel, 'channels'>): string {
  return sparseDataText(response.channels.map((c) => ({ channel: c.name, dataRange: c.observed ?? null })));
}

/**
 * The sparse-channel caution of a restated optimization.json, from each allocation row's
 * `sparse_data` ({ periods_with_spend, fitted_periods, reason }) and `data_range`, in the words the
 * optimizer used when it wrote the file (sparseDataText). optimization.json does not keep when a
 * 'launched' channel first spent: it is taken from the model's own range of that channel when the
 * counts agree, else the channel is described by its count alone ('spent in only 8 of the 156 …').
 * @param model the run's model (for a launched channel's first spending period)
 * @param optimization optimization.json as read
 * @example restatedSparseText(model, { …, allocation: [{ channel: 'tv', …, sparse_data: { periods_with_spend: 3, fitted_periods: 156, reason: 'few' } }] })
 * // ' Few periods of data: tv spent in only 3 of the 156 fitted periods, so …'
 */
export function restatedSparseText(model: MmmModel, optimization: Pick<ReportOptimization, 'allocation'>): string {
  return sparseDataText(optimization.allocation.map((a) => {
    const s = a.sparse_data;
    if (s === undefined) return { channel: a.channel, dataRange: null };
    const [low, high] = a.data_range ?? [0, 0];
    const first = s.reason === 'launched' ? launchedFirst(model, a.channel, s.periods_with_spend, s.fitted_periods) : null;
    const kind = s.reason === 'launched' && first === null ? 'few' as const : s.reason;
    const dataRange: SpendRange = { low, high, sparse: { active: s.periods_with_spend, periods: s.fitted_periods, first, kind } };
    return { channel: a.channel, dataRange };
  }));
}

/** The fitted-row offset at which a launched channel first spent, from the model, when its counts match optimization.json's; else null. */
function launchedFirst(model: MmmModel, channel: string, active: number, periods: number): number | null {
  const ch = model.channels.find((c) => c.name === channel);
  if (ch === undefined) return null;
  const { start, end } = fittedRows(model);
  const sparse = observedSpendRange(ch, start, end).sparse;
  return sparse?.kind === 'launched' && sparse.active === active && sparse.periods === periods ? sparse.first : null;
}

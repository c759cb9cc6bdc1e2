import type { ChannelColumn, MediaBasis, ModelingTable } from '@mixwise/engine';
import type { Issue } from '../issue.ts';
import { makeIssue } from './make-issue.ts';

/**
 * Channels whose spend does not vary over the fitted rows (the window without the holdout): with no
 * variation the model cannot attribute anything to them, and the fit's quadratic program fails (not
 * positive definite). Evaluated on the rows fitted, since a channel may vary only outside --start/--end.
 * @param table the modeling table
 * @param rows the fitted rows [start, end)
 * @param file the data file, for the issue location
 * @param onExposure channels modelled on their exposure (modelledOnExposure): the model sees their exposure,
 *   so it is the exposure that must vary (a fixed fee buying varying impressions is fine)
 * @returns one NO_SPEND_VARIATION error per such channel
 * @example spendVariationIssues(table, { start: 0, end: 52 }, 'data.csv').map((i) => i.at.column) // ['ooh_spend']
 */
export function spendVariationIssues(table: ModelingTable, rows: { start: number; end: number }, file: string, onExposure: readonly string[] = []): Issue[] {
  const from = table.dates[rows.start];
  const to = table.dates[rows.end - 1];
  const out: Issue[] = [];
  for (const c of table.channels) {
    const x = onExposure.includes(c.name) ? c.exposure : undefined;
    const v = x ?? c.spend;
    const first = v[rows.start];
    let varies = false;
    for (let t = rows.start + 1; t < rows.end && !varies; t++) varies = v[t] !== first;
    if (varies) continue;
    out.push(x !== undefined
      ? makeIssue('NO_SPEND_VARIATION', 'error',
        `channel "${c.name}" has the same exposure (${first}) in every fitted period (${from} … ${to}) and is modelled on exposure: without variation its effect cannot be attributed`,
        'model it on spend (media: spend, or --media spend) if its spend varies, remove it from the channels, or widen the modeling window (--start/--end, --holdout)',
        { file, column: c.exposureColumn ?? c.column })
      : makeIssue('NO_SPEND_VARIATION', 'error',
        `channel "${c.name}" spends the same amount (${first}) in every fitted period (${from} … ${to}): without variation its effect cannot be attributed`,
        'remove it from the channels (--channels, or columns.channels in the config), or widen the modeling window (--start/--end, --holdout) to periods where its spend varies',
        { file, column: c.column }));
  }
  return out;
}

/**
 * The channels the fit models on their exposure: those with an exposure series whose media basis is
 * 'exposure' — --media first, else the config channel's `media:`, else the config's model.media (as the
 * fit's spec resolves it).
 * @example modelledOnExposure(table.channels, { flag: 'exposure' }) // ['tv'] when only tv has an exposure column
 */
export function modelledOnExposure(channels: readonly ChannelColumn[], basis: { flag?: MediaBasis; model?: MediaBasis; channels?: readonly { name: string; media?: MediaBasis }[] }): string[] {
  return channels.filter((c) => c.exposure !== undefined
    && (basis.flag ?? basis.channels?.find((k) => k.name === c.name)?.media ?? basis.model ?? 'spend') === 'exposure').map((c) => c.name);
}

import type { MmmModel, ModelChannel } from '../model/mmm-model.ts';
import { decompose } from './decomposition.ts';
import { channelActualSpend } from '../model/actual-spend.ts';
import { channelContribution } from '../model/channel-response.ts';
import { replicateModels } from '../model/replicate-models.ts';
import { interval90 } from './interval90.ts';

/** A channel's contribution, spend and ROI over the periods a refresh added (newPeriodsRoi). */
export interface NewPeriodsChannel {
  readonly name: string;
  readonly spend: number;
  readonly contribution: number;
  /** contribution / spend; null without spend in those periods. */
  readonly roi: number | null;
  /**
   * 90% interval of that ROI over the model's bootstrap replicates (ridge) or posterior draws (bayes),
   * as summary.json's roi_interval over the whole window; null without spend in those periods or with
   * fewer than MIN_REPLICATES replicates. Absent in summaries written before it existed.
   */
  readonly roi_interval?: readonly [number, number] | null;
}

/** What the new periods of a refresh earned per channel. */
export interface NewPeriodsRoi {
  /** First and last date of the periods counted; null when there is none. */
  readonly first_date: string | null;
  readonly last_date: string | null;
  readonly periods: number;
  readonly channels: readonly NewPeriodsChannel[];
}

/**
 * Whether a table of the new periods gets a 90% interval column: some channel has an interval. Null
 * everywhere (no replicates, too few, no spend) or absent (older summaries) gives no column, so no
 * caption claims intervals over dashes. The CLI, the report and the dashboard all ask this.
 * @example newPeriodsHaveIntervals({ channels: [{ roi_interval: null }] }) // false
 */
export function newPeriodsHaveIntervals(n: { readonly channels: readonly Pick<NewPeriodsChannel, 'roi_interval'>[] }): boolean {
  return n.channels.some((c) => c.roi_interval != null);
}

/**
 * Each channel's contribution and ROI over the fitted rows dated after `after` (the previous window's
 * last date), from the model's decomposition: what the new periods of a refresh earned, beside the
 * whole window's ROI (Robyn's refresh report does the same). Rows of the window only, holdout included,
 * as the summary's ROI counts them; spend is the channel's actual spend (media.spend when on exposure).
 * The interval recomputes the same ratio under each replicate's curves and coefficient
 * (replicateModels: the stored bootstrap replicates or posterior draws) and takes interval90 of them,
 * as the summary's roi_interval does over the whole window.
 * @param model the refreshed model
 * @param after the previous model's last window date (ISO); rows dated later count
 * @example newPeriodsRoi(model, '2023-12-25').channels[0].roi // tv's contribution / spend over 2024-01-01 … the window's end
 */
export function newPeriodsRoi(model: MmmModel, after: string): NewPeriodsRoi {
  const d = decompose(model);
  const rows: number[] = [];
  for (let t = model.window.start; t < model.window.end; t++) if (model.dates[t] > after) rows.push(t);
  const replicates = rows.length === 0 ? [] : replicateModels(model);
  const channels = model.channels.map((c, k) => {
    const values = d.components.find((x) => x.group === 'media' && x.name === c.name)?.values;
    const spendRow = channelActualSpend(c);
    let spend = 0, contribution = 0;
    for (const t of rows) { spend += spendRow[t]; contribution += values?.[t] ?? 0; }
    const draws = spend > 0 ? replicates.map((r) => rowsContribution(r.channels[k], rows) / spend) : [];
    return { name: c.name, spend, contribution, roi: spend > 0 ? contribution / spend : null, roi_interval: spend > 0 ? interval90(draws) : null };
  });
  return { first_date: model.dates[rows[0]] ?? null, last_date: model.dates[rows[rows.length - 1]] ?? null, periods: rows.length, channels };
}

/** A channel's contribution summed over the rows. */
function rowsContribution(ch: ModelChannel, rows: readonly number[]): number {
  const c = channelContribution(ch);
  let s = 0;
  for (const t of rows) s += c[t];
  return s;
}

import type { MmmModel } from '../model/mmm-model.ts';
import { decompose } from './decomposition.ts';
import { channelActualSpend } from '../model/actual-spend.ts';

/** A channel's contribution, spend and ROI over the periods a refresh added (newPeriodsRoi). */
export interface NewPeriodsChannel {
  readonly name: string;
  readonly spend: number;
  readonly contribution: number;
  /** contribution / spend; null without spend in those periods. A point estimate (no interval). */
  readonly roi: number | null;
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
 * Each channel's contribution and ROI over the fitted rows dated after `after` (the previous window's
 * last date), from the model's decomposition: what the new periods of a refresh earned, beside the
 * whole window's ROI (Robyn's refresh report does the same). Rows of the window only, holdout included,
 * as the summary's ROI counts them; spend is the channel's actual spend (media.spend when on exposure).
 * @param model the refreshed model
 * @param after the previous model's last window date (ISO); rows dated later count
 * @example newPeriodsRoi(model, '2023-12-25').channels[0].roi // tv's contribution / spend over 2024-01-01 … the window's end
 */
export function newPeriodsRoi(model: MmmModel, after: string): NewPeriodsRoi {
  const d = decompose(model);
  const rows: number[] = [];
  for (let t = model.window.start; t < model.window.end; t++) if (model.dates[t] > after) rows.push(t);
  const channels = model.channels.map((c) => {
    const values = d.components.find((x) => x.group === 'media' && x.name === c.name)?.values;
    const spendRow = channelActualSpend(c);
    let spend = 0, contribution = 0;
    for (const t of rows) { spend += spendRow[t]; contribution += values?.[t] ?? 0; }
    return { name: c.name, spend, contribution, roi: spend > 0 ? contribution / spend : null };
  });
  return { first_date: model.dates[rows[0]] ?? null, last_date: model.dates[rows[rows.length - 1]] ?? null, periods: rows.length, channels };
}

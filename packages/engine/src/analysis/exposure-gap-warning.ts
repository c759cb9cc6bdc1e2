import type { MmmModel } from '../model/mmm-model.ts';
import { exposureGaps } from '../fit/media-input.ts';
import { fittedRows } from '../spec/fitted-rows.ts';

/** More window periods than this with spend but no exposure (or the reverse) are warned about; a few are ordinary (a late invoice). */
export const EXPOSURE_GAP_MAX = 3;

/**
 * The EXPOSURE_GAPS message of a channel modelled on exposure whose spend and exposure disagree on
 * whether it ran in more than EXPOSURE_GAP_MAX fitted periods, naming the first dates; null otherwise.
 * Such a period's cost per exposure is not the window's average (money billed for nothing seen, or
 * exposure recorded without cost), so the conversion to money is off there.
 * @example exposureGapText(model, 0) // 'tv was modelled on its exposure (tv_impressions), but in 5 fitted periods …'
 */
export function exposureGapText(model: MmmModel, c: number): string | null {
  const ch = model.channels[c];
  if (ch.media === undefined) return null;
  const rows = fittedRows(model);
  const k = ch.media.costPerUnit;
  const exposure = ch.spend.map((e) => e / k);
  const gaps = exposureGaps(ch.media.spend, exposure, model.dates, rows.start, rows.end);
  if (gaps.length <= EXPOSURE_GAP_MAX) return null;
  const shown = gaps.slice(0, 5).join(', ') + (gaps.length > 5 ? ` and ${gaps.length - 5} more` : '');
  return `${ch.name} was modelled on its exposure (${ch.media.column}), but in ${gaps.length} fitted periods one of its spend and its exposure is 0 and the other is not (${shown}): `
    + 'there its cost per exposure is not the window\'s average, so check both columns for gaps (a missing impressions export, a late invoice) or model it on spend (media: spend)';
}

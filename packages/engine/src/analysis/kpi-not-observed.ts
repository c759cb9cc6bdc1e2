import type { MmmModel } from '../model/mmm-model.ts';
import { missingRows } from '../spec/observed-rows.ts';
import { fittedRows } from '../spec/fitted-rows.ts';
import { periodWord } from '../text/period-word.ts';
import { effectTiming } from './effect-timing.ts';

/** Share of the fitted periods without a KPI above which KPI_NOT_OBSERVED adds a caution. */
export const MISSING_KPI_SHARE_LIMIT = 0.1;

/** How many dates of the missing periods the message lists before '…'. */
const LISTED_DATES = 6;

/** The longest run of consecutive rows in an increasing list of rows. */
function longestRun(rows: readonly number[]): number {
  let best = 0, run = 0;
  rows.forEach((t, i) => { run = i > 0 && t === rows[i - 1] + 1 ? run + 1 : 1; best = Math.max(best, run); });
  return best;
}

/**
 * The KPI_NOT_OBSERVED warning's message, or null when every window period has a KPI: how many
 * window periods had no KPI and were left out of the fit (their dates, the first LISTED_DATES), that
 * their contributions are the model's estimates, and a caution when more than
 * MISSING_KPI_SHARE_LIMIT of the fitted periods are missing or when a missing stretch is longer than
 * the slowest channel's carryover (its lag_90 + 1 periods, effectTiming): spend at the start of such a
 * stretch has 90% of its effect inside it, which the KPI never shows.
 * @example kpiNotObservedMessage(model) // '3 of the 156 periods of the window have no KPI (2023-03-06, …) and were left out of the fit and its metrics: …'
 */
export function kpiNotObservedMessage(model: Pick<MmmModel, 'actual' | 'dates' | 'window' | 'holdout' | 'channels' | 'frequency'>): string | null {
  const { start, end } = model.window;
  const missing = missingRows(model.actual, start, end);
  if (missing.length === 0) return null;
  const word = periodWord(model.frequency);
  const dates = missing.slice(0, LISTED_DATES).map((t) => model.dates[t]).join(', ') + (missing.length > LISTED_DATES ? ', …' : '');
  const rows = fittedRows(model);
  const fitted = rows.end - rows.start;
  const missingFitted = missing.filter((t) => t < rows.end).length;
  const carryover = model.channels.reduce((m, ch) => Math.max(m, effectTiming(ch.adstock, ch.maxLag).lag90 + 1), 0);
  const stretch = longestRun(missing);
  const why = [
    ...(fitted > 0 && missingFitted / fitted > MISSING_KPI_SHARE_LIMIT ? [`${Math.round((100 * missingFitted) / fitted)}% of the fitted periods have no KPI`] : []),
    ...(model.channels.length > 0 && stretch > carryover
      ? [`a stretch of ${stretch} ${word}s without KPI is longer than the slowest channel's carryover (${carryover} ${word}${carryover === 1 ? '' : 's'}), so the effect of spend early in it is never seen in the KPI`]
      : []),
  ];
  const caution = why.length === 0 ? '' : `; ${why.join(' and ')}: treat the channels' figures for those periods with care`;
  return `${missing.length} of the ${end - start} periods of the window have no KPI (${dates}) and were left out of the fit and its metrics: `
    + `their contributions and fitted values are the model's estimates, not checked against the KPI${caution}`;
}

/** How often a channel spent over a run of rows. */
export interface SpendActivity {
  /** Rows with spend > 0. */
  readonly active: number;
  /** Rows looked at. */
  readonly periods: number;
  /** Offset (from the first row looked at) of the first row with spend, null when none has. */
  readonly first: number | null;
}

/**
 * Why a channel's spend cannot identify its response at a sustained level, or null:
 * 'launched': it first spent in the last SPARSE_SHARE of the rows (or SPARSE_MIN_PERIODS); 'few': it
 * spent in fewer than that many of them (also none).
 */
export type SparseKind = 'few' | 'launched';

/** A channel that spends in fewer than this share of the fitted periods (or SPARSE_MIN_PERIODS) is sparse. */
export const SPARSE_SHARE = 0.1;
/** …and in fewer than this many periods, whatever the share. */
export const SPARSE_MIN_PERIODS = 8;

/**
 * Count the rows [start, end) in which a channel spent.
 * @example spendActivity([0, 5, 0, 3], 0, 4) // { active: 2, periods: 4, first: 1 }
 */
export function spendActivity(spend: ArrayLike<number>, start: number, end: number): SpendActivity {
  let active = 0, first: number | null = null;
  for (let t = start; t < end; t++) {
    if (!(spend[t] > 0)) continue;
    active++;
    first ??= t - start;
  }
  return { active, periods: end - start, first };
}

/**
 * Whether a channel spent too rarely for its response at a sustained spend to be identified:
 * the data then show its KPI at zero and during a handful of bursts, and any level in between is the
 * fitted curve's guess. The threshold is max(SPARSE_MIN_PERIODS, SPARSE_SHARE · periods) rows:
 * 'launched' when its first spend falls within that many of the end, 'few' when it spent in fewer
 * rows than that; either only when it was dark in at least half the rows (in a data set shorter
 * than the threshold, a channel that always spent is not sparse). Flighted channels (dark every other few weeks, on in a third or more of the periods)
 * and event-like channels with dozens of bursts stay clear of it.
 * @example sparseSpend({ active: 3, periods: 156, first: 49 }) // 'few'
 * @example sparseSpend({ active: 8, periods: 156, first: 148 }) // 'launched'
 * @example sparseSpend({ active: 78, periods: 156, first: 0 }) // null
 */
export function sparseSpend(a: SpendActivity): SparseKind | null {
  const threshold = Math.max(SPARSE_MIN_PERIODS, SPARSE_SHARE * a.periods);
  // Dark for most of the history (so a short data set where the channel always spent is not flagged).
  const mostlyDark = a.active <= a.periods / 2;
  if (a.first !== null && a.first > 0 && a.first >= a.periods - threshold && mostlyDark) return 'launched';
  return a.active < threshold && mostlyDark ? 'few' : null;
}

/**
 * The words for a sparse channel's spend, shared by the fit warning and the optimizer's caution.
 * @example sparseSpendText('tv', { active: 3, periods: 156, first: 49 }, 'few') // 'tv spent in only 3 of the 156 fitted periods'
 */
export function sparseSpendText(channel: string, a: SpendActivity, kind: SparseKind): string {
  if (a.active === 0) return `${channel} has no spend in any of the ${a.periods} fitted periods`;
  if (kind === 'launched') return `${channel} first spent in the last ${a.periods - (a.first ?? 0)} of the ${a.periods} fitted periods (spend in ${a.active} of them)`;
  return `${channel} spent in only ${a.active} of the ${a.periods} fitted periods`;
}

/** What to do about a sparse channel, the end of both the fit warning and the optimizer's caution. */
export const SPARSE_SPEND_ADVICE = 'run a lift test at the level you plan to spend, wait for more history, or model its bursts as an event';

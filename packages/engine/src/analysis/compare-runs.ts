import { roiDecimals } from '../text/roi-decimals.ts';
import type { NewPeriodsRoi } from './new-periods-roi.ts';
import type { SummaryResult } from './summarize.ts';

/** One run's headline facts in a comparison (RunComparison.a / .b). */
export interface ComparedRun {
  /** How the run is named in the comparison (its folder as given). */
  readonly run: string;
  readonly target: string;
  readonly first_date: string;
  readonly last_date: string;
  readonly periods: number;
  readonly r2: number;
  readonly nrmse: number;
  /** R² and NRMSE over the held-out periods; null without a holdout. */
  readonly holdout: { readonly periods: number; readonly r2: number; readonly nrmse: number } | null;
  /** Share of the fitted KPI that is baseline (not media). */
  readonly baseline_share: number;
}

/**
 * Whether the two 90% ROI intervals overlap ('no interval' when either run has none). Only that: two
 * overlapping intervals are no evidence that the ROI is unchanged (a real move of a third can leave them
 * overlapping), and two runs of overlapping data are not independent, so neither value is a test of change.
 */
export type RoiVerdict = 'intervals overlap' | 'intervals do not overlap' | 'no interval';

/** A channel present in both runs. */
export interface ComparedChannel {
  readonly name: string;
  /** Mean spend per period over each run's window. */
  readonly spend_per_period_a: number;
  readonly spend_per_period_b: number;
  readonly roi_a: number;
  readonly roi_b: number;
  /** roi_b − roi_a. */
  readonly roi_change: number;
  /** roi_change / roi_a (0.35 for +35%); null when roi_a is 0. */
  readonly roi_change_relative: number | null;
  readonly roi_interval_a: readonly [number, number] | null;
  readonly roi_interval_b: readonly [number, number] | null;
  readonly verdict: RoiVerdict;
}

/** What changed between two fits of the same KPI (compareRuns); the JSON of `mixwise compare --json`. */
export interface RunComparison {
  readonly a: ComparedRun;
  readonly b: ComparedRun;
  /** Channels in both runs, in run B's order. */
  readonly channels: readonly ComparedChannel[];
  readonly only_in_a: readonly string[];
  readonly only_in_b: readonly string[];
  /** baseline_share of B − that of A. */
  readonly baseline_share_change: number;
  /** One plain-language sentence naming the largest ROI moves. */
  readonly headline: string;
}

/**
 * summary.json's `refresh` of a `mixwise fit --refresh PREV_RUN` run: the earlier run, how many periods
 * are new, the share of each curve parameter's range searched (refreshWidth) and the comparison of the
 * earlier run (a) with this one (b).
 */
export interface SummaryRefresh {
  /** The earlier run folder as given to --refresh. */
  readonly previous: string;
  readonly new_periods: number;
  /** 0..1. */
  readonly bound_width: number;
  readonly comparison: RunComparison;
  /** Each channel's ROI over the new periods only (newPeriodsRoi); absent in summaries written before it existed. */
  readonly new_periods_roi?: NewPeriodsRoi;
}

/** A run to compare: its name and its summary (summary.json). */
export interface RunToCompare {
  readonly run: string;
  readonly summary: Pick<SummaryResult, 'target' | 'periods' | 'window' | 'fit' | 'channels' | 'baseline'>;
}

/** The largest moves named in the headline. */
const HEADLINE_MOVES = 2;

/**
 * Whether two closed intervals share a point. @example intervalsOverlap([1, 2], [2, 3]) // true
 */
export function intervalsOverlap(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/**
 * Compares two runs of the same KPI: each run's window, fit and baseline share, and per channel the
 * spend per period and ROI of each with the change (absolute and relative) and whether the 90% ROI
 * intervals overlap; channels in one run only are listed apart.
 * @param a the earlier (reference) run
 * @param b the later run
 * @returns the comparison; its numbers are differences B − A
 * @throws nothing: the caller checks that both runs model the same target (compareRuns does not)
 * @example compareRuns(prev, next).channels[0].roi_change // 0.25 when tv's ROI went from 1.00 to 1.25
 */
export function compareRuns(a: RunToCompare, b: RunToCompare): RunComparison {
  const byName = new Map(a.summary.channels.map((c) => [c.name, c]));
  const inB = new Set(b.summary.channels.map((c) => c.name));
  const channels: ComparedChannel[] = [];
  for (const cb of b.summary.channels) {
    const ca = byName.get(cb.name);
    if (ca === undefined) continue;
    const ia = ca.roi_interval ?? null, ib = cb.roi_interval ?? null;
    channels.push({
      name: cb.name,
      spend_per_period_a: ca.spend / a.summary.periods,
      spend_per_period_b: cb.spend / b.summary.periods,
      roi_a: ca.roi,
      roi_b: cb.roi,
      roi_change: cb.roi - ca.roi,
      roi_change_relative: ca.roi === 0 ? null : (cb.roi - ca.roi) / Math.abs(ca.roi),
      roi_interval_a: ia,
      roi_interval_b: ib,
      verdict: ia === null || ib === null ? 'no interval' : intervalsOverlap(ia, ib) ? 'intervals overlap' : 'intervals do not overlap',
    });
  }
  const ra = comparedRun(a), rb = comparedRun(b);
  return {
    a: ra,
    b: rb,
    channels,
    only_in_a: a.summary.channels.filter((c) => !inB.has(c.name)).map((c) => c.name),
    only_in_b: b.summary.channels.filter((c) => !byName.has(c.name)).map((c) => c.name),
    baseline_share_change: rb.baseline_share - ra.baseline_share,
    headline: comparisonHeadline(channels),
  };
}

function comparedRun(r: RunToCompare): ComparedRun {
  const s = r.summary;
  const h = s.fit.holdout;
  return {
    run: r.run,
    target: s.target,
    first_date: s.window.start,
    last_date: s.window.end,
    periods: s.periods,
    r2: s.fit.r2,
    nrmse: s.fit.nrmse,
    holdout: h === null || h === undefined ? null : { periods: h.periods, r2: h.r2, nrmse: h.nrmse },
    baseline_share: s.baseline.share,
  };
}

/**
 * The plain-language line on the largest ROI moves (by relative change, so a large move of a small ROI
 * is named too), each with its size in percent and whether the 90% intervals overlap, then how many
 * pairs of intervals do not overlap. It never calls a ROI unchanged: overlap is not a test of change.
 * @example comparisonHeadline([{ name: 'tv', roi_a: 1, roi_b: 1.35, roi_change: 0.35, roi_change_relative: 0.35, verdict: 'intervals overlap', … }])
 *   // 'Largest ROI move: tv 1.00 → 1.35 (+0.35, +35%; 90% intervals overlap). The 90% intervals overlap for all 1 channels: …'
 */
export function comparisonHeadline(channels: readonly ComparedChannel[]): string {
  if (channels.length === 0) return 'The two runs share no channel, so no ROI can be compared.';
  const size = (c: ComparedChannel): number => (c.roi_change_relative === null ? (c.roi_change === 0 ? 0 : Infinity) : Math.abs(c.roi_change_relative));
  const moves = [...channels].sort((x, y) => size(y) - size(x)).slice(0, HEADLINE_MOVES);
  const why = (v: RoiVerdict): string => (v === 'no interval' ? 'no interval' : `90% ${v}`);
  const text = moves.map((c) => `${c.name} ${roiText(c.roi_a)} → ${roiText(c.roi_b)} (${signed(c.roi_change)}, ${percent(c.roi_change_relative)}; ${why(c.verdict)})`).join('; ');
  const apart = channels.filter((c) => c.verdict === 'intervals do not overlap').length;
  const judged = channels.filter((c) => c.verdict !== 'no interval').length;
  const n = channels.length;
  const tail = apart > 0
    ? `The 90% intervals do not overlap for ${apart} of ${n} channels; where they overlap, that is no evidence that the ROI is unchanged.`
    : judged === 0 ? 'No channel has a 90% interval in both runs: judge each move by its size.'
      : `The 90% intervals overlap for ${judged === n ? `all ${n}` : `${judged} of ${n}`} channels: that is no evidence that the ROIs are unchanged; judge each move by its size.`;
  return `Largest ROI move${moves.length > 1 ? 's' : ''}: ${text}. ${tail}`;
}

/** A relative change in whole percent with its sign, or 'n/a' from a ROI of 0. @example percent(0.349) // '+35%' */
export function percent(x: number | null): string {
  if (x === null) return 'n/a';
  const p = Math.round(x * 100);
  return p >= 0 ? `+${p}%` : `−${Math.abs(p)}%`;
}

/** A ROI as text, − for minus, never "−0.00". @example roiText(0.0019) // '0.0019' */
function roiText(x: number): string {
  const t = Math.abs(x).toFixed(roiDecimals(x));
  return x < 0 && Number(t) !== 0 ? `−${t}` : t;
}

/** A change with its sign, − for minus; a change that rounds to zero is '+0.00'. @example signed(-0.5) // '−0.50' */
function signed(x: number): string {
  const t = Math.abs(x).toFixed(roiDecimals(x));
  return x < 0 && Number(t) !== 0 ? `−${t}` : `+${t}`;
}

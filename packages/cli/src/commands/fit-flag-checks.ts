import type { HolidayRequest } from '@mixwise/data';
import { MIN_PERIODS_HARD } from '@mixwise/data';
import { UsageError } from '../usage-error.ts';
import type { FitFlags } from './fit.ts';
import type { FitRunOptions } from './fit-run.ts';

/**
 * Checks of `mixwise fit` flags that need no data, or only the window's length: flags that apply only
 * together (--week-label with --holidays, --chains with --method bayes), a window that ends before it
 * starts, a holdout that leaves too few periods. Each is a UsageError naming the flag (or config key).
 */

/**
 * The holidays to add: --holidays replaces the config's `holidays:` list; --week-label and
 * --holiday-columns override the config's week_label and holiday_columns.
 * @throws UsageError for --week-label or --holiday-columns with no holidays given
 */
export function holidayRequest(flags: FitFlags, config: HolidayRequest | undefined): HolidayRequest | undefined {
  const names = flags.holidays ?? config?.names;
  if (names === undefined) {
    const stray = [flags.weekLabel === undefined ? '' : '--week-label', flags.holidayColumns === undefined ? '' : '--holiday-columns'].filter((f) => f !== '');
    if (stray.length > 0) throw new UsageError(`${stray.join(' and ')} only ${stray.length === 1 ? 'applies' : 'apply'} with --holidays (or holidays: in the config)`, 'fit');
    return undefined;
  }
  const weekLabel = flags.weekLabel ?? config?.weekLabel;
  const columns = flags.holidayColumns ?? config?.columns;
  return { names, ...(weekLabel === undefined ? {} : { weekLabel }), ...(columns === undefined ? {} : { columns }) };
}

/** The sampler flags, refused without --method bayes (they would silently do nothing). */
export function bayesFlags(flags: FitFlags, method: 'ridge' | 'bayes'): FitRunOptions['bayes'] {
  const given = Object.entries({ chains: flags.chains, warmup: flags.warmup, draws: flags.draws, targetAccept: flags.targetAccept }).filter(([, v]) => v !== undefined);
  if (given.length === 0) return undefined;
  if (method !== 'bayes') throw new UsageError(`${given.map(([k]) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ')} only apply with --method bayes (or model.method: bayes in the config)`, 'fit');
  if (flags.draws !== undefined && flags.draws < 4) throw new UsageError(`--draws must be at least 4 (R-hat splits every chain in two), got ${flags.draws}`, 'fit');
  return Object.fromEntries(given) as FitRunOptions['bayes'];
}

/**
 * The usage error of a holdout that leaves fewer than MIN_PERIODS_HARD periods of the window to fit,
 * naming where the holdout and the window come from (a flag or the config).
 * @example holdoutMessage({ start: '2017-01-02' }, 150, 150, dates) // 'holdout: 150 (from the config) leaves 0 of 150 periods of the window …'
 */
export function holdoutMessage(flags: FitFlags, holdout: number, n: number, inWindow: readonly string[]): string {
  const what = flags.holdout !== undefined ? `--holdout ${holdout}` : `holdout: ${holdout} (from the config)`;
  const span = n === 0 ? '' : ` (${inWindow[0]} … ${inWindow[n - 1]}${flags.start !== undefined || flags.end !== undefined ? ', set by --start/--end' : ''})`;
  return `${what} leaves ${Math.max(0, n - holdout)} of ${n} periods of the window${span} to fit: the window minus the holdout must keep at least ${MIN_PERIODS_HARD} periods; `
    + `use a holdout of at most ${Math.max(0, n - MIN_PERIODS_HARD)}${flags.holdout === undefined ? ' (--holdout N overrides the config)' : ''}, or widen the window`;
}

/**
 * Refuses a window that ends before it starts (a usage error naming both dates and where each came
 * from), before the window is counted in periods.
 * @throws UsageError e.g. '--end 2022-01-01 is before --start 2024-12-01: …'
 */
export function checkWindowOrder(dates: { start?: string; end?: string }, flags: Pick<FitFlags, 'start' | 'end'>): void {
  const { start, end } = dates;
  if (start === undefined || end === undefined || end >= start) return;
  const from = (key: 'start' | 'end', date: string): string => (flags[key] !== undefined ? `--${key} ${date}` : `the config's window.${key} ${date}`);
  throw new UsageError(`${from('end', end)} is before ${from('start', start)}: the window would hold no period; give an end after the start (they may be swapped)`, 'fit');
}

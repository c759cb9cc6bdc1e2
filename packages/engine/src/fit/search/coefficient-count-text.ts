import type { BaselineKind } from '../../design/baseline-columns.ts';

/**
 * What a model's coefficients are and what would cut them, for the TOO_FEW_PERIODS message: the count
 * per kind, largest first, then the remedies for the kinds present (events: fewer of them, or built-in
 * holidays one column per set; trend changepoints; seasonality order; day-of-week; controls).
 * @param baseline the baseline columns (name and kind)
 * @param nChannels paid channels; @param nOrganic organic media
 * @example coefficientCountText([{ name: 'trend', kind: 'trend' }, { name: 'holiday_us_christmas', kind: 'event' }], 3, 0)
 * // { parts: '1 intercept, 3 channels, 1 trend term, 1 event', remedies: 'fewer events (--holidays: fewer holidays or --holiday-columns set)' }
 */
export function coefficientCountText(baseline: readonly { readonly name: string; readonly kind: BaselineKind }[], nChannels: number, nOrganic: number): { parts: string; remedies: string } {
  const count = (kind: BaselineKind): number => baseline.filter((b) => b.kind === kind).length;
  const changepoints = baseline.filter((b) => b.kind === 'trend' && /^trend_cp\d+$/.test(b.name)).length;
  const holidays = baseline.filter((b) => b.kind === 'event' && b.name.startsWith('holiday_')).length;
  const kinds: [number, string, string][] = [
    [nChannels, 'channel', ''],
    [nOrganic, 'organic media series', ''],
    [count('trend') - changepoints, 'trend term', ''],
    [changepoints, 'trend changepoint', 'fewer trend changepoints (--changepoints)'],
    [count('seasonality'), 'seasonality term', 'fewer seasonality terms (--seasonality)'],
    [count('dayOfWeek'), 'day-of-week term', ''],
    [count('event'), 'event', `fewer events${holidays > 0 ? ` (${holidays} from --holidays: fewer holidays or --holiday-columns set)` : ''}`],
    [count('control'), 'control', 'fewer controls'],
  ];
  const present = kinds.filter(([n]) => n > 0).sort((a, b) => b[0] - a[0]);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 || word.endsWith('series') ? '' : 's'}`;
  return {
    parts: ['1 intercept', ...present.map(([n, word]) => plural(n, word))].join(', '),
    remedies: present.map(([, , remedy]) => remedy).filter((r) => r !== '').join(', '),
  };
}

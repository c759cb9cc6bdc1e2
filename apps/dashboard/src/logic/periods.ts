/**
 * Periods in a year for a model's frequency, to express per-period figures per year.
 * @example periodsPerYear('weekly') // 52
 */
export function periodsPerYear(frequency: string): number {
  switch (frequency) {
    case 'daily': return 365;
    case 'weekly': return 52;
    case 'monthly': return 12;
    default: return 1;
  }
}

/**
 * The word for one period of a frequency.
 * @example periodWord('weekly') // 'week'
 */
export function periodWord(frequency: string): string {
  return frequency === 'daily' ? 'day' : frequency === 'weekly' ? 'week' : frequency === 'monthly' ? 'month' : 'period';
}

/**
 * The ISO dates of the next `count` periods after `lastDate` (the last row of the data): 7 days
 * apart for weekly data, 1 day for daily, calendar months for monthly; for any other frequency
 * '+1', '+2', ….
 * @example nextPeriods('2024-12-30', 'weekly', 2) // ['2025-01-06', '2025-01-13']
 */
export function nextPeriods(lastDate: string, frequency: string, count: number): string[] {
  const t = Date.parse(`${lastDate}T00:00:00Z`);
  const step = frequency === 'weekly' ? 7 : frequency === 'daily' ? 1 : 0;
  if (Number.isNaN(t) || (step === 0 && frequency !== 'monthly')) return Array.from({ length: count }, (_, h) => `+${h + 1}`);
  const last = new Date(t);
  return Array.from({ length: count }, (_, h) => {
    if (step > 0) return new Date(t + step * (h + 1) * 86_400_000).toISOString().slice(0, 10);
    // Calendar months keep the day of the month, capped at the month's last day (Jan 31 → Feb 29 → Mar 31).
    const y = last.getUTCFullYear(), m = last.getUTCMonth() + h + 1;
    const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return new Date(Date.UTC(y, m, Math.min(last.getUTCDate(), lastDay))).toISOString().slice(0, 10);
  });
}

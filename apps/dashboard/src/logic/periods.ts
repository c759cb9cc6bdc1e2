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

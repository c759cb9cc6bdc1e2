import type { Frequency } from '../spec/modeling-table.ts';

/**
 * One period of the data, as a word: 'week' for weekly data, 'day' for daily.
 * @example periodWord('weekly') // 'week'
 */
export function periodWord(frequency: Frequency): 'week' | 'day' {
  return frequency === 'weekly' ? 'week' : 'day';
}

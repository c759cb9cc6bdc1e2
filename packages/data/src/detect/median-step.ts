/**
 * The typical step between dates: the median of the differences between consecutive distinct days,
 * the lower middle one for an even count (a step the data take, never an average of two). The
 * frequency detection, the date rules and the typo check all judge a date against it.
 * @param days day numbers (days since 1970-01-01), in any order, repeats allowed
 * @returns the step in days, or undefined with fewer than two distinct days
 * @example medianStep([0, 7, 14, 14, 28]) // 7
 */
export function medianStep(days: readonly number[]): number | undefined {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const steps = sorted.slice(1).map((d, k) => d - sorted[k]).sort((a, b) => a - b);
  return steps.length === 0 ? undefined : steps[Math.floor((steps.length - 1) / 2)];
}

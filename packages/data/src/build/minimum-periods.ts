/** Below this many periods no model is fitted (TOO_FEW_ROWS error). */
export const MIN_PERIODS_HARD = 12;

/** The recommended minimum never goes below this many periods (about half a year of weeks). */
export const MIN_PERIODS_SOFT = 26;

/**
 * A rough count of the parameters a model of the table estimates: the intercept, three per channel
 * (coefficient, carryover, saturation), and one per control and per event dummy.
 * @example parameterCount(3, 1, 2) // 13
 */
export function parameterCount(nChannels: number, nControls: number, nEvents: number): number {
  return 1 + 3 * nChannels + nControls + nEvents;
}

/**
 * The recommended minimum number of periods: max(2 × parameters, 26). Fewer is a FEW_ROWS warning
 * (the rule of thumb of at least two observations per estimated parameter); fewer than
 * MIN_PERIODS_HARD (12) is an error.
 * @param nParameters see parameterCount
 * @example minimumPeriods(13) // 26
 * @example minimumPeriods(20) // 40
 */
export function minimumPeriods(nParameters: number): number {
  return Math.max(2 * nParameters, MIN_PERIODS_SOFT);
}

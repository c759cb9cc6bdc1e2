import { ApiHttpError } from '../http/api-http-error.ts';

/** Fewest periods a fit may be left with after the holdout. */
export const MIN_FITTED_PERIODS = 12;

/**
 * Refuses a holdout that leaves too few periods to fit (checked before a fit is queued, and before
 * lift tests are checked against the fitted rows).
 * @param periods periods of the modeling table
 * @param holdout final periods kept out of the fit (undefined or 0: none)
 * @throws ApiHttpError('BAD_REQUEST') naming the holdout and what it leaves
 * @example checkHoldout(156, 8) // fine; checkHoldout(20, 10) throws
 */
export function checkHoldout(periods: number, holdout: number | undefined): void {
  const h = holdout ?? 0;
  if (h > 0 && periods - h < MIN_FITTED_PERIODS) {
    throw new ApiHttpError('BAD_REQUEST', `holdout ${h} leaves ${periods - h} of ${periods} periods to fit; at least ${MIN_FITTED_PERIODS} are needed`);
  }
}

import { MIN_PERIODS_HARD } from '@mixwise/data';
import { ApiHttpError } from '../http/api-http-error.ts';

/**
 * Refuses a holdout that leaves too few periods to fit (MIN_PERIODS_HARD, the limit `mixwise fit
 * --holdout` applies; checked before a fit is queued, and before lift tests are checked against the fitted rows).
 * @param periods periods of the modeling table
 * @param holdout final periods kept out of the fit (undefined or 0: none)
 * @throws ApiHttpError('BAD_REQUEST') naming the holdout and what it leaves
 * @example checkHoldout(156, 8) // fine; checkHoldout(20, 10) throws
 */
export function checkHoldout(periods: number, holdout: number | undefined): void {
  const h = holdout ?? 0;
  if (h > 0 && periods - h < MIN_PERIODS_HARD) {
    throw new ApiHttpError('BAD_REQUEST', `holdout ${h} leaves ${periods - h} of ${periods} periods to fit; at least ${MIN_PERIODS_HARD} are needed`);
  }
}

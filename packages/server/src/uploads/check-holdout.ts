import { MIN_PERIODS_HARD } from '@mixwise/data';
import { ApiHttpError } from '../http/api-http-error.ts';

/**
 * Refuses a holdout that leaves too few periods to fit (MIN_PERIODS_HARD, the limit `mixwise fit
 * --holdout` applies; checked before a fit is queued, and before lift tests are checked against the fitted rows).
 * The message reads the same for an API client and on the dashboard's Train form: how many periods the
 * holdout leaves (none, never a negative count) and the largest holdout that works; the issue points at the field.
 * @param periods periods of the modeling table
 * @param holdout final periods kept out of the fit (undefined or 0: none)
 * @param field the request field of the holdout, put in the issue's `at.column`
 * @throws ApiHttpError('BAD_REQUEST') naming the holdout, what it leaves and the largest that works
 * @example checkHoldout(156, 8) // fine; checkHoldout(20, 10) throws
 */
export function checkHoldout(periods: number, holdout: number | undefined, field = 'options.holdout'): void {
  const h = holdout ?? 0;
  if (h <= 0 || periods - h >= MIN_PERIODS_HARD) return;
  const left = periods - h;
  const leaves = left <= 0 ? `leaves none of the ${periods} periods` : `leaves ${left} of the ${periods} periods`;
  const most = periods - MIN_PERIODS_HARD;
  const message = `a holdout of ${h} periods ${leaves} to fit; at least ${MIN_PERIODS_HARD} are needed`;
  const hint = most > 0 ? `hold out at most ${most} periods, or none` : `the data has too few periods for a holdout: hold out none`;
  throw new ApiHttpError('BAD_REQUEST', `${message}: ${hint}`, [{ code: 'INVALID_REQUEST', severity: 'error', message, hint, at: { column: field } }]);
}

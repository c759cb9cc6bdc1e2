import type { LiftTest } from '@mixwise/engine';

/** Hint for a repeated lift test, shared by the CSV reader, the config check and the server. */
export const REPEATED_LIFT_TEST_HINT =
  'delete the repeated one; if they are two separate experiments with the same result, keep one and give it the combined standard error (its standard error divided by √2)';

/**
 * Lift tests that repeat an earlier one exactly (same channel, dates, measured-through date, lift,
 * standard error and geos). Each test enters the fit as an independent measurement, so a row pasted twice
 * would count twice and pull the model toward it with double weight; nothing is dropped silently, the
 * callers report it as an error at the repeat's row or path.
 * @param tests the tests in input order
 * @returns one { first, repeat } pair (indices into `tests`) per repeated test, in input order
 * @example repeatedLiftTests([a, b, a]) // [{ first: 0, repeat: 2 }]
 */
export function repeatedLiftTests(tests: readonly LiftTest[]): { first: number; repeat: number }[] {
  const seen = new Map<string, number>();
  const out: { first: number; repeat: number }[] = [];
  tests.forEach((t, i) => {
    // An omitted measured-through date means the end; an omitted standard error is the default.
    const key = JSON.stringify([t.channel, t.start, t.end, t.measuredThrough ?? t.end, t.lift, t.standardError ?? null, t.geos ?? null]);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else out.push({ first, repeat: i });
  });
  return out;
}

import { z } from 'zod';
import { RolesSchema } from './roles.ts';
import { CleaningChoicesSchema } from './cleaning-choice.ts';

/** Most lift tests one fit takes (a request or a lift-test file with more is refused). */
export const MAX_LIFT_TESTS = 200;

/**
 * One lift test (experiment) to calibrate a fit with, as the engine's LiftTest: the channel's name in
 * the model (`tv` for `tv_spend`), the first and last date of the test (yyyy-mm-dd, inclusive), the
 * last date the lift was measured over (optional, default the end), the measured incremental KPI
 * (0 or below for a test that measured no effect, or a negative one), and its standard error in KPI
 * units (optional for a positive lift: omitted, 20% of the lift), and for a geo-level fit optionally the
 * geos the test ran in (`geos`, names in the panel column; omitted: every geo). Whether the channel,
 * dates and geos fit the data is checked by the server against the table. Unknown keys are refused.
 */
export const LiftTestSchema = z.strictObject({
  channel: z.string().min(1).max(200),
  start: z.iso.date('a date as yyyy-mm-dd'),
  end: z.iso.date('a date as yyyy-mm-dd'),
  measuredThrough: z.iso.date('a date as yyyy-mm-dd').optional(),
  lift: z.number(),
  standardError: z.number().positive('a standard error must be a positive number').optional(),
  geos: z.array(z.string().min(1).max(200)).min(1, 'name at least one geo, or leave geos out for a test in every geo').max(1000).optional(),
}).refine((t) => t.end >= t.start, { path: ['end'], message: 'the test ends before it starts' })
  // The engine's liftTestSeProblem (contracts does not depend on the engine): no default for a null or negative result.
  .refine((t) => t.lift > 0 || t.standardError !== undefined, { path: ['standardError'], message: 'a lift of 0 or below needs its standard error: the default (20% of the lift) scales with the lift' })
  .refine((t) => t.measuredThrough === undefined || t.measuredThrough >= t.end, { path: ['measuredThrough'], message: 'the lift is measured through a date before the test ends' });

/** Lift tests of one fit (at most MAX_LIFT_TESTS). */
export const LiftTestListSchema = z.array(LiftTestSchema).max(MAX_LIFT_TESTS, `at most ${MAX_LIFT_TESTS} lift tests`);

/**
 * The form fields of `POST /api/uploads/:id/lift-tests` besides the file: the column roles (sent as
 * JSON text in the field `roles`), which name the channels and the date column, and optionally the
 * holdout (field `holdout`), so that tests outside the fitted rows are reported with their row.
 */
export const LiftTestsFormSchema = z.object({
  roles: RolesSchema,
  holdout: z.number().int().nonnegative().optional(),
  /** The cleaning steps the fit will apply (they can change the table the tests are checked against). */
  cleaning: CleaningChoicesSchema,
});

/** `POST /api/uploads/:id/lift-tests` answer: the tests of the file, checked against the upload. */
export const LiftTestsResponseSchema = z.object({
  /** The lift-test file's name as sent (for display). */
  fileName: z.string(),
  tests: LiftTestListSchema,
});

/** One lift test. */
export type LiftTest = z.infer<typeof LiftTestSchema>;
/** The form fields of `POST /api/uploads/:id/lift-tests` (roles parsed). */
export type LiftTestsForm = z.infer<typeof LiftTestsFormSchema>;
/** Answer of `POST /api/uploads/:id/lift-tests`. */
export type LiftTestsResponse = z.infer<typeof LiftTestsResponseSchema>;

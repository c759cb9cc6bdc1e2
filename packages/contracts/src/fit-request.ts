import { z } from 'zod';
import { RolesSchema } from './roles.ts';
import { UploadIdSchema } from './ids.ts';
import { LiftTestListSchema } from './lift-tests.ts';

/** Carryover families a fit may be restricted to (`auto`: the search picks per channel). */
export const ADSTOCK_CHOICES = ['geometric', 'delayed', 'weibull-cdf', 'weibull-pdf', 'auto'] as const;

/** Fit knobs, as `mixwise fit` flags: --seed, --iterations, --holdout, --adstock, --lift-tests. */
export const FitOptionsSchema = z.object({
  seed: z.number().int().nonnegative().optional(),
  /** Hyperparameter search budget (candidates evaluated). */
  iterations: z.number().int().min(1).max(1_000_000).optional(),
  /** Final periods kept out of the fit. */
  holdout: z.number().int().nonnegative().optional(),
  adstock: z.enum(ADSTOCK_CHOICES).optional(),
  /** Experiments to calibrate the fit with (e.g. from `POST /api/uploads/:id/lift-tests`); re-checked against the data. */
  liftTests: LiftTestListSchema.optional(),
});

/** `POST /api/runs` body: fit an uploaded file with these roles. Answer: 202 with the queued RunManifest. */
export const FitRequestSchema = z.object({
  uploadId: UploadIdSchema,
  /** Display name (default: the file name). */
  name: z.string().min(1).max(200).optional(),
  roles: RolesSchema,
  options: FitOptionsSchema.default({}),
});

/** Fit knobs. */
export type FitOptions = z.infer<typeof FitOptionsSchema>;
/** Body of `POST /api/runs` (output form, defaults filled). */
export type FitRequest = z.infer<typeof FitRequestSchema>;
/** Body of `POST /api/runs` as a client may send it. */
export type FitRequestInput = z.input<typeof FitRequestSchema>;

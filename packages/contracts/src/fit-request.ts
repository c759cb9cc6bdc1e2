import { z } from 'zod';
import { CleaningChoicesSchema } from './cleaning-choice.ts';
import { RolesSchema } from './roles.ts';
import { UploadIdSchema } from './ids.ts';
import { LiftTestListSchema } from './lift-tests.ts';

/** Carryover families a fit may be restricted to (`auto`: the search picks per channel). */
export const ADSTOCK_CHOICES = ['geometric', 'delayed', 'weibull-cdf', 'weibull-pdf', 'auto'] as const;

/** Fit methods: the search's ridge model with bootstrap intervals, or NUTS over the joint posterior after the search. */
export const FIT_METHODS = ['ridge', 'bayes'] as const;

/** NUTS settings of a `bayes` fit, as `mixwise fit --chains/--warmup/--draws`; unset ones keep the engine's defaults. */
export const BayesOptionsSchema = z.object({
  /** Independent chains (R-hat compares them). */
  chains: z.number().int().min(1).max(16).optional(),
  /** Adaptation iterations per chain (discarded). */
  warmup: z.number().int().nonnegative().max(20_000).optional(),
  /** Kept draws per chain. */
  draws: z.number().int().min(4).max(20_000).optional(),
  /** Mean acceptance the step size is tuned to, in (0, 1) (`--target-accept`); higher: fewer divergences, slower. */
  targetAccept: z.number().gt(0).lt(1).optional(),
});

/** Fit knobs, as `mixwise fit` flags: --seed, --iterations, --holdout, --adstock, --lift-tests, --method, --chains/--warmup/--draws/--target-accept. */
export const FitOptionsSchema = z.object({
  seed: z.number().int().nonnegative().optional(),
  /** Hyperparameter search budget (candidates evaluated). */
  iterations: z.number().int().min(1).max(1_000_000).optional(),
  /** Final periods kept out of the fit. */
  holdout: z.number().int().nonnegative().optional(),
  adstock: z.enum(ADSTOCK_CHOICES).optional(),
  /** Experiments to calibrate the fit with (e.g. from `POST /api/uploads/:id/lift-tests`); re-checked against the data. */
  liftTests: LiftTestListSchema.optional(),
  /** 'bayes' samples the posterior with NUTS (credible intervals); default 'ridge'. */
  method: z.enum(FIT_METHODS).optional(),
  /** Sampler settings; only with method 'bayes'. */
  bayes: BayesOptionsSchema.optional(),
}).refine((o) => o.bayes === undefined || o.method === 'bayes', { message: 'bayes settings (chains, warmup, draws, targetAccept) need method "bayes"', path: ['bayes'] });

/** `POST /api/runs` body: fit an uploaded file with these roles. Answer: 202 with the queued RunManifest. */
export const FitRequestSchema = z.object({
  uploadId: UploadIdSchema,
  /** Display name (default: the file name). */
  name: z.string().min(1).max(200).optional(),
  roles: RolesSchema,
  /** Cleaning steps applied before the fit; every change is logged in the run's changes.csv. */
  cleaning: CleaningChoicesSchema,
  options: FitOptionsSchema.default({}),
});

/** Fit knobs. */
export type FitOptions = z.infer<typeof FitOptionsSchema>;
/** Body of `POST /api/runs` (output form, defaults filled). */
export type FitRequest = z.infer<typeof FitRequestSchema>;
/** Body of `POST /api/runs` as a client may send it. */
export type FitRequestInput = z.input<typeof FitRequestSchema>;

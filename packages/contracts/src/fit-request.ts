import { z } from 'zod';
import { CleaningChoicesSchema } from './cleaning-choice.ts';
import { RolesSchema } from './roles.ts';
import { UploadIdSchema } from './ids.ts';
import { LiftTestListSchema } from './lift-tests.ts';
import { oneOf, wholeNumber } from './number-fields.ts';

/** Carryover families a fit may be restricted to (`auto`: the search picks per channel). */
export const ADSTOCK_CHOICES = ['geometric', 'delayed', 'weibull-cdf', 'weibull-pdf', 'auto'] as const;

/** Most search iterations a fit request may ask for. */
export const MAX_FIT_ITERATIONS = 1_000_000;

const TARGET_ACCEPT = 'the target acceptance must be a number between 0 and 1 (not 0 or 1), e.g. 0.9';
const NAME = 'the run name must be text of 1 to 200 characters';

/** What paid channels are modelled on, as `mixwise fit --media`: spend, or each channel's exposure column named for it (tv_impressions beside tv_spend). */
export const MEDIA_BASES = ['spend', 'exposure'] as const;

/** Fit methods: the search's ridge model with bootstrap intervals, or NUTS over the joint posterior after the search. */
export const FIT_METHODS = ['ridge', 'bayes'] as const;

/** NUTS settings of a `bayes` fit, as `mixwise fit --chains/--warmup/--draws`; unset ones keep the engine's defaults. Unknown keys are refused. */
export const BayesOptionsSchema = z.strictObject({
  /** Independent chains (R-hat compares them). */
  chains: wholeNumber('chains', 1, 16).optional(),
  /** Adaptation iterations per chain (discarded). */
  warmup: wholeNumber('warm-up iterations per chain', 0, 20_000).optional(),
  /** Kept draws per chain. */
  draws: wholeNumber('draws per chain', 4, 20_000).optional(),
  /** Mean acceptance the step size is tuned to, in (0, 1) (`--target-accept`); higher: fewer divergences, slower. */
  targetAccept: z.number({ error: TARGET_ACCEPT }).gt(0, { error: TARGET_ACCEPT }).lt(1, { error: TARGET_ACCEPT }).optional(),
});

/**
 * Fit knobs, as `mixwise fit` flags: --seed, --iterations, --posterior-iterations, --holdout, --adstock, --lift-tests, --method,
 * --chains/--warmup/--draws/--target-accept, --media. Left out, each takes the CLI's default (20,000 search
 * iterations, seed 1, no holdout, ridge). Unknown keys are refused; every refusal names the field in
 * words and what it takes (a form shows the message as it is).
 */
export const FitOptionsSchema = z.strictObject({
  seed: wholeNumber('the seed', 0).optional(),
  /** Hyperparameter search budget (candidates evaluated). */
  iterations: wholeNumber('search iterations', 1, MAX_FIT_ITERATIONS).optional(),
  /** Metropolis iterations of the hyperparameter posterior (`--posterior-iterations`; 0: the lowest weighted score). Left out: 20,000, or the same share of it as `iterations` is of 20,000, at least 2,000. */
  posteriorIterations: wholeNumber('posterior iterations', 0, MAX_FIT_ITERATIONS).optional(),
  /** Final periods kept out of the fit. */
  holdout: wholeNumber('holdout periods', 0).optional(),
  adstock: oneOf('the adstock', ADSTOCK_CHOICES).optional(),
  /** Experiments to calibrate the fit with (e.g. from `POST /api/uploads/:id/lift-tests`); re-checked against the data. */
  liftTests: LiftTestListSchema.optional(),
  /** 'bayes' samples the posterior with NUTS (credible intervals); default 'ridge'. */
  method: oneOf('the method', FIT_METHODS).optional(),
  /** Sampler settings; only with method 'bayes'. */
  bayes: BayesOptionsSchema.optional(),
  /** 'exposure': each channel with an exposure column named for it is modelled on it, at the window's average cost (`--media exposure`); default 'spend'. */
  media: oneOf('the media basis', MEDIA_BASES).optional(),
}).refine((o) => o.bayes === undefined || o.method === 'bayes', { message: 'bayes settings (chains, warmup, draws, targetAccept) need method "bayes"', path: ['bayes'] });

/** `POST /api/runs` body: fit an uploaded file with these roles. Answer: 202 with the queued RunManifest. Unknown keys are refused. */
export const FitRequestSchema = z.strictObject({
  uploadId: UploadIdSchema,
  /** Display name (default: the file name). */
  name: z.string({ error: NAME }).min(1, { error: NAME }).max(200, { error: NAME }).optional(),
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

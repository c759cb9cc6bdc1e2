import { defaultModelSpec, scaledPosteriorIterations, withMediaBasis, type MediaBasis, type AdstockType, type BayesSpec, type LiftTest, type ModelingTable, type ModelSpec, type RoiPrior, type SaturationType } from '@mixwise/engine';

/** The choices a fit request can make (CLI flags, config file, dashboard form); undefined keeps the default. */
export interface RunSpecOptions {
  /** Model-spec settings from a config file; every other option overrides them. */
  readonly configSpec?: Partial<ModelSpec>;
  readonly seed?: number;
  readonly iterations?: number;
  /**
   * Metropolis iterations of the hyperparameter posterior (0: the lowest weighted score instead).
   * Undefined: the config's search.posterior, else scaledPosteriorIterations of the search's iterations
   * (the default 20,000 for a default search, proportionally fewer, at least 2,000, for a smaller one).
   */
  readonly posteriorIterations?: number;
  /** Final periods kept out of the fit. */
  readonly holdout?: number;
  /** Modeling window rows [start, end); earlier rows only warm up adstock. */
  readonly window?: { readonly start: number; readonly end: number };
  readonly liftTests?: readonly LiftTest[];
  /** Applied to every channel and organic media series. */
  readonly adstock?: AdstockType | 'auto';
  readonly maxLag?: number;
  readonly saturation?: SaturationType | 'auto';
  /** Media variable of every paid channel: 'exposure' for those with an exposure column (the others stay on spend), 'spend' for all; undefined keeps the config's. */
  readonly media?: MediaBasis;
  /** Fourier order of yearly seasonality. */
  readonly seasonality?: number;
  readonly changepoints?: number;
  /** ROI prior: null for none, undefined for the engine's default (defaultRoiPrior). */
  readonly roiPrior?: RoiPrior | null;
  /** 'bayes' samples the joint posterior with NUTS after the search (default 'ridge'). */
  readonly method?: 'ridge' | 'bayes';
  /** Sampler settings for method 'bayes' (chains, warmup, draws). */
  readonly bayes?: Partial<BayesSpec>;
}

/**
 * The partial ModelSpec for fitMmm that a fit request describes: the engine's defaults for the table
 * (with the config file's settings), then each option that is set. `mixwise fit` and a fit started
 * from the dashboard both build their spec here, so the same table, options and seed give the same model.
 * @param table the modeling table
 * @param options the request's choices
 * @returns the spec to pass to fitMmm
 * @throws EngineError INVALID_ARGUMENT for media 'exposure' when no channel has an exposure column
 * @example runSpec(table, { seed: 1, iterations: 300 }).search?.iterations // 300
 */
export function runSpec(table: ModelingTable, options: RunSpecOptions): Partial<ModelSpec> {
  const organic = (table.organic ?? []).map((o) => o.name);
  const defaults = defaultModelSpec({ nTimes: table.dates.length, frequency: table.frequency, channels: table.channels.map((c) => c.name), organic }, options.configSpec);
  // Organic media are searched like channels, so the curve options apply to them too.
  const curves = <C extends ModelSpec['channels'][number]>(c: C): C => ({
    ...c,
    ...(options.adstock !== undefined ? { adstock: options.adstock } : {}),
    ...(options.maxLag !== undefined ? { maxLag: options.maxLag } : {}),
    ...(options.saturation !== undefined ? { saturation: options.saturation } : {}),
  });
  return {
    ...options.configSpec,
    channels: options.media === undefined ? defaults.channels.map(curves) : withMediaBasis(defaults.channels.map(curves), table, options.media),
    ...(defaults.organic !== undefined && organic.length > 0 ? { organic: defaults.organic.filter((o) => organic.includes(o.name)).map(curves) } : {}),
    ...(options.seasonality !== undefined ? { seasonalityOrder: options.seasonality } : {}),
    ...(options.changepoints !== undefined ? { trend: { ...defaults.trend, changepoints: options.changepoints } } : {}),
    ...(options.holdout !== undefined ? { holdout: options.holdout } : {}),
    ...(options.liftTests !== undefined ? { liftTests: options.liftTests } : {}),
    ...(options.window !== undefined ? { window: options.window } : {}),
    ...(options.method !== undefined ? { method: options.method } : {}),
    ...(options.bayes !== undefined ? { bayes: { ...options.configSpec?.bayes, ...options.bayes } } : {}),
    search: {
      ...defaults.search,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.iterations !== undefined ? { iterations: options.iterations } : {}),
      posterior: posteriorLength(options, defaults.search.iterations),
      ...(options.roiPrior !== undefined ? { roiPrior: options.roiPrior } : {}),
    },
  };
}

/**
 * How the posterior length of a fit request was set: given (--posterior-iterations, the config's
 * search.posterior_iterations) or, when not, scaled to the search's iterations (scaledPosteriorIterations;
 * the default length for a default search).
 * @param options the request's choices
 * @param configIterations the search iterations without options.iterations (the config's, else the default)
 * @example posteriorLength({ iterations: 2000 }, 20000) // 2000
 */
export function posteriorLength(options: Pick<RunSpecOptions, 'configSpec' | 'iterations' | 'posteriorIterations'>, configIterations: number): number {
  return options.posteriorIterations ?? options.configSpec?.search?.posterior ?? scaledPosteriorIterations(options.iterations ?? configIterations);
}

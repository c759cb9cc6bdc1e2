import type { AdstockType, ChannelSpec, MediaBasis, Frequency, LiftTest, ModelingTable, ModelSpec, MoneyFormat, RoiPrior, SaturationType, Sign } from '@mixwise/engine';
import { defaultModelSpec, moneyFormat } from '@mixwise/engine';
import type { TableRoles } from '../build/resolve-roles.ts';
import type { LoadedConfig } from './load-config.ts';
import { camelCase } from './bound-params.ts';
import type { CleaningStep } from '../clean/run-cleaning.ts';
import { cleaningSteps } from './cleaning-schema.ts';
import { liftTestFromConfig } from './lift-test-from-config.ts';

/** One channel as the config sets it (engine names: camelCase parameters). */
export interface ConfigChannel {
  readonly name: string;
  readonly spend: string;
  readonly exposure?: string;
  /** The channel's media variable (`media:`); undefined follows model.media. */
  readonly media?: MediaBasis;
  readonly adstock?: AdstockType | 'auto';
  readonly maxLag?: number;
  readonly saturation?: SaturationType | 'auto';
  readonly bounds?: ChannelSpec['bounds'];
}

/** Model defaults for every channel, and trend and seasonality, as the config sets them. */
export interface ConfigModel {
  readonly seasonality?: number;
  readonly changepoints?: number;
  readonly adstock?: AdstockType | 'auto';
  readonly maxLag?: number;
  readonly saturation?: SaturationType | 'auto';
  /** Media variable of every channel with an exposure column (`media:`); undefined for spend. */
  readonly media?: MediaBasis;
  /** ROI prior: null for none (`roi_prior: none`), undefined for the engine's default. */
  readonly roiPrior?: RoiPrior | null;
  /** Estimation method (`method:`); undefined for the default (ridge). */
  readonly method?: 'ridge' | 'bayes';
  /** Sampler settings for method bayes. */
  readonly bayes?: { readonly chains?: number; readonly warmup?: number; readonly draws?: number; readonly metric?: 'dense' | 'diag'; readonly targetAccept?: number };
}

/** What a config asks for, in the terms the data layer and the engine use. */
export interface ConfigRun {
  /** Absolute path of the data file. */
  readonly dataPath: string;
  /** Column roles for tableFromCsv. */
  readonly roles: TableRoles;
  /** Channels listed in the config ([] when they are detected from `_spend` columns). */
  readonly channels: readonly ConfigChannel[];
  /** Controls: the name in reports and the data column. */
  readonly controls: readonly { readonly name: string; readonly column: string }[];
  readonly granularity?: Frequency;
  readonly window?: { readonly start?: string; readonly end?: string };
  readonly holdout?: number;
  readonly liftTests: readonly LiftTest[];
  readonly model: ConfigModel;
  /** Search settings; posterior: search.posterior_iterations (Metropolis iterations of the hyperparameter posterior). */
  readonly search: { readonly iterations?: number; readonly seed?: number; readonly trials?: number; readonly posterior?: number };
  /** Cleaning steps of the `cleaning:` list, in order ([] when there is none). */
  readonly cleaning: readonly CleaningStep[];
  /** The geo column of a long panel file (`columns.geo`): fit a geo-level model. */
  readonly geo?: string;
  /** The geos' size column (`columns.geo_size`, population…): s_g is each geo's share of it. */
  readonly geoSize?: string;
  /** `currency:` and `locale:` (display only), checked and normalised (EUR, de-DE); absent when neither is given. */
  readonly money?: MoneyFormat;
}

/**
 * Translates a validated config into column roles and model settings: snake_case keys become the
 * engine's names (max_lag → maxLag, half_saturation → halfSaturation), controls' signs are keyed by
 * their data column, and `events` left out means automatic 0/1 event detection.
 * @param loaded the config from loadConfig
 * @returns roles, channel and model settings, window, holdout, lift tests and search settings
 * @example configToRun(loadConfig('mixwise.yaml')).roles // { target: 'revenue', date: 'date', channels: ['tv_spend'], … }
 */
export function configToRun(loaded: LoadedConfig): ConfigRun {
  const { config } = loaded;
  const cols = config.columns;
  const channels: ConfigChannel[] = (cols.channels ?? []).map((ch) => dropUndefined({
    name: ch.name,
    spend: ch.spend,
    exposure: ch.exposure,
    media: ch.media,
    adstock: ch.adstock,
    maxLag: ch.max_lag,
    saturation: ch.saturation,
    bounds: ch.bounds === undefined ? undefined : dropUndefined({
      adstock: engineNames(ch.bounds.adstock),
      saturation: engineNames(ch.bounds.saturation),
    }),
  }));
  const controls = cols.controls.map((c) => ({ name: c.name, column: c.column ?? c.name, sign: c.sign as Sign }));
  const roles: TableRoles = dropUndefined({
    target: cols.target,
    date: cols.date,
    channels: cols.channels === undefined ? undefined : channels.map((c) => c.spend),
    controls: controls.map((c) => c.column),
    events: cols.events,
    organic: cols.organic,
    controlSigns: Object.fromEntries(controls.map((c) => [c.column, c.sign])),
    targetKind: cols.target_kind,
    holidays: config.holidays === undefined || config.holidays.length === 0 ? undefined : dropUndefined({
      names: config.holidays, weekLabel: config.week_label, columns: config.holiday_columns,
    }),
  });
  const m = config.model ?? {};
  return dropUndefined({
    dataPath: loaded.dataPath,
    roles,
    channels,
    controls: controls.map(({ name, column }) => ({ name, column })),
    granularity: config.granularity,
    window: config.window,
    holdout: config.holdout,
    liftTests: (config.calibration?.lift_tests ?? []).map(liftTestFromConfig),
    model: dropUndefined({
      media: m.media, seasonality: m.seasonality, changepoints: m.changepoints, adstock: m.adstock, maxLag: m.max_lag, saturation: m.saturation,
      roiPrior: m.roi_prior === undefined ? undefined : m.roi_prior === 'none' ? null : { median: m.roi_prior.median, sdLog: m.roi_prior.sd_log },
      method: m.method, bayes: m.bayes === undefined ? undefined : dropUndefined({
        chains: m.bayes.chains, warmup: m.bayes.warmup, draws: m.bayes.draws, metric: m.bayes.metric, targetAccept: m.bayes.target_accept,
      }),
    }),
    search: dropUndefined({ iterations: config.search?.iterations, seed: config.search?.seed, trials: config.search?.trials, posterior: config.search?.posterior_iterations }),
    cleaning: cleaningSteps(config.cleaning ?? [], config.granularity),
    geo: cols.geo,
    geoSize: cols.geo_size,
    money: config.currency === undefined && config.locale === undefined ? undefined : moneyFormat(config.currency, config.locale),
  });
}

/**
 * The model-spec overrides a config gives for a table: every channel's adstock, maxLag, saturation
 * (channel value, else the `model` default, else the engine default for the table's frequency) and
 * bounds; seasonality, changepoints, holdout, window (as rows [start, end) of the table: from the
 * first date on or after `window.start` to the last on or before `window.end`), lift tests and
 * search settings, method and sampler settings when the config sets them.
 * @param run the config as configToRun gives it
 * @param table the modeling table built from the config's data (channel names as in the config)
 * @returns a Partial<ModelSpec> for defaultModelSpec / fitMmm
 * @example configSpec(run, table).channels?.[0].adstock // 'geometric'
 */
export function configSpec(run: ConfigRun, table: ModelingTable): Partial<ModelSpec> {
  const defaults = defaultModelSpec({ nTimes: table.dates.length, frequency: table.frequency, channels: table.channels.map((c) => c.name) });
  const m = run.model;
  const hasExposure = new Set(table.channels.filter((c) => c.exposure !== undefined).map((c) => c.name));
  const spec: Partial<ModelSpec> = {
    channels: defaults.channels.map((c) => {
      const own = run.channels.find((x) => x.name === c.name);
      return dropUndefined({
        name: c.name,
        adstock: own?.adstock ?? m.adstock ?? c.adstock,
        maxLag: own?.maxLag ?? m.maxLag ?? c.maxLag,
        saturation: own?.saturation ?? m.saturation ?? c.saturation,
        bounds: own?.bounds,
        // A channel's own media: first; model.media: exposure applies to the channels with an exposure column
        // (mapped, or paired by name in the table when the config maps none).
        media: own?.media ?? (m.media === 'exposure' && (own?.exposure !== undefined || hasExposure.has(c.name)) ? 'exposure' : undefined),
      });
    }),
    // The posterior's length only when the config gives it: otherwise it follows the search's iterations (runSpec).
    search: dropUndefined({ ...defaults.search, posterior: undefined, ...run.search, roiPrior: m.roiPrior }),
  };
  const extra: Partial<ModelSpec> = dropUndefined({
    seasonalityOrder: m.seasonality,
    trend: m.changepoints === undefined ? undefined : { ...defaults.trend, changepoints: m.changepoints },
    holdout: run.holdout,
    window: run.window === undefined ? undefined : windowRows(table.dates, run.window.start, run.window.end),
    liftTests: run.liftTests.length > 0 ? run.liftTests : undefined,
    method: m.method,
    bayes: m.bayes,
  });
  return { ...spec, ...extra };
}

/**
 * Rows [start, end) of a modeling window given by dates: from the first date on or after `from` to
 * the last date on or before `to` (the whole table by default).
 * @example windowRows(['2024-01-01', '2024-01-08', '2024-01-15'], '2024-01-05') // { start: 1, end: 3 }
 */
export function windowRows(dates: readonly string[], from?: string, to?: string): { start: number; end: number } {
  let start = 0;
  let end = dates.length;
  if (from !== undefined) while (start < dates.length && dates[start] < from) start++;
  if (to !== undefined) while (end > 0 && dates[end - 1] > to) end--;
  return { start, end: Math.max(start, end) };
}

function engineNames(
  bounds: Readonly<Record<string, number | readonly [number, number] | undefined>> | undefined,
): Record<string, readonly [number, number]> | undefined {
  if (bounds === undefined) return undefined;
  const out: Record<string, readonly [number, number]> = {};
  for (const [key, range] of Object.entries(bounds)) {
    if (range === undefined) continue;
    // One number fixes the parameter: the engine's range [x, x].
    out[camelCase(key)] = typeof range === 'number' ? [range, range] : [range[0], range[1]];
  }
  return out;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

import { EngineError } from '../errors.ts';
import type { BayesSpec, ChannelSpec, ModelSpec, SearchSpec } from './model-spec.ts';

/**
 * A partial value of T at every depth: objects may leave out any key, arrays and tuples are given
 * whole (they replace the default rather than merge with it).
 */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object ? { readonly [K in keyof T]?: DeepPartial<T[K]> } : T;

/** A channel's spec in overrides: the name, and only what differs from the default channel spec. */
export type ChannelSpecOverride = { readonly name: string } & DeepPartial<Omit<ChannelSpec, 'name'>>;

/**
 * What a caller may give fitMmm or defaultModelSpec: any part of a ModelSpec, at any depth. Missing
 * parts come from the defaults; `channels` and `organic` entries are matched to the defaults by name.
 */
export type ModelSpecOverrides = DeepPartial<Omit<ModelSpec, 'channels' | 'organic'>> & {
  readonly channels?: readonly ChannelSpecOverride[];
  readonly organic?: readonly ChannelSpecOverride[];
};

/** Every key of T, checked by the compiler both ways: a key added to the type must be listed here. */
function keysOf<T>(all: Record<keyof T, true>): readonly string[] {
  return Object.keys(all);
}

/** The keys each object of a spec may have, by path; a path not listed holds a free-form map or a leaf. */
const SHAPES: Readonly<Record<string, readonly string[]>> = {
  '': keysOf<ModelSpec>({ window: true, holdout: true, validationShare: true, channels: true, organic: true, trend: true, seasonalityOrder: true, dayOfWeek: true, lambda: true, search: true, liftTests: true, method: true, bayes: true }),
  window: ['start', 'end'],
  trend: ['linear', 'changepoints'],
  lambda: ['lower', 'upper'],
  search: keysOf<SearchSpec>({ iterations: true, trials: true, seed: true, weights: true, bootstrap: true, posterior: true, roiPrior: true }),
  'search.weights': ['nrmseTrain', 'nrmseValidation', 'decompRssd', 'mapeLift'],
  'search.roiPrior': ['median', 'sdLog'],
  bayes: keysOf<BayesSpec>({ chains: true, warmup: true, draws: true, stored: true, metric: true, targetAccept: true }),
  channel: keysOf<ChannelSpec>({ name: true, adstock: true, maxLag: true, saturation: true, media: true, bounds: true }),
  'channel.bounds': ['adstock', 'saturation'],
};

/** Object-shaped keys whose null means "none" rather than a slip: a null roiPrior turns the prior off. */
const NULLABLE: ReadonlySet<string> = new Set(['search.roiPrior']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
}

function fail(message: string, key: string): never {
  throw new EngineError('INVALID_ARGUMENT', message, { series: key });
}

/** Refuse keys that the spec does not have at `shape`, naming the valid ones (a typo would otherwise be ignored). */
function checkKeys(value: Record<string, unknown>, shape: string, path: string): void {
  const valid = SHAPES[shape];
  for (const key of Object.keys(value)) {
    if (!valid.includes(key)) {
      const where = path === '' ? key : `${path}.${key}`;
      // A key of a nested part given at the top (`iterations` for `search.iterations`) is a common slip.
      const nested = path === '' ? Object.keys(SHAPES).find((s) => s !== '' && s !== 'channel' && SHAPES[s].includes(key)) : undefined;
      const hint = nested === undefined ? '' : ` (did you mean ${nested}.${key}?)`;
      fail(`unknown model spec key "${where}"${hint}; valid keys${path === '' ? '' : ` of ${path}`}: ${valid.join(', ')}`, where);
    }
  }
}

/** Deep-merge `over` onto `base`: objects per key, everything else (arrays, numbers, allowed nulls) replaces. */
function mergeAt(base: unknown, over: unknown, shape: string, path: string): unknown {
  if (over === undefined) return base;
  if (!isPlainObject(over)) {
    // null for an object-shaped key would reach the fit as a missing object and crash there (TypeError).
    if (SHAPES[shape] !== undefined && !(over === null && NULLABLE.has(shape))) fail(`model spec "${path}" must be an object with keys ${SHAPES[shape].join(', ')}, got ${JSON.stringify(over)}`, path);
    return over;
  }
  if (SHAPES[shape] !== undefined) checkKeys(over, shape, path);
  const out: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
  for (const [key, v] of Object.entries(over)) {
    if (v === undefined) continue;
    const childShape = shape === '' ? key : `${shape}.${key}`;
    out[key] = mergeAt(out[key], v, childShape, path === '' ? key : `${path}.${key}`);
  }
  return out;
}

/**
 * Channel specs: each given entry over the default spec of the channel with its name; channels of
 * the table that are not given keep their defaults, in the table's order. A name the table does not
 * have is an error (it would otherwise be ignored, or leave a channel without a spec).
 */
function mergeChannels(defaults: readonly ChannelSpec[] | undefined, given: unknown, key: 'channels' | 'organic'): ChannelSpec[] | undefined {
  if (given === undefined) return defaults === undefined ? undefined : [...defaults];
  if (!Array.isArray(given)) fail(`model spec "${key}" must be an array of { name, adstock?, maxLag?, saturation?, bounds? }`, key);
  const byName = new Map((defaults ?? []).map((c) => [c.name, c]));
  const merged = new Map<string, ChannelSpec>();
  given.forEach((g: unknown, i) => {
    const where = `${key}[${i}]`;
    if (!isPlainObject(g) || typeof g.name !== 'string') fail(`model spec "${where}" needs a name (a channel of the table)`, where);
    const name = g.name;
    const base = byName.get(name);
    // A caller with no default list (defaultModelSpec without names) may give full specs of its own.
    if (base === undefined && defaults !== undefined && defaults.length > 0) {
      fail(`model spec "${where}" names "${name}", which is not ${key === 'channels' ? 'a channel' : 'organic media'} of the table; the table has: ${[...byName.keys()].join(', ')}`, where);
    }
    if (merged.has(name)) fail(`model spec "${key}" gives "${name}" twice`, where);
    merged.set(name, mergeAt(base, g, 'channel', where) as ChannelSpec);
  });
  if (defaults === undefined || defaults.length === 0) return [...merged.values()];
  return defaults.map((d) => merged.get(d.name) ?? d);
}

/**
 * The default spec with overrides merged in at every depth (docs: fitMmm "missing parts come from
 * defaultModelSpec"): `{ search: { iterations: 1000 } }` keeps the default trials, seed and weights.
 * Objects merge per key, arrays (liftTests, bounds tuples) replace, channel specs merge by name.
 * @param base the defaults for the table
 * @param overrides what the caller gives
 * @throws EngineError INVALID_ARGUMENT for an unknown key (naming it and the valid keys), a value of the
 *   wrong kind where an object is expected, or a channel spec for a channel the table does not have
 * @example mergeSpec(defaults, { search: { iterations: 1000 } }).search.trials // defaults.search.trials
 */
export function mergeSpec(base: ModelSpec, overrides: ModelSpecOverrides): ModelSpec {
  if (!isPlainObject(overrides)) fail(`the model spec must be an object, got ${JSON.stringify(overrides)}`, '');
  const { channels, organic, ...rest } = overrides as Record<string, unknown>;
  const merged = mergeAt(base, rest, '', '') as Record<string, unknown>;
  merged.channels = mergeChannels(base.channels, channels, 'channels');
  const org = mergeChannels(base.organic, organic, 'organic');
  if (org !== undefined) merged.organic = org;
  return merged as unknown as ModelSpec;
}

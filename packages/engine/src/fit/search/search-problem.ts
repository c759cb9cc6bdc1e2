import type { ModelingTable } from '../../spec/modeling-table.ts';
import type { ChannelSpec, ModelSpec, ObjectiveWeights } from '../../spec/model-spec.ts';
import type { AdstockSpec, AdstockType } from '../../transforms/adstock/types.ts';
import type { SaturationSpec, SaturationType } from '../../transforms/saturation/types.ts';
import { getAdstockKernel } from '../../transforms/adstock/registry.ts';
import { getSaturationKernel } from '../../transforms/saturation/registry.ts';
import { fromUnit, type ParamSpec } from '../../transforms/param-spec.ts';
import { buildBaselineColumns, type BaselineKind } from '../../design/baseline-columns.ts';
import { EngineError } from '../../errors.ts';
import { geoShares } from '../../spec/panel.ts';
import { coefficientCountText } from './coefficient-count-text.ts';
import { fittedRows } from '../../spec/fitted-rows.ts';
import { observedRows } from '../../spec/observed-rows.ts';
import { DEFAULT_SATURATION_BOUNDS, AUTO_ADSTOCK_FAMILIES, AUTO_SATURATION_FAMILIES } from '../../spec/model-spec.ts';
import { searchLiftTests, type SearchLiftTest } from './search-lift-tests.ts';

/** Objectives computed for every candidate, in this column order (all minimised). */
export const OBJECTIVES = ['nrmseTrain', 'nrmseValidation', 'decompRssd', 'mapeLift'] as const;
export type ObjectiveName = (typeof OBJECTIVES)[number];

/**
 * Everything needed to evaluate candidate hyperparameters, as plain data (posted once to each worker).
 * Row ranges index the full table: [fitStart, trainEnd) trains, [trainEnd, fitEnd) validates; rows
 * before fitStart only warm up adstock; rows from fitEnd on (the holdout) are never seen here.
 */
export interface SearchProblem {
  readonly nTimes: number;
  readonly fitStart: number;
  readonly trainEnd: number;
  readonly fitEnd: number;
  readonly target: Float64Array;
  readonly channels: readonly SearchChannel[];
  readonly baseline: readonly {
    readonly name: string; readonly kind: BaselineKind; readonly values: Float64Array; readonly lower: number; readonly upper: number;
    /** An event's built-in holiday ids (BaselineColumn.holidays). */
    readonly holidays?: readonly string[];
  }[];
  readonly lambda: { readonly lower: number; readonly upper: number };
  readonly weights: ObjectiveWeights;
  /** Lift tests: channel index, test rows [startRow, endRow), measured rows [startRow, measureEndRow), lift, standard error and, on a panel, the geos tested (SearchLiftTest). */
  readonly liftTests: readonly SearchLiftTest[];
  /** fitCandidate calibrates the coefficients it returns by the lift tests (the bootstrap's refits). */
  readonly calibrateByLiftTests?: boolean;
  /**
   * Set for a geo panel (table.panel, spec/panel.ts): the per-geo series the panel evaluator fits.
   * `target` and every channel's `spend` above then stay the national aggregates (the scale of each
   * channel, the spend shares and the KPI range are national).
   */
  readonly panel?: SearchPanel;
}

/** A geo panel's series for the search (plain data: posted to every worker with the problem). */
export interface SearchPanel {
  /** Geo names [nGeos], for messages. */
  readonly geos: readonly string[];
  /** Each geo's share of the KPI s_g [nGeos] (geoShares; sums to 1). */
  readonly shares: Float64Array;
  /** Each geo's raw KPI [nGeos][nTimes]. */
  readonly target: readonly Float64Array[];
  /** Each channel's spend per geo [nChannels][nGeos][nTimes], channels in problem.channels order. */
  readonly spend: readonly (readonly Float64Array[])[];
  /**
   * Per baseline column (problem.baseline order): its values per geo [nGeos][nTimes] for a control
   * measured per geo, or null for a column that is the same in every geo (trend, seasonality, events,
   * national controls: problem.baseline[j].values).
   */
  readonly baseline: readonly (readonly Float64Array[] | null)[];
}

export interface SearchChannel {
  readonly name: string;
  /** Spend per period; for organic media, the exposure (transformed the same way, but not money). */
  readonly spend: Float64Array;
  /**
   * An organic media series (table.organic): searched and fitted like a channel (coefficient ≥ 0), but
   * with no spend, so left out of every ROI, spend share and lift test. Organic channels follow the paid ones.
   */
  readonly organic?: boolean;
  readonly maxLag: number;
  /**
   * Candidate adstock families with their search bounds (kernel defaults unless the spec overrides
   * them). One family: its parameters are searched. Several ('auto'): one more coordinate picks the
   * family, followed by as many coordinates as the family with the most parameters needs.
   */
  readonly adstockFamilies: readonly { readonly type: AdstockType; readonly params: readonly ParamSpec[] }[];
  /** Candidate saturation families with their bounds, coded like adstockFamilies (several for 'auto'). */
  readonly saturationFamilies: readonly { readonly type: SaturationType; readonly params: readonly ParamSpec[] }[];
}

/**
 * Number of paid channels: problem.channels[0 … n) are paid, organic media come after them, so
 * per-paid-channel arrays (ROIs, spend shares, lift-test indices) index channels directly.
 * @example paidChannelCount({ channels: [tv, search, newsletterOrganic] }) // 2
 */
export function paidChannelCount(problem: Pick<SearchProblem, 'channels'>): number {
  let n = 0;
  while (n < problem.channels.length && problem.channels[n].organic !== true) n++;
  return n;
}

/** Unit-space coordinates a list of families needs: one to pick the family when there are several, then the largest arity. */
function familiesDimension(families: readonly { readonly params: readonly ParamSpec[] }[]): number {
  return (families.length > 1 ? 1 : 0) + Math.max(...families.map((f) => f.params.length));
}

/** Unit-space coordinates used by a channel's adstock (family choice included). */
export function adstockDimension(ch: Pick<SearchChannel, 'adstockFamilies'>): number {
  return familiesDimension(ch.adstockFamilies);
}

/** Unit-space coordinates used by a channel's saturation (family choice included). */
export function saturationDimension(ch: Pick<SearchChannel, 'saturationFamilies'>): number {
  return familiesDimension(ch.saturationFamilies);
}

/** Hyperparameters of one channel decoded from a candidate vector. */
export interface ChannelHyper {
  readonly adstock: AdstockSpec;
  readonly saturation: SaturationSpec;
}

export interface DecodedCandidate {
  readonly channels: ChannelHyper[];
  readonly lambda: number;
}

const LAMBDA_PARAM = (lower: number, upper: number): ParamSpec => ({ name: 'lambda', lower, upper, scale: 'log', doc: 'ridge penalty' });

/** Number of unit-space parameters: each channel's adstock and saturation params, then λ. */
export function searchDimension(problem: Pick<SearchProblem, 'channels'>): number {
  let d = 1;
  for (const ch of problem.channels) d += adstockDimension(ch) + saturationDimension(ch);
  return d;
}

/**
 * A kernel's parameters with the spec's bound overrides applied (unknown names are an error).
 * @throws EngineError INVALID_ARGUMENT for an unknown parameter or bounds outside lower ≤ upper (equal bounds fix it)
 */
export function boundedParams(params: readonly ParamSpec[], overrides: Readonly<Record<string, readonly [number, number]>> = {}, where = ''): ParamSpec[] {
  for (const name of Object.keys(overrides)) {
    if (!params.some((p) => p.name === name)) {
      throw new EngineError('INVALID_ARGUMENT', `${where}unknown parameter "${name}"; known: ${params.map((p) => p.name).join(', ')}`);
    }
  }
  return params.map((p) => {
    const o = overrides[p.name];
    if (!o) return p;
    const [lower, upper] = o;
    // lower == upper fixes the parameter (fromUnit then gives that value for every coordinate).
    if (!(lower <= upper) || (p.scale === 'log' && !(lower > 0))) {
      throw new EngineError('INVALID_ARGUMENT', `${where}bounds for "${p.name}" must satisfy ${p.scale === 'log' ? '0 < ' : ''}lower ≤ upper (got ${lower}, ${upper})`);
    }
    return { ...p, lower, upper };
  });
}

/** The ParamSpec of every coordinate of the search space, in order (for reports and the explorer). */
export function searchParams(problem: Pick<SearchProblem, 'channels' | 'lambda'>): { channel: string | null; family: 'adstock' | 'saturation' | 'ridge'; param: ParamSpec }[] {
  const out: { channel: string | null; family: 'adstock' | 'saturation' | 'ridge'; param: ParamSpec }[] = [];
  for (const ch of problem.channels) {
    for (const [family, families] of [['adstock', ch.adstockFamilies], ['saturation', ch.saturationFamilies]] as const) {
      if (families.length === 1) {
        for (const p of families[0].params) out.push({ channel: ch.name, family, param: p });
        continue;
      }
      const types = families.map((f) => f.type);
      out.push({ channel: ch.name, family, param: { name: 'family', lower: 0, upper: types.length, scale: 'linear', doc: `${family} family: ${types.join(' | ')} (equal shares of [0, 1])` } });
      for (let i = 1; i < familiesDimension(families); i++) {
        out.push({ channel: ch.name, family, param: { name: `param${i}`, lower: 0, upper: 1, scale: 'linear', doc: `parameter ${i} of the chosen family, on its own bounds` } });
      }
    }
  }
  out.push({ channel: null, family: 'ridge', param: LAMBDA_PARAM(problem.lambda.lower, problem.lambda.upper) });
  return out;
}

/**
 * Decode unit-space coordinates u[offset … offset+d) into kernel specs and λ.
 * @example decodeCandidate(problem, new Float64Array(d).fill(0.5)).lambda // geometric mean of the λ bounds
 */
export function decodeCandidate(problem: Pick<SearchProblem, 'channels' | 'lambda'>, u: ArrayLike<number>, offset = 0): DecodedCandidate {
  const values: number[] = [];
  let k = offset;
  // Reads one family block at k: the family choice (when there are several), then its parameters.
  const decodeFamily = <T extends string>(families: readonly { readonly type: T; readonly params: readonly ParamSpec[] }[]): T => {
    let fam = families[0];
    if (families.length > 1) fam = families[Math.min(families.length - 1, Math.floor(u[k++] * families.length))];
    values.length = 0;
    for (let i = 0; i < fam.params.length; i++) values.push(fromUnit(fam.params[i], u[k + i]));
    k += familiesDimension(families) - (families.length > 1 ? 1 : 0);
    return fam.type;
  };
  const channels: ChannelHyper[] = problem.channels.map((ch) => {
    const adstock = getAdstockKernel(decodeFamily(ch.adstockFamilies)).fromVector(values);
    const saturation = getSaturationKernel(decodeFamily(ch.saturationFamilies)).fromVector(values);
    return { adstock, saturation };
  });
  const lambda = fromUnit(LAMBDA_PARAM(problem.lambda.lower, problem.lambda.upper), u[k]);
  return { channels, lambda };
}

/**
 * Each candidate family with its search bounds: the kernel's, then Mixwise's defaults for the family,
 * then the spec's overrides of the parameters the family has. An override no candidate family knows is an error.
 * @throws EngineError INVALID_ARGUMENT for an unknown parameter or bounds outside lower ≤ upper (equal bounds fix it)
 */
function boundedFamilies<T extends string>(
  part: 'adstock' | 'saturation', types: readonly T[], kernelParams: (t: T) => readonly ParamSpec[],
  defaults: (t: T) => Readonly<Record<string, readonly [number, number]>>, overrides: Readonly<Record<string, readonly [number, number]>>, where: string,
): { type: T; params: ParamSpec[] }[] {
  const known = new Set(types.flatMap((t) => kernelParams(t).map((p) => p.name)));
  for (const name of Object.keys(overrides)) {
    if (!known.has(name)) throw new EngineError('INVALID_ARGUMENT', `${where}unknown ${part} parameter "${name}"; known: ${[...known].join(', ')}`);
  }
  return types.map((type) => ({ type, params: familyParams(kernelParams(type), defaults(type), overrides, where) }));
}

/**
 * One family's search bounds: the kernel's parameters, Mixwise's defaults for the family, then those
 * of the spec's overrides the family has (overrides meant for other families of 'auto' are skipped).
 * @example familyParams(getSaturationKernel('hill').params, DEFAULT_SATURATION_BOUNDS.hill, {})[0].upper // 3
 */
export function familyParams(params: readonly ParamSpec[], defaults: Readonly<Record<string, readonly [number, number]>>, overrides: Readonly<Record<string, readonly [number, number]>>, where = ''): ParamSpec[] {
  const own = Object.fromEntries(Object.entries(overrides).filter(([name]) => params.some((p) => p.name === name)));
  return boundedParams(params, { ...defaults, ...own }, where);
}

/**
 * Assemble the search problem from a table and a spec: the fit, training and validation rows, the
 * KPI, each channel's spend and search bounds per adstock/saturation family, the baseline columns
 * (trend, seasonality, controls, events) and the lift tests as rows.
 * @param table the modeling table, [nTimes] per column
 * @param spec the model spec (validateSpec first: this checks only what it needs)
 * @returns the problem the evaluator, the search, the bootstrap and the Bayesian fit share
 * @throws EngineError TOO_FEW_PERIODS when the window minus holdout leaves fewer training rows, or
 *   fewer training rows with a known KPI, than regressors + 2, or NO_CHANNELS when there is no channel.
 * @example buildSearchProblem(table, defaultModelSpec({ nTimes: 156, frequency: 'weekly', channels: ['tv', 'search'] })).channels.length // 2
 */
export function buildSearchProblem(table: ModelingTable, spec: ModelSpec): SearchProblem {
  if (table.channels.length === 0) throw new EngineError('NO_CHANNELS', 'the model needs at least one media channel');
  const fitted = fittedRows(spec);
  const fitStart = fitted.start;
  const fitEnd = fitted.end;
  const nFit = fitEnd - fitStart;
  const nVal = Math.round(nFit * spec.validationShare);
  const trainEnd = fitEnd - nVal;
  const baseline = buildBaselineColumns(table, spec);
  const organic = table.organic ?? [];
  checkOrganic(table, baseline.map((b) => b.name));
  const nParams = baseline.length + table.channels.length + organic.length + 1;
  // The message says what the coefficients are, so the cheapest cut (often events or changepoints) is plain.
  const counted = coefficientCountText(baseline, table.channels.length, organic.length);
  const remedies = [counted.remedies, 'fewer holdout/validation periods', 'or more data'].filter((r) => r !== '').join(', ');
  if (trainEnd - fitStart < nParams + 2) {
    throw new EngineError('TOO_FEW_PERIODS',
      `the model has ${nParams} coefficients (${counted.parts}) but only ${trainEnd - fitStart} training periods; need at least ${nParams + 2} (${remedies})`);
  }
  // Periods without a KPI are left out of the regression, so the same count holds for the observed ones.
  const nObserved = observedRows(table.target.values, fitStart, trainEnd).length;
  if (nObserved < nParams + 2) {
    throw new EngineError('TOO_FEW_PERIODS',
      `the model has ${nParams} coefficients (${counted.parts}) but only ${nObserved} of its ${trainEnd - fitStart} training periods have a known ${table.target.name}; need at least ${nParams + 2} (fill the missing ${table.target.name} values, ${remedies})`);
  }
  const searchChannel = (name: string, series: Float64Array, s: ChannelSpec | undefined, kind: 'channel' | 'organic media'): SearchChannel => {
    if (!s) throw new EngineError('INVALID_ARGUMENT', `no ${kind === 'channel' ? 'channel' : 'organic'} spec for ${kind} "${name}"`);
    const where = `${kind} "${name}": `;
    const adstockTypes: readonly AdstockType[] = s.adstock === 'auto' ? AUTO_ADSTOCK_FAMILIES : [s.adstock];
    const saturationTypes: readonly SaturationType[] = s.saturation === 'auto' ? AUTO_SATURATION_FAMILIES : [s.saturation];
    return {
      name, spend: series, maxLag: s.maxLag,
      ...(kind === 'organic media' ? { organic: true } : {}),
      adstockFamilies: boundedFamilies('adstock', adstockTypes, (t) => getAdstockKernel(t).params, () => ({}), s.bounds?.adstock ?? {}, where),
      saturationFamilies: boundedFamilies('saturation', saturationTypes, (t) => getSaturationKernel(t).params, (t) => DEFAULT_SATURATION_BOUNDS[t], s.bounds?.saturation ?? {}, where),
    };
  };
  // Organic media after the paid channels, so lift-test indices and per-paid-channel arrays keep their positions.
  const channels: SearchChannel[] = [
    ...table.channels.map((c) => searchChannel(c.name, c.spend, spec.channels.find((x) => x.name === c.name), 'channel')),
    ...organic.map((o) => searchChannel(o.name, o.values, spec.organic?.find((x) => x.name === o.name), 'organic media')),
  ];
  const liftTests = searchLiftTests(table, spec, channels, fitted);
  return {
    nTimes: table.dates.length, fitStart, trainEnd, fitEnd,
    target: table.target.values, channels,
    baseline: baseline.map((b) => ({ name: b.name, kind: b.kind, values: b.values, lower: b.lower, upper: b.upper, ...(b.holidays === undefined ? {} : { holidays: b.holidays }) })),
    lambda: spec.lambda, weights: spec.search.weights, liftTests,
    ...(table.panel === undefined ? {} : { panel: searchPanel(table, baseline) }),
  };
}

/**
 * The panel part of the search problem: shares, per-geo KPI and spend, and per baseline column its
 * per-geo values when it is a control measured per geo (null otherwise).
 */
function searchPanel(table: ModelingTable, baseline: readonly { readonly name: string; readonly kind: BaselineKind }[]): SearchPanel {
  const panel = table.panel as NonNullable<ModelingTable['panel']>;
  if ((table.organic ?? []).length > 0) {
    throw new EngineError('INVALID_ARGUMENT', `organic media (${(table.organic ?? []).map((o) => o.name).join(', ')}) are not supported with a geo panel yet; leave them out, or sum the panel (--clean sum_panel) and fit the national series`);
  }
  return {
    geos: [...panel.geos],
    shares: geoShares(panel),
    target: panel.target,
    spend: panel.spend,
    baseline: baseline.map((b) => {
      if (b.kind !== 'control') return null;
      const k = table.controls.findIndex((c) => c.name === b.name);
      return k >= 0 ? panel.controls[k] ?? null : null;
    }),
  };
}

/**
 * Organic media must have names of their own (they become decomposition components) and exposure
 * that is finite and ≥ 0 (the data layer reports bad cells by row; this guards the engine's API).
 * @throws EngineError INVALID_ARGUMENT naming the organic series
 */
function checkOrganic(table: ModelingTable, baselineNames: readonly string[]): void {
  const taken = new Set([...table.channels.map((c) => c.name), ...baselineNames]);
  for (const o of table.organic ?? []) {
    if (taken.has(o.name)) {
      throw new EngineError('INVALID_ARGUMENT', `organic media "${o.name}" has the name of a channel or baseline term; give each column one role`);
    }
    taken.add(o.name);
    const bad = o.values.findIndex((v) => !(v >= 0) || !Number.isFinite(v));
    if (bad >= 0) throw new EngineError('INVALID_ARGUMENT', `organic media "${o.name}" has exposure ${o.values[bad]} in row ${bad}; exposure must be a finite number ≥ 0`);
    if (o.values.length !== table.dates.length) throw new EngineError('INVALID_ARGUMENT', `organic media "${o.name}" has ${o.values.length} values for ${table.dates.length} periods`);
  }
}

/** The same problem fitted on all non-holdout rows (no validation split): used to refit the chosen model. */
export function withoutValidation(problem: SearchProblem): SearchProblem {
  return { ...problem, trainEnd: problem.fitEnd };
}

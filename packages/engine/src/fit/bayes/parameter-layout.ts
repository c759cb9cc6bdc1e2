import type { SearchProblem } from '../search/search-problem.ts';
import type { ParamSpec } from '../../transforms/param-spec.ts';
import type { AdstockType } from '../../transforms/adstock/types.ts';
import type { SaturationType } from '../../transforms/saturation/types.ts';
import { EngineError } from '../../errors.ts';

/** One channel's block of the Bayesian model's parameter vector. */
export interface ChannelBlock {
  readonly name: string;
  readonly adstockType: AdstockType;
  readonly saturationType: SaturationType;
  /** The adstock parameters, then the saturation parameters, with their prior (= search) bounds. */
  readonly curveParams: readonly ParamSpec[];
  readonly nAdstock: number;
  /** Offset of the first curve coordinate; the curve takes curveParams.length coordinates. */
  readonly curveOffset: number;
  /** An organic media series (SearchChannel.organic): its effect coordinate is log share, not log ROI. */
  readonly organic: boolean;
  /** Offset of the effect coordinate: log ROI for a paid channel, log share (of the mean KPI level) for organic media. */
  readonly effectOffset: number;
}

/** One baseline column's coordinate: free (sign 0), or ±exp(coordinate) for a sign-constrained control. */
export interface BaselineBlock {
  readonly column: number;
  readonly offset: number;
  readonly sign: -1 | 0 | 1;
}

/**
 * Where each parameter of the Bayesian MMM sits in the unconstrained vector the sampler moves:
 * per channel its curve coordinates (logit of the position inside each parameter's bounds) and log
 * ROI (log share for organic media, which have no spend); then the intercept, the baseline
 * coefficients (standardised units) and log σ.
 */
export interface ParameterLayout {
  readonly dim: number;
  /** A readable name per coordinate, e.g. 'tv.saturation.logit_halfSaturation', 'tv.log_roi', 'newsletter.log_share', 'trend', 'log_sigma'. */
  readonly names: readonly string[];
  readonly channels: readonly ChannelBlock[];
  readonly intercept: number;
  readonly baseline: readonly BaselineBlock[];
  readonly logSigma: number;
}

/**
 * The parameter layout for a search problem whose channels each have a single adstock and a single
 * saturation family (the Bayesian fit samples within the families the search chose). Baseline
 * columns with lower = upper = 0 or no variation over the fit rows (`dead`) get no coordinate.
 * @param problem the search problem
 * @param dead per baseline column, 1 when it is left out [nBaseline]
 * @throws EngineError INVALID_ARGUMENT when a channel still has several candidate families
 * @example parameterLayout(problem, dead).names // ['tv.adstock.logit_alpha', 'tv.saturation.logit_halfSaturation', 'tv.saturation.logit_shape', 'tv.log_roi', …, 'log_sigma']
 */
export function parameterLayout(problem: Pick<SearchProblem, 'channels' | 'baseline'>, dead: ArrayLike<number>): ParameterLayout {
  const names: string[] = [];
  const channels: ChannelBlock[] = problem.channels.map((ch) => {
    if (ch.adstockFamilies.length !== 1 || ch.saturationFamilies.length !== 1) {
      throw new EngineError('INVALID_ARGUMENT', `channel "${ch.name}": the Bayesian model samples within one adstock and one saturation family; fix them (not 'auto')`);
    }
    const adstock = ch.adstockFamilies[0], saturation = ch.saturationFamilies[0];
    const curveParams = [...adstock.params, ...saturation.params];
    const curveOffset = names.length;
    // The sampler moves on the logit of each parameter's range; name the kernel, since a Weibull adstock and a Hill curve both have a 'shape'.
    curveParams.forEach((p, i) => names.push(`${ch.name}.${i < adstock.params.length ? 'adstock' : 'saturation'}.logit_${p.name}`));
    const effectOffset = names.length;
    const organic = ch.organic === true;
    names.push(`${ch.name}.${organic ? 'log_share' : 'log_roi'}`);
    return { name: ch.name, adstockType: adstock.type, saturationType: saturation.type, curveParams, nAdstock: adstock.params.length, curveOffset, organic, effectOffset };
  });
  const intercept = names.length;
  names.push('intercept');
  const baseline: BaselineBlock[] = [];
  problem.baseline.forEach((b, j) => {
    if (dead[j] || (b.lower === 0 && b.upper === 0)) return;
    const sign = b.lower === 0 ? 1 : b.upper === 0 ? -1 : 0;
    baseline.push({ column: j, offset: names.length, sign });
    names.push(sign === 0 ? b.name : `${b.name}.log_abs`);
  });
  const logSigma = names.length;
  names.push('log_sigma');
  return { dim: names.length, names, channels, intercept, baseline, logSigma };
}

/** The logistic function 1 / (1 + e^(−z)), written to stay finite for large |z|. */
export function logistic(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log(1 + e^z) without overflow. */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** The logit ln(u / (1 − u)) of a position u inside (0, 1), clamped away from the ends by 1e-6. */
export function logit(u: number): number {
  const v = Math.min(1 - 1e-6, Math.max(1e-6, u));
  return Math.log(v / (1 - v));
}

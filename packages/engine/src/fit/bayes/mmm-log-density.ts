import type { SearchProblem } from '../search/search-problem.ts';
import type { RoiPrior } from '../posterior/roi-prior.ts';
import type { AdstockSpec } from '../../transforms/adstock/types.ts';
import type { SaturationSpec } from '../../transforms/saturation/types.ts';
import { getAdstockKernel } from '../../transforms/adstock/registry.ts';
import { getSaturationKernel } from '../../transforms/saturation/registry.ts';
import { liftPerUnitCoef } from '../../model/lift-per-unit-coef.ts';
import { adstockWeights, applyAdstock } from '../../transforms/adstock/adstock.ts';
import { fromUnit, toUnit } from '../../transforms/param-spec.ts';
import { activeRows, channelScale } from '../../design/channel-scale.ts';
import { isFlat, listMoments } from '../../design/row-moments.ts';
import { observedRows } from '../../spec/observed-rows.ts';
import { sumRange } from '../../analysis/decomposition.ts';
import { EngineError } from '../../errors.ts';
import { parameterLayout, logistic, logit, softplus, type ParameterLayout } from './parameter-layout.ts';

/** Prior scales of the Bayesian MMM, on the standardised scale (KPI and baseline columns centred, unit variance over the fit rows). */
export interface MmmPriors {
  /** Log-normal prior on every channel's ROI over the fit rows. */
  readonly roi: RoiPrior;
  /** Normal(0, sd) on the intercept (default 5). */
  readonly interceptSd?: number;
  /** Normal(0, sd) on free baseline coefficients, half-normal for sign-constrained ones (default 2). */
  readonly baselineSd?: number;
  /** Half-normal scale of the noise sd σ (default 1: the KPI's own sd). */
  readonly sigmaSd?: number;
  /** Half-normal scale of each organic media series' share of the mean KPI level (default ORGANIC_SHARE_SD). */
  readonly organicShareSd?: number;
}

/**
 * Default half-normal scale of an organic series' share (its mean contribution over the fit rows /
 * the mean KPI): weak, ~95% of the prior mass below a share of 1, so it bounds the effect without
 * pulling a share of 5–30% toward 0.
 */
export const ORGANIC_SHARE_SD = 0.5;

/** One channel of a decoded position, in original units. */
export interface DrawChannel {
  readonly adstock: AdstockSpec;
  readonly saturation: SaturationSpec;
  readonly scale: number;
  /** KPI per unit of saturated value: contribution_t = coef · f(A(spend)[t] / scale). */
  readonly coef: number;
  /** Contribution / spend over the fit rows. */
  readonly roi: number;
}

/** One organic media series of a decoded position, in original units (no spend, so no ROI). */
export interface DrawOrganic {
  readonly adstock: AdstockSpec;
  readonly saturation: SaturationSpec;
  readonly scale: number;
  /** KPI per unit of saturated value: contribution_t = coef · f(A(exposure)[t] / scale). */
  readonly coef: number;
  /** Mean contribution over the fit rows / the mean KPI level (see mmmLogDensity). */
  readonly share: number;
}

/** A position of the sampler as model parameters in original units. */
export interface DecodedDraw {
  /** The paid channels. */
  readonly channels: readonly DrawChannel[];
  /** The organic media series (problem channels flagged organic, after the paid ones); [] without them. */
  readonly organic: readonly DrawOrganic[];
  readonly intercept: number;
  /** Per baseline column [nBaseline] (0 for columns left out). */
  readonly baselineCoef: Float64Array;
  /** Residual standard deviation in KPI units. */
  readonly sigma: number;
}

/** The Bayesian MMM's log posterior density over the unconstrained vector of `layout`. */
export interface MmmLogDensity {
  readonly layout: ParameterLayout;
  /** log p(x | y) up to a constant; fills grad [dim]. −Infinity where the model is undefined. */
  logDensity(x: Float64Array, grad: Float64Array): number;
  decode(x: Float64Array): DecodedDraw;
  /** The unconstrained vector of given parameters (curves clamped inside their bounds, ROIs ≥ 1e-3·prior median). */
  encode(draw: Pick<DecodedDraw, 'intercept' | 'baselineCoef' | 'sigma'> & { readonly channels: readonly Pick<DrawChannel, 'adstock' | 'saturation' | 'coef'>[]; readonly organic?: readonly Pick<DrawOrganic, 'adstock' | 'saturation' | 'coef'>[] }): Float64Array;
}

/**
 * Forward-difference step in logit units for the curve coordinates' gradient: truncation error
 * ~h·q''/2 ≈ 1e-7 relative, round-off ~1e-16/h ≈ 1e-9 (q is O(1)).
 */
const CURVE_STEP = 1e-7;

/**
 * The joint log posterior of the Bayesian marketing mix model on the search problem's fit rows
 * [fitStart, fitEnd) (validation split ignored):
 *
 *   ỹ_t ~ Normal(α + Σ_j γ_j z_jt + Σ_c ROI_c · q_c,t(θ_c), σ²),   q_c,t = S_c · m_c,t / (M_c · s_y)
 *
 * with ỹ the KPI standardised over the fit rows (mean ȳ, sd s_y), z_j the standardised baseline columns,
 * m_c,t = f_c(A_c(spend)_t / scale_c) the channel's saturated adstock (adstock over the full history),
 * M_c = Σ_t m_c,t and S_c the channel's spend over the fit rows. Writing the media coefficient through
 * the ROI (β_c = ROI_c·S_c / M_c) follows Meridian's ROI parameterisation (Google Meridian docs,
 * "ROI priors"; Zhang et al. 2023, "Media mix model calibration with Bayesian priors"): the ROI gets
 * the prior directly, and the curve parameters move only the shape of the contribution over time.
 *
 * Priors: ROI_c ~ LogNormal(ln median, sdLog); each curve parameter uniform on its search bounds (the
 * same prior as the search and the hyperparameter posterior); α ~ N(0, 5²); free γ_j ~ N(0, 2²),
 * sign-constrained γ_j half-normal(2) with the sign; σ ~ half-normal(1) (standardised units). Lift
 * tests add −½((ROI_c·S_c·L_k / M_c − lift_k)/se_k)², L_k the saturated counterfactual difference over
 * the measured rows (model/lift-effect.ts). Coordinates: logit of each curve parameter's position in
 * its bounds, log ROI, α, γ (log |γ| when signed), log σ, with the change-of-variables Jacobians.
 *
 * Gradient: analytic for every coordinate except the curve coordinates, which use forward differences
 * of the channel's contribution shape q_c (only that channel is recomputed, and for a saturation
 * coordinate only its saturation: the adstocked spend is reused). HMC stays exact with an
 * approximate gradient: leapfrog with any position-dependent force is reversible and volume
 * preserving, and acceptance uses the exact density (Neal 2011, "MCMC using Hamiltonian dynamics", §3.1).
 *
 * Organic media (channels flagged organic, after the paid ones) have no spend and so no ROI: their
 * term is share_o · q_o,t with q_o,t = L · n_fit · m_o,t / (M_o · s_y), L the mean KPI over the observed
 * fit rows (s_y when that mean is not positive), so share_o is the series' mean contribution over the
 * fit rows as a share of the mean KPI; share_o ~ half-normal(organicShareSd), coordinate log share_o
 * (coefficient ≥ 0, like the ridge fit's). Their curve parameters are sampled like a channel's.
 *
 * Periods whose KPI is missing (NaN, spec/observed-rows.ts) have no likelihood term: the product runs
 * over the observed fit rows, and ȳ, s_y and the baseline columns' standardisation are taken over those
 * rows. M_c and S_c still sum over every fit row, so the ROI stays contribution / spend over all of
 * them, like the search's. Without a missing KPI the arithmetic is unchanged.
 * @param problem a search problem whose channels have one adstock and one saturation family each
 * @param priors the ROI prior and optional prior scales
 * @throws EngineError INVALID_ARGUMENT for 'auto' families or non-positive prior scales
 * @example const d = mmmLogDensity(problem, { roi: DEFAULT_ROI_PRIOR }); d.logDensity(d.encode(start), grad)
 */
export function mmmLogDensity(problem: SearchProblem, priors: MmmPriors): MmmLogDensity {
  const { fitStart, fitEnd, target, channels, baseline, liftTests } = problem;
  const interceptSd = priors.interceptSd ?? 5, baselineSd = priors.baselineSd ?? 2, sigmaSd = priors.sigmaSd ?? 1, shareSd = priors.organicShareSd ?? ORGANIC_SHARE_SD;
  for (const [name, v] of [['roi median', priors.roi.median], ['roi sdLog', priors.roi.sdLog], ['interceptSd', interceptSd], ['baselineSd', baselineSd], ['sigmaSd', sigmaSd], ['organicShareSd', shareSd]] as const) {
    if (!(v > 0) || !Number.isFinite(v)) throw new EngineError('INVALID_ARGUMENT', `Bayesian MMM prior ${name} must be a positive number, got ${v}`);
  }
  const nFit = fitEnd - fitStart;
  // Likelihood rows: the observed fit rows (all of them when no KPI is missing).
  const rows = observedRows(target, fitStart, fitEnd);
  const n = rows.length;
  if (n === 0) throw new EngineError('TOO_FEW_PERIODS', 'no fitted period has a known KPI value');
  const complete = n === nFit;
  const nB = baseline.length, nC = channels.length;

  const yMoments = listMoments(target, rows);
  const yMean = yMoments.mean, ySd = yMoments.sd || 1;
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) ys[i] = (target[rows[i]] - yMean) / ySd;

  const bMean = new Float64Array(nB), bSd = new Float64Array(nB), dead = new Uint8Array(nB);
  for (let j = 0; j < nB; j++) {
    const { mean, sd } = listMoments(baseline[j].values, rows);
    bMean[j] = mean; bSd[j] = sd;
    if (isFlat(mean, sd)) dead[j] = 1;
  }
  const layout = parameterLayout(problem, dead);
  const zs = layout.baseline.map((b) => {
    const v = baseline[b.column].values, out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = (v[rows[i]] - bMean[b.column]) / bSd[b.column];
    return out;
  });
  // Per channel, the KPI total one unit of the effect coordinate's exponent stands for: spend over the
  // fit rows for a paid channel (unit ROI), the mean KPI level × n_fit for organic media (unit share).
  const level = yMean > 0 ? yMean : ySd;
  const spendSum = channels.map((ch) => (ch.organic === true ? level * nFit : sumRange(ch.spend, fitStart, fitEnd)));
  const activeOf = channels.map((ch) => activeRows(ch.spend, ch.maxLag));
  const testsOf = channels.map((_, c) => liftTests.map((lt, k) => (lt.channel === c ? k : -1)).filter((k) => k >= 0));
  const roiMu = Math.log(priors.roi.median), roiVar = priors.roi.sdLog ** 2, share2 = shareSd * shareSd;

  // Channel state at one position: contribution shape q on the likelihood rows (standardised KPI per
  // unit ROI; `full` holds the saturated value on every fit row, and is q itself when none is
  // missing) and, per lift test on the channel, the lift per unit ROI in KPI units. Two sets: at x and at x + h·e_i.
  interface Shape { q: Float64Array; full: Float64Array; lift: Float64Array; own: Float64Array; adstocked: Float64Array; weights: Float64Array; scale: number; mediaSum: number }
  const newShape = (c: number): Shape => {
    const own = new Float64Array(problem.nTimes), full = new Float64Array(nFit);
    return { q: complete ? full : new Float64Array(n), full, lift: new Float64Array(testsOf[c].length), own, adstocked: own, weights: new Float64Array(0), scale: 1, mediaSum: 0 };
  };
  const at = channels.map((_, c) => newShape(c)), moved = channels.map((_, c) => newShape(c));
  const values = channels.map((_, c) => new Float64Array(layout.channels[c].curveParams.length));

  function curveSpecs(c: number, x: Float64Array): { adstock: AdstockSpec; saturation: SaturationSpec } {
    const blk = layout.channels[c], v = values[c];
    for (let i = 0; i < v.length; i++) v[i] = fromUnit(blk.curveParams[i], logistic(x[blk.curveOffset + i]));
    return { adstock: getAdstockKernel(blk.adstockType).fromVector(v), saturation: getSaturationKernel(blk.saturationType).fromVector(v, blk.nAdstock) };
  }

  /** Fills out for channel c at x; with `adstockFrom`, its adstocked spend, scale and weights are reused (only a saturation coordinate moved). */
  function shape(c: number, x: Float64Array, out: Shape, adstockFrom?: Shape): void {
    const ch = channels[c];
    const { adstock, saturation } = curveSpecs(c, x);
    if (adstockFrom) {
      out.adstocked = adstockFrom.adstocked; out.scale = adstockFrom.scale; out.weights = adstockFrom.weights;
    } else {
      out.adstocked = out.own;
      applyAdstock(ch.spend, adstock, { maxLag: ch.maxLag, normalised: true }, out.adstocked);
      const sc = channelScale(out.adstocked, activeOf[c], fitStart, fitEnd);
      out.scale = Number.isNaN(sc) ? 1 : sc;
      out.weights = testsOf[c].length > 0 ? adstockWeights(adstock, ch.maxLag, true) : out.weights;
    }
    const a = out.adstocked, scale = out.scale;
    const kernel = getSaturationKernel(saturation.type);
    const q = out.q, full = out.full;
    for (let i = 0; i < nFit; i++) full[i] = a[fitStart + i] / scale;
    kernel.apply(full, saturation, full);
    let m = 0;
    for (let i = 0; i < nFit; i++) m += full[i];
    const k = m > 0 && spendSum[c] > 0 ? spendSum[c] / (m * ySd) : 0;
    if (complete) for (let i = 0; i < n; i++) q[i] *= k;
    else for (let i = 0; i < n; i++) q[i] = full[rows[i] - fitStart] * k;
    out.mediaSum = m;
    const tests = testsOf[c], w = out.weights;
    for (let j = 0; j < tests.length; j++) {
      out.lift[j] = k * ySd * liftPerUnitCoef(kernel, saturation, a, ch.spend, w, ch.maxLag, scale, liftTests[tests[j]]);
    }
  }

  const pred = new Float64Array(n), resid = new Float64Array(n);
  const gamma = new Float64Array(layout.baseline.length);

  function logDensity(x: Float64Array, grad: Float64Array): number {
    grad.fill(0);
    let lp = 0;
    for (let c = 0; c < nC; c++) {
      shape(c, x, at[c]);
      const blk = layout.channels[c];
      for (let i = 0; i < blk.curveParams.length; i++) {
        const z = x[blk.curveOffset + i];
        lp -= softplus(-z) + softplus(z);
        grad[blk.curveOffset + i] += 1 - 2 * logistic(z);
      }
      const rho = x[blk.effectOffset];
      if (blk.organic) {
        // share = e^ρ ~ half-normal(shareSd), with the Jacobian e^ρ.
        const e2 = Math.exp(2 * rho);
        lp += rho - e2 / (2 * share2);
        grad[blk.effectOffset] += 1 - e2 / share2;
      } else {
        lp -= ((rho - roiMu) ** 2) / (2 * roiVar);
        grad[blk.effectOffset] -= (rho - roiMu) / roiVar;
      }
    }
    const alpha = x[layout.intercept];
    lp -= (alpha * alpha) / (2 * interceptSd * interceptSd);
    grad[layout.intercept] -= alpha / (interceptSd * interceptSd);
    const b2 = baselineSd * baselineSd;
    for (let k = 0; k < layout.baseline.length; k++) {
      const b = layout.baseline[k], u = x[b.offset];
      if (b.sign === 0) {
        gamma[k] = u;
        lp -= (u * u) / (2 * b2);
        grad[b.offset] -= u / b2;
      } else {
        const e = Math.exp(u);
        gamma[k] = b.sign * e;
        lp += u - (e * e) / (2 * b2);
        grad[b.offset] += 1 - (e * e) / b2;
      }
    }
    const tau = x[layout.logSigma], sigma = Math.exp(tau), s2 = sigma * sigma;
    lp += tau - s2 / (2 * sigmaSd * sigmaSd);
    grad[layout.logSigma] += 1 - s2 / (sigmaSd * sigmaSd);

    pred.fill(alpha);
    for (let k = 0; k < layout.baseline.length; k++) {
      const g = gamma[k], z = zs[k];
      for (let i = 0; i < n; i++) pred[i] += g * z[i];
    }
    for (let c = 0; c < nC; c++) {
      const r = Math.exp(x[layout.channels[c].effectOffset]), q = at[c].q;
      for (let i = 0; i < n; i++) pred[i] += r * q[i];
    }
    let rss = 0;
    for (let i = 0; i < n; i++) { resid[i] = ys[i] - pred[i]; rss += resid[i] * resid[i]; }
    lp += -n * tau - rss / (2 * s2);
    if (!Number.isFinite(lp)) return -Infinity;
    grad[layout.logSigma] += -n + rss / s2;
    let sr = 0;
    for (let i = 0; i < n; i++) sr += resid[i];
    grad[layout.intercept] += sr / s2;
    for (let k = 0; k < layout.baseline.length; k++) {
      const b = layout.baseline[k], z = zs[k];
      let s = 0;
      for (let i = 0; i < n; i++) s += resid[i] * z[i];
      // d pred / d coordinate = z (free) or γ·z (signed: γ = ±e^u).
      grad[b.offset] += (b.sign === 0 ? s : s * gamma[k]) / s2;
    }
    for (let c = 0; c < nC; c++) {
      const blk = layout.channels[c], r = Math.exp(x[blk.effectOffset]), sh = at[c], tests = testsOf[c];
      let s = 0;
      for (let i = 0; i < n; i++) s += resid[i] * sh.q[i];
      grad[blk.effectOffset] += (r * s) / s2;
      // Lift tests: pred_k = r · lift_k; d/d log r = pred_k.
      for (let j = 0; j < tests.length; j++) {
        const lt = liftTests[tests[j]], p = r * sh.lift[j], zk = (p - lt.lift) / lt.se;
        lp -= 0.5 * zk * zk;
        grad[blk.effectOffset] -= (zk / lt.se) * p;
      }
      for (let i = 0; i < blk.curveParams.length; i++) {
        const o = blk.curveOffset + i, z0 = x[o], mv = moved[c];
        x[o] = z0 + CURVE_STEP;
        shape(c, x, mv, i >= blk.nAdstock ? sh : undefined);
        x[o] = z0;
        let d = 0;
        for (let t = 0; t < n; t++) d += resid[t] * (mv.q[t] - sh.q[t]);
        let g = (r * d) / (CURVE_STEP * s2);
        for (let j = 0; j < tests.length; j++) {
          const lt = liftTests[tests[j]], zk = (r * sh.lift[j] - lt.lift) / lt.se;
          g -= (zk / lt.se) * r * (mv.lift[j] - sh.lift[j]) / CURVE_STEP;
        }
        grad[o] += g;
      }
    }
    return Number.isFinite(lp) ? lp : -Infinity;
  }

  function decode(x: Float64Array): DecodedDraw {
    const baselineCoef = new Float64Array(nB);
    let intercept = yMean + ySd * x[layout.intercept];
    for (const b of layout.baseline) {
      const g = b.sign === 0 ? x[b.offset] : b.sign * Math.exp(x[b.offset]);
      baselineCoef[b.column] = (g * ySd) / bSd[b.column];
      intercept -= baselineCoef[b.column] * bMean[b.column];
    }
    const out = channels.map((_, c) => {
      const { adstock, saturation } = curveSpecs(c, x);
      shape(c, x, at[c]);
      const effect = Math.exp(x[layout.channels[c].effectOffset]);
      const coef = at[c].mediaSum > 0 ? (effect * spendSum[c]) / at[c].mediaSum : 0;
      return { adstock, saturation, scale: at[c].scale, coef, effect: spendSum[c] > 0 ? effect : 0 };
    });
    const paid = out.filter((_, c) => !layout.channels[c].organic).map(({ effect, ...ch }) => ({ ...ch, roi: effect }));
    const organic = out.filter((_, c) => layout.channels[c].organic).map(({ effect, ...o }) => ({ ...o, share: effect }));
    return { channels: paid, organic, intercept, baselineCoef, sigma: ySd * Math.exp(x[layout.logSigma]) };
  }

  function encode(draw: Parameters<MmmLogDensity['encode']>[0]): Float64Array {
    const x = new Float64Array(layout.dim);
    const nPaid = layout.channels.filter((b) => !b.organic).length;
    channels.forEach((_, c) => {
      const blk = layout.channels[c], d = blk.organic ? draw.organic?.[c - nPaid] : draw.channels[c];
      if (d === undefined) throw new EngineError('INVALID_ARGUMENT', `encode: no starting curve for organic media "${blk.name}"`);
      const v = [...getAdstockKernel(blk.adstockType).toVector(d.adstock as never), ...getSaturationKernel(blk.saturationType).toVector(d.saturation as never)];
      for (let i = 0; i < v.length; i++) x[blk.curveOffset + i] = logit(toUnit(blk.curveParams[i], v[i]));
      shape(c, x, at[c]);
      const effect = spendSum[c] > 0 ? (d.coef * at[c].mediaSum) / spendSum[c] : 0;
      // A ridge coefficient of 0 (organic media at their bound) starts at a small share instead of −∞.
      x[blk.effectOffset] = Math.log(Math.max(effect, blk.organic ? 1e-4 * shareSd : 1e-3 * priors.roi.median));
    });
    let alpha = draw.intercept - yMean;
    for (let j = 0; j < nB; j++) alpha += draw.baselineCoef[j] * bMean[j];
    x[layout.intercept] = alpha / ySd;
    for (const b of layout.baseline) {
      const g = (draw.baselineCoef[b.column] * bSd[b.column]) / ySd;
      x[b.offset] = b.sign === 0 ? g : Math.log(Math.max(Math.abs(g), 1e-4));
    }
    x[layout.logSigma] = Math.log(Math.max(draw.sigma / ySd, 1e-6));
    return x;
  }

  return { layout, logDensity, decode, encode };
}

import type { CandidateEvaluator } from './evaluator.ts';
import { OBJECTIVES, decodeCandidate, paidChannelCount, searchDimension, type DecodedCandidate, type SearchProblem } from './search-problem.ts';
import { adstockWeights, applyAdstock } from '../../transforms/adstock/adstock.ts';
import { getSaturationKernel } from '../../transforms/saturation/registry.ts';
import { liftPerUnitCoef } from '../../model/lift-per-unit-coef.ts';
import { createBoxQpWorkspace, solveBoxQp } from '../ridge/box-qp.ts';
import { decompRssd } from './decomp-rssd.ts';
import { activeRows, channelScale } from '../../design/channel-scale.ts';
import { evidenceTerms, type EvidenceTerms } from './evidence-terms.ts';
import { isFlat, listMoments } from '../../design/row-moments.ts';
import { observedRows } from '../../spec/observed-rows.ts';
import { EngineError } from '../../errors.ts';
import { createPanelEvaluator } from './panel-evaluator.ts';
import { dotColumns } from './dot-columns.ts';

/** A fitted candidate in original units: what the final model keeps. */
export interface CandidateFit {
  readonly hyper: DecodedCandidate;
  readonly intercept: number;
  /** KPI per unit of saturated media value, per channel [nChannels]. */
  readonly mediaCoef: Float64Array;
  /** Per baseline column [nBaseline], in the column's own units. */
  readonly baselineCoef: Float64Array;
  /** Divisor applied to adstocked spend before saturation, per channel [nChannels]. */
  readonly scales: Float64Array;
  /** Objective values in OBJECTIVES order. */
  readonly objectives: Float64Array;
  /**
   * Σ of each channel's saturated media value over the fit rows [nChannels], periods without a KPI
   * included: contribution = mediaCoef · mediaSum.
   */
  readonly mediaSum: Float64Array;
  /**
   * Predicted lift of every lift test (liftEffect of the tested channel) [nLiftTests] by the fit to
   * the KPI alone, before the tests calibrate the coefficients: what the hyperparameter posterior
   * weighs and MAPE.LIFT scores (the model's own predictions use mediaCoef).
   */
  readonly liftPredictions: Float64Array;
  /** What the ridge regression's marginal likelihood needs (ridgeLogEvidence), on the observed training rows. */
  readonly evidence: EvidenceTerms;
  /**
   * A geo panel's intercepts μ_g [nGeos] in national-equivalent units (panel-evaluator.ts); `intercept`
   * is then Σ_g s_g μ_g. Absent for a national fit.
   */
  readonly geoIntercepts?: Float64Array;
}

export interface DetailedEvaluator extends CandidateEvaluator {
  /** Fit one candidate and return its coefficients (unit-space vector of length nParams). */
  fitCandidate(u: ArrayLike<number>): CandidateFit;
}

/**
 * Build the evaluator for one problem: precomputes the standardised baseline block once, then each
 * candidate costs one adstock + saturation per channel, a few cross products and a small bounded QP.
 *
 * Per candidate: media columns are built over the full history (so earlier spend carries over), the
 * design is standardised on the training rows, and the ridge problem
 *   min (1/n)‖ỹ − Z̃b‖² + λ‖b‖²  s.t. media b ≥ 0, signed controls per their sign
 * is solved exactly by solveBoxQp (ỹ, Z̃ centred and scaled to unit variance; intercept unpenalised).
 * Objectives: NRMSE on training and validation rows (RMSE / range of the KPI over the fit rows, after
 * Robyn's definition), DECOMP.RSSD (Robyn: √Σ(effect share − spend share)² over paid channels, training
 * rows; organic media, which have no spend, are in neither share) and MAPE.LIFT against lift tests
 * (NaN when there are none). fitCandidate then calibrates the coefficients it returns by the lift tests
 * when the problem asks (calibrateByLiftTests: the bootstrap's refits): each test is one more, weighted
 * observation of its channel's coefficient; the search's objectives stay the KPI fit's.
 *
 * Periods whose KPI is missing (NaN, spec/observed-rows.ts) are left out of the regression: the
 * training and validation rows are the observed rows of [fitStart, trainEnd) and [trainEnd, fitEnd),
 * and the KPI moments, the range, the standardisation, the cross products, the residuals and the
 * evidence terms use only those. Media columns still run over every row (spend in a gap carries over),
 * `mediaSum` and DECOMP.RSSD cover every fit or training row, observed or not: like ROI they compare
 * the model's contributions with spend, which are both defined where the KPI is not. Without a
 * missing KPI the regression rows are the fit rows themselves and the arithmetic is the same as
 * before, to the bit (the compacted media block is then the full one, not a copy).
 * @param problem the search problem (buildSearchProblem)
 * @returns evaluate(batch of unit-space candidates) → objectives per candidate [nCandidates × 4], and
 *   fitCandidate(u) → the candidate's coefficients, fitted values and lift predictions
 * @example createCandidateEvaluator(problem).fitCandidate(new Float64Array(searchDimension(problem)).fill(0.5)).objectives[0] // NRMSE on the training rows, e.g. 0.07
 */
export function createCandidateEvaluator(problem: SearchProblem): DetailedEvaluator {
  if (problem.panel !== undefined) return createPanelEvaluator(problem); // a geo panel: one row per geo and period
  const { fitStart, trainEnd, fitEnd, target, channels, baseline } = problem;
  const nFit = fitEnd - fitStart;
  const nTrainAll = trainEnd - fitStart;
  // Regression rows: the observed fit rows, training ones first (rows[i] for i < nTrain).
  const rows = observedRows(target, fitStart, fitEnd);
  const nObs = rows.length;
  let nTrain = 0;
  while (nTrain < nObs && rows[nTrain] < trainEnd) nTrain++;
  const nVal = nObs - nTrain;
  const complete = nObs === nFit;
  if (nTrain === 0) throw new EngineError('TOO_FEW_PERIODS', `none of the ${nTrainAll} training periods has a known KPI value`);
  const nB = baseline.length;
  const nC = channels.length;
  // Organic media (after the paid channels) are fitted like channels but have no spend: DECOMP.RSSD compares paid channels only.
  const nPaid = paidChannelCount(problem);
  const n = nB + nC;
  const nParams = searchDimension(problem);
  const nObj = OBJECTIVES.length;

  // Target statistics on observed training rows (buildSearchProblem guarantees there are some).
  const yMoments = listMoments(target, rows, nTrain);
  const yMean = yMoments.mean, ySd = yMoments.sd || 1;
  let yMin = Infinity, yMax = -Infinity;
  for (let i = 0; i < nObs; i++) { const y = target[rows[i]]; yMin = Math.min(yMin, y); yMax = Math.max(yMax, y); }
  const yRange = yMax - yMin || 1;
  const ys = new Float64Array(nTrain);
  for (let i = 0; i < nTrain; i++) ys[i] = (target[rows[i]] - yMean) / ySd;

  // Standardised baseline block, column-major [nB × nTrain].
  const bMean = new Float64Array(nB), bSd = new Float64Array(nB), bDead = new Uint8Array(nB);
  const zs = new Float64Array(nB * nTrain);
  for (let j = 0; j < nB; j++) {
    const v = baseline[j].values;
    const { mean: m, sd } = listMoments(v, rows, nTrain);
    bMean[j] = m; bSd[j] = sd;
    if (isFlat(m, sd)) { bDead[j] = 1; continue; }
    for (let i = 0; i < nTrain; i++) zs[j * nTrain + i] = (v[rows[i]] - m) / sd;
  }
  const gBase = new Float64Array(nB * nB), cBase = new Float64Array(nB);
  for (let j = 0; j < nB; j++) {
    if (bDead[j]) continue;
    for (let k = 0; k <= j; k++) {
      if (bDead[k]) continue;
      let s = 0;
      for (let i = 0; i < nTrain; i++) s += zs[j * nTrain + i] * zs[k * nTrain + i];
      gBase[j * nB + k] = gBase[k * nB + j] = s / nTrain;
    }
    let s = 0;
    for (let i = 0; i < nTrain; i++) s += zs[j * nTrain + i] * ys[i];
    cBase[j] = s / nTrain;
  }
  const spendTrain = new Float64Array(nC);
  let spendTrainTotal = 0;
  for (let c = 0; c < nPaid; c++) {
    let s = 0;
    for (let t = fitStart; t < trainEnd; t++) s += channels[c].spend[t];
    spendTrain[c] = s; spendTrainTotal += s;
  }

  // Scratch space reused by every candidate.
  const adstocked = channels.map(() => new Float64Array(problem.nTimes));
  const activeOf = channels.map((ch) => activeRows(ch.spend, ch.maxLag));
  const sat = new Float64Array(nC * nFit);
  // The media block on the regression rows [nC × nObs]: `sat` itself when every fit row is observed.
  const obs = complete ? sat : new Float64Array(nC * nObs);
  const trainSum = new Float64Array(nC), mMean = new Float64Array(nC), mSd = new Float64Array(nC), mDead = new Uint8Array(nC), scales = new Float64Array(nC), contrib = new Float64Array(nC);
  const g = new Float64Array(n * n), cv = new Float64Array(n);
  const lower = new Float64Array(n), upper = new Float64Array(n);
  const ws = createBoxQpWorkspace(n);
  const bStd = new Float64Array(n);
  const cross = new Float64Array(Math.max(nB, nC));
  const baseValues = baseline.map((b) => b.values), liveBase = new Int32Array(nB), residualSquares = new Float64Array(nObs);
  const beta = new Float64Array(n);
  let lastIntercept = 0;
  let lastRssTrain = 0;
  const liftPred = new Float64Array(problem.liftTests.length);
  // Per lift test, Σ over its measured rows of the saturated effect of the test's spend (the lift per unit coefficient).
  const liftSat = new Float64Array(problem.liftTests.length);

  function run(u: ArrayLike<number>, offset: number, obj: Float64Array, objOffset: number): DecodedCandidate {
    const hyper = decodeCandidate(problem, u, offset);
    const lambda = hyper.lambda;
    for (let c = 0; c < nC; c++) {
      const ch = channels[c];
      const a = adstocked[c];
      applyAdstock(ch.spend, hyper.channels[c].adstock, { maxLag: ch.maxLag, normalised: true }, a);
      const active = channelScale(a, activeOf[c], fitStart, fitEnd);
      const scale = Number.isNaN(active) ? 1 : active;
      scales[c] = scale;
      const off = c * nFit;
      for (let i = 0; i < nFit; i++) sat[off + i] = a[fitStart + i] / scale;
      const view = sat.subarray(off, off + nFit);
      // The candidate's own curve: with saturation 'auto' its family varies from candidate to candidate.
      getSaturationKernel(hyper.channels[c].saturation.type).apply(view, hyper.channels[c].saturation, view);
      const o = c * nObs;
      if (!complete) for (let i = 0; i < nObs; i++) obs[o + i] = sat[off + rows[i] - fitStart];
      let m = 0;
      for (let i = 0; i < nTrain; i++) m += obs[o + i];
      trainSum[c] = m;
      m /= nTrain;
      let s2 = 0;
      for (let i = 0; i < nTrain; i++) s2 += (obs[o + i] - m) ** 2;
      mMean[c] = m; mSd[c] = Math.sqrt(s2 / nTrain);
      // A saturated column that does not vary on the training rows carries no information: coefficient 0.
      mDead[c] = isFlat(m, mSd[c]) ? 1 : 0;
    }
    // Assemble G = Z̃ᵀZ̃/n + λI and c = Z̃ᵀỹ/n over [baseline | media].
    for (let j = 0; j < nB; j++) {
      for (let k = 0; k < nB; k++) g[j * n + k] = gBase[j * nB + k];
      cv[j] = cBase[j];
      lower[j] = baseline[j].lower; upper[j] = baseline[j].upper;
      if (bDead[j]) { g[j * n + j] = 1; lower[j] = 0; upper[j] = 0; }
    }
    for (let c = 0; c < nC; c++) {
      const r = nB + c;
      const off = c * nObs;
      const sd = mSd[c];
      const dead = mDead[c] === 1;
      lower[r] = 0; upper[r] = dead ? 0 : Infinity;
      // Raw cross products with the baseline and earlier media columns (dead ones computed, then dropped).
      if (!dead) dotColumns(obs, off, zs, 0, nTrain, nB, nTrain, cross, 0);
      for (let j = 0; j < nB; j++) {
        let s = 0;
        if (!dead && !bDead[j]) s = cross[j] / (nTrain * sd);
        g[r * n + j] = g[j * n + r] = s;
      }
      if (!dead) dotColumns(obs, off, obs, 0, nObs, c + 1, nTrain, cross, 0);
      for (let c2 = 0; c2 <= c; c2++) {
        const r2 = nB + c2;
        let s = 0;
        if (!dead && !mDead[c2]) s = (cross[c2] / nTrain - mMean[c] * mMean[c2]) / (sd * mSd[c2]);
        else if (c2 === c) s = 1;
        g[r * n + r2] = g[r2 * n + r] = s;
      }
      let s = 0;
      if (!dead) {
        for (let i = 0; i < nTrain; i++) s += obs[off + i] * ys[i];
        s /= nTrain * sd;
      }
      cv[r] = s;
    }
    for (let j = 0; j < n; j++) g[j * n + j] += lambda;
    solveBoxQp(g, cv, lower, upper, n, ws, bStd);
    const [rssTrain, rssVal] = toOriginalUnits();
    lastRssTrain = rssTrain;
    obj[objOffset] = Math.sqrt(rssTrain / nTrain) / yRange;
    obj[objOffset + 1] = nVal > 0 ? Math.sqrt(rssVal / nVal) / yRange : NaN;
    // DECOMP.RSSD on all training rows, observed or not (contributions and spend exist in a KPI gap).
    // Without a missing KPI those are the rows of the mean above, summed in the same order: reuse the sum.
    for (let c = 0; c < nPaid; c++) {
      let s = 0;
      if (complete) s = trainSum[c];
      else for (let i = 0; i < nTrainAll; i++) s += sat[c * nFit + i];
      contrib[c] = beta[nB + c] * s;
    }
    obj[objOffset + 2] = decompRssd(contrib, spendTrain, spendTrainTotal, nPaid);
    // MAPE.LIFT: the model's lift for each test (liftEffect: KPI of the test rows' spend over the
    // measured rows, counterfactual with that spend at 0) vs the measured lift.
    if (problem.liftTests.length > 0) {
      let ape = 0;
      for (let k = 0; k < problem.liftTests.length; k++) {
        const lt = problem.liftTests[k];
        const c = lt.channel;
        const ch = channels[c];
        const w = adstockWeights(hyper.channels[c].adstock, ch.maxLag, true);
        const sp = hyper.channels[c].saturation;
        const s = liftPerUnitCoef(getSaturationKernel(sp.type), sp, adstocked[c], ch.spend, w, ch.maxLag, scales[c], lt);
        liftSat[k] = s;
        liftPred[k] = beta[nB + c] * s;
        // Relative to max(|lift|, se): finite for a null result (lift 0), and no sharper than the test.
        ape += Math.abs(liftPred[k] - lt.lift) / Math.max(Math.abs(lt.lift), lt.se);
      }
      obj[objOffset + 3] = ape / problem.liftTests.length;
    } else obj[objOffset + 3] = NaN;
    return hyper;
  }

  /** beta and lastIntercept in the data's units from bStd; returns the RSS on observed training and validation rows. */
  function toOriginalUnits(): [number, number] {
    let intercept = yMean;
    for (let j = 0; j < nB; j++) {
      beta[j] = bDead[j] ? 0 : (bStd[j] * ySd) / bSd[j];
      intercept -= beta[j] * bMean[j];
    }
    for (let c = 0; c < nC; c++) {
      const r = nB + c;
      beta[r] = mDead[c] ? 0 : (bStd[r] * ySd) / mSd[c];
      intercept -= beta[r] * mMean[c];
    }
    lastIntercept = intercept;
    let nLive = 0;
    for (let j = 0; j < nB; j++) if (beta[j] !== 0) liveBase[nLive++] = j;
    // Fitted values four rows at a time (each row's sum in the same order as one row at a time).
    const sq = residualSquares;
    let i = 0;
    for (; i + 4 <= nObs; i += 4) {
      const t0 = rows[i], t1 = rows[i + 1], t2 = rows[i + 2], t3 = rows[i + 3];
      let f0 = intercept, f1 = intercept, f2 = intercept, f3 = intercept;
      for (let q = 0; q < nLive; q++) {
        const j = liveBase[q], b = beta[j], v = baseValues[j];
        f0 += b * v[t0]; f1 += b * v[t1]; f2 += b * v[t2]; f3 += b * v[t3];
      }
      for (let c = 0; c < nC; c++) {
        const b = beta[nB + c], o = c * nObs + i;
        f0 += b * obs[o]; f1 += b * obs[o + 1]; f2 += b * obs[o + 2]; f3 += b * obs[o + 3];
      }
      const e0 = target[t0] - f0, e1 = target[t1] - f1, e2 = target[t2] - f2, e3 = target[t3] - f3;
      sq[i] = e0 * e0; sq[i + 1] = e1 * e1; sq[i + 2] = e2 * e2; sq[i + 3] = e3 * e3;
    }
    for (; i < nObs; i++) {
      const t = rows[i];
      let f = intercept;
      for (let q = 0; q < nLive; q++) f += beta[liveBase[q]] * baseValues[liveBase[q]][t];
      for (let c = 0; c < nC; c++) f += beta[nB + c] * obs[c * nObs + i];
      const e = target[t] - f;
      sq[i] = e * e;
    }
    let rssTrain = 0, rssVal = 0;
    for (i = 0; i < nTrain; i++) rssTrain += sq[i];
    for (; i < nObs; i++) rssVal += sq[i];
    return [rssTrain, rssVal];
  }

  /**
   * Calibrate the coefficients of the last run() by its lift tests: each test is one more
   * observation of its channel's coefficient, pred_k = β_c·S_k ≈ lift_k with standard error se_k,
   * weighted against the KPI rows as a row of noise variance se_k² against rows of variance σ̂²
   * (σ̂² = the KPI-only fit's RSS / n): the ridge problem gains Σ_k (σ̂²/se_k²)·(a_k b_c − l_k)² / n
   * in standardised units (a_k = S_k / sd of the channel's column, l_k = lift_k / sd(y)), the
   * experiment entering the coefficients as PyMC-Marketing's lift-test likelihood does.
   */
  function calibrateByLiftTests(): void {
    const s2 = lastRssTrain / (nTrain * ySd * ySd);
    if (!(s2 > 0)) return;
    problem.liftTests.forEach((lt, k) => {
      if (mDead[lt.channel]) return;
      const r = nB + lt.channel;
      const a = liftSat[k] / mSd[lt.channel], l = lt.lift / ySd, se = lt.se / ySd;
      const w = s2 / (se * se * nTrain);
      g[r * n + r] += w * a * a;
      cv[r] += w * a * l;
    });
    solveBoxQp(g, cv, lower, upper, n, ws, bStd);
    toOriginalUnits();
  }

  return {
    nParams,
    nObjectives: nObj,
    evaluate(params, nCandidates, out) {
      for (let k = 0; k < nCandidates; k++) run(params, k * nParams, out, k * nObj);
    },
    fitCandidate(u) {
      const objectives = new Float64Array(nObj);
      const hyper = run(u, 0, objectives, 0);
      const mediaSum = new Float64Array(nC);
      for (let c = 0; c < nC; c++) for (let i = 0; i < nFit; i++) mediaSum[c] += sat[c * nFit + i];
      // Dead columns sit in G as identity rows (1 + λ on the diagonal): they are not parameters.
      const live = new Uint8Array(n);
      for (let j = 0; j < nB; j++) live[j] = bDead[j] ? 0 : 1;
      for (let c = 0; c < nC; c++) live[nB + c] = mDead[c] ? 0 : 1;
      const evidence = evidenceTerms(g, bStd, live, n, hyper.lambda, lastRssTrain / (ySd * ySd), nTrain);
      // The objectives, the evidence and the lift predictions the posterior weighs are the KPI's fit;
      // the coefficients a model keeps then take the experiments in too.
      const liftPredictions = liftPred.slice();
      if (problem.calibrateByLiftTests === true && problem.liftTests.length > 0) calibrateByLiftTests();
      return {
        evidence,
        hyper, intercept: lastIntercept, objectives,
        mediaCoef: beta.slice(nB, n), baselineCoef: beta.slice(0, nB), scales: scales.slice(), mediaSum,
        liftPredictions,
      };
    },
  };
}

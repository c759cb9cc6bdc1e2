import type { CandidateFit, DetailedEvaluator } from './candidate-evaluator.ts';
import { OBJECTIVES, decodeCandidate, searchDimension, type DecodedCandidate, type SearchPanel, type SearchProblem } from './search-problem.ts';
import { adstockWeights, applyAdstock } from '../../transforms/adstock/adstock.ts';
import type { AdstockSpec } from '../../transforms/adstock/types.ts';
import { getSaturationKernel } from '../../transforms/saturation/registry.ts';
import { createBoxQpWorkspace, solveBoxQp } from '../ridge/box-qp.ts';
import { decompRssd } from './decomp-rssd.ts';
import { convolveInto } from '../../transforms/adstock/convolve-lags.ts';
import { negligibleTail } from '../../transforms/adstock/negligible-tail.ts';
import { activeRows, channelScale } from '../../design/channel-scale.ts';
import { evidenceTerms } from './evidence-terms.ts';
import { isFlat } from '../../design/row-moments.ts';
import { panelFixed } from './panel-fixed.ts';
import { assemblePanelGram, createPanelGram } from './panel-gram.ts';
import { addColumns } from './dot-columns.ts';
import { EngineError } from '../../errors.ts';
import { createPanelLift } from './panel-lift.ts';

/**
 * The candidate evaluator of a geo panel (spec/panel.ts, docs/model.md §4d): the national evaluator's
 * ridge regression with one row per (geo, period) instead of per period.
 *
 * Per candidate, every geo's spend per unit of size (x_{g,c} / s_g) is adstocked over the full history
 * with the candidate's kernel (the same for every geo), divided by the channel's scale (channelScale of
 * the NATIONAL adstocked spend, exactly as the national evaluator computes it, so the fitted curve is the
 * national one in national-equivalent units) and saturated. The regression rows are the (geo, fit row)
 * pairs; the KPI is ỹ = y_g / s_g, each row weighted by s_g. The geo intercepts μ_g are fitted by
 * demeaning ỹ and every column within each geo (a geo's rows share one weight, so its weighted mean is
 * its plain mean over the training rows); the demeaned columns are standardised with weighted moments
 * over the training rows and the same bounded ridge problem as the national evaluator's,
 *   min (1/n)Σ w(ỹ − Z̃b)² + λ‖b‖²  (w = s_g / Σ s, n = training periods; media ≥ 0, signed controls),
 * is solved by solveBoxQp. So a panel whose geos are all s_g × the national series gives the national
 * evaluator's coefficients and objectives (panel-evaluator.test.ts).
 *
 * Objectives (OBJECTIVES order): NRMSE = weighted RMSE of ỹ over the training / validation periods
 * (validation = the national problem's [trainEnd, fitEnd) in every geo) divided by the range of the
 * national KPI over the fit rows; DECOMP.RSSD on national effect shares (β_c Σ_g s_g Σ_t sat) against
 * national spend shares over the training rows; MAPE.LIFT as the national evaluator's, mean |pred − lift| /
 * max(|lift|, se) over the tests, with pred = β_c · S_k summed over the geos each test ran in
 * (createPanelLift); NaN without tests.
 *
 * Lift tests: liftPredictions are the KPI-only fit's, as nationally; with calibrateByLiftTests (the
 * bootstrap's refits) each test then enters the ridge problem as one more observation of β_c with
 * variance se², against the panel's rows of variance σ̂² (the weighted RSS / nTrain, the noise of a
 * row of mean weight): Σ_k (σ̂²/se_k²)(a_k b_c − l_k)² / (nGeos · nTrain) in standardised units, the
 * nGeos × nTrain rows of the evidence below.
 *
 * Evidence (ridge marginal likelihood): n is the number of (geo, period) training rows, nGeos × nTrain,
 * with the weights rescaled to mean 1 over those rows: the geos' noise is taken as independent, so a
 * panel informs the hyperparameters as its rows do.
 *
 * Speed: a time-only column (trend, seasonality, events, national controls) is the same in every geo
 * and, the panel being balanced, so is its within-geo mean; its cross product with a media column,
 * Σ_g w_g Σ_t b̃(t) m_g(t), is therefore one pass over the share-weighted media series Σ_g w_g m_g(t).
 * Saturation runs once per channel over all geos' rows (one curve for every geo); adstockGeos computes
 * a kernel's weights once for all geos, pre-divided by the scale and cut at a negligible tail
 * (negligibleTail); the cross products and fitted values go through the kernels of dot-columns.ts, four
 * columns per pass with every sum in the order of a one-column loop (panel-gram.ts), so the results are
 * those of the plain loops to the bit.
 * @param problem a search problem with `panel` set (buildSearchProblem on a table with a panel)
 * @returns evaluate and fitCandidate like createCandidateEvaluator; fitCandidate's fit has geoIntercepts
 * @throws EngineError INVALID_ARGUMENT for organic media or a non-finite KPI in a geo (a panel supports neither yet)
 */
export function createPanelEvaluator(problem: SearchProblem): DetailedEvaluator {
  const panel = problem.panel as SearchPanel;
  const { fitStart, fitEnd, channels, baseline, nTimes } = problem;
  if (channels.some((c) => c.organic === true)) throw new EngineError('INVALID_ARGUMENT', 'organic media are not supported with a geo panel yet; leave them out, or sum the panel (--clean sum_panel)');
  const fixed = panelFixed(problem);
  const { nG, nFit, nTrain, w, yt, yBar, ySd, yRange, geoCol, zBar, bSd, bDead, timeVals, geoVals, spendTrain, spendTrainTotal, perSize } = fixed;
  const nVal = nFit - nTrain;
  const nB = baseline.length;
  const nC = channels.length;
  const n = nB + nC;
  const nParams = searchDimension(problem);
  const nObj = OBJECTIVES.length;
  const shares = panel.shares;

  // Scratch space reused by every candidate.
  const national = new Float64Array(nTimes);
  const buf = new Float64Array(nTimes);
  const wts = new Float64Array(Math.max(1, ...channels.map((ch) => ch.maxLag + 1)));
  const fitted = new Float64Array(nFit);
  const contrib = new Float64Array(nC);
  const activeOf = channels.map((ch) => activeRows(ch.spend, ch.maxLag));
  const gram = createPanelGram(fixed, nB, nC);
  const { sat, mBar, wm, mSd, mDead, g2, cv, lower, upper } = gram;
  const scales = new Float64Array(nC);
  const ws = createBoxQpWorkspace(n);
  const bStd = new Float64Array(n);
  const beta = new Float64Array(n);
  const mu = new Float64Array(nG);
  const baseT = new Float64Array(nFit);
  // Live columns of the fitted values, their offsets and coefficients (addColumns).
  const colOff = new Int32Array(Math.max(nB, nC)), colCoef = new Float64Array(Math.max(nB, nC));
  let lastRssTrain = 0;
  const tests = problem.liftTests;
  const lift = createPanelLift(problem, perSize);
  const liftPred = new Float64Array(tests.length);

  /** Every geo's adstocked spend per unit of size over the fit rows, ÷ scale, into sat (geometric by its recursion; else weights once for all geos). */
  function adstockGeos(c: number, spec: AdstockSpec, maxLag: number, scale: number, off: number): void {
    const x = perSize[c];
    const inv = 1 / scale;
    if (spec.type === 'geometric') {
      for (let g = 0; g < nG; g++) {
        applyAdstock(x.subarray(g * nTimes, (g + 1) * nTimes), spec, { maxLag, normalised: true }, buf);
        const o = off + g * nFit;
        for (let i = 0; i < nFit; i++) sat[o + i] = buf[fitStart + i] * inv;
      }
      return;
    }
    const raw = adstockWeights(spec, maxLag, true);
    const nW = negligibleTail(raw);
    for (let l = 0; l < nW; l++) wts[l] = raw[l] * inv;
    for (let g = 0; g < nG; g++) {
      convolveInto(x.subarray(g * nTimes, (g + 1) * nTimes), wts, nW, buf);
      const o = off + g * nFit;
      for (let i = 0; i < nFit; i++) sat[o + i] = buf[fitStart + i];
    }
  }

  function buildMedia(hyper: DecodedCandidate): void {
    for (let c = 0; c < nC; c++) {
      const ch = channels[c];
      const opts = { maxLag: ch.maxLag, normalised: true };
      applyAdstock(ch.spend, hyper.channels[c].adstock, opts, national);
      const active = channelScale(national, activeOf[c], fitStart, fitEnd);
      const scale = Number.isNaN(active) ? 1 : active;
      scales[c] = scale;
      const off = c * nG * nFit;
      adstockGeos(c, hyper.channels[c].adstock, ch.maxLag, scale, off);
      const block = sat.subarray(off, off + nG * nFit);
      getSaturationKernel(hyper.channels[c].saturation.type).apply(block, hyper.channels[c].saturation, block);
      // Geo means, weighted sd (two passes per geo), and the share-weighted series on training rows.
      const wmOff = c * nTrain;
      wm.fill(0, wmOff, wmOff + nTrain);
      let ss = 0, meanAll = 0;
      for (let g = 0; g < nG; g++) {
        const o = off + g * nFit;
        const wg = w[g];
        let m = 0;
        for (let i = 0; i < nTrain; i++) { const v = sat[o + i]; m += v; wm[wmOff + i] += wg * v; }
        m /= nTrain;
        mBar[c * nG + g] = m;
        meanAll += wg * m;
        let s = 0;
        for (let i = 0; i < nTrain; i++) s += (sat[o + i] - m) ** 2;
        ss += wg * s;
      }
      mSd[c] = Math.sqrt(ss / nTrain);
      // A saturated column that does not vary within geos on the training rows carries no information: coefficient 0.
      mDead[c] = isFlat(meanAll, mSd[c]) ? 1 : 0;
    }
  }

  /** beta and the geo intercepts in data units from bStd; returns the weighted RSS of ỹ on training and validation rows. */
  function toOriginalUnits(): [number, number] {
    for (let j = 0; j < nB; j++) beta[j] = bDead[j] ? 0 : (bStd[j] * ySd) / bSd[j];
    for (let c = 0; c < nC; c++) beta[nB + c] = mDead[c] ? 0 : (bStd[nB + c] * ySd) / mSd[c];
    for (let g = 0; g < nG; g++) {
      let m = yBar[g];
      for (let j = 0; j < nB; j++) m -= beta[j] * zBar[j * nG + g];
      for (let c = 0; c < nC; c++) m -= beta[nB + c] * mBar[c * nG + g];
      mu[g] = m;
    }
    baseT.fill(0);
    let m = 0;
    for (let j = 0; j < nB; j++) if (!geoCol[j] && beta[j] !== 0) { colOff[m] = j * nFit; colCoef[m++] = beta[j]; }
    addColumns(baseT, nFit, timeVals, colOff, colCoef, m);
    // Fitted ỹ geo by geo: the time-only part, then the live geo controls and media in column order.
    let rssTrain = 0, rssVal = 0;
    for (let g = 0; g < nG; g++) {
      const mg = mu[g];
      for (let i = 0; i < nFit; i++) fitted[i] = mg + baseT[i];
      m = 0;
      for (let j = 0; j < nB; j++) if (geoCol[j] && beta[j] !== 0) { colOff[m] = (j * nG + g) * nFit; colCoef[m++] = beta[j]; }
      addColumns(fitted, nFit, geoVals, colOff, colCoef, m);
      m = 0;
      for (let c = 0; c < nC; c++) if (beta[nB + c] !== 0) { colOff[m] = (c * nG + g) * nFit; colCoef[m++] = beta[nB + c]; }
      addColumns(fitted, nFit, sat, colOff, colCoef, m);
      const yo = g * nFit;
      let tr = 0, va = 0;
      for (let i = 0; i < nTrain; i++) { const e = yt[yo + i] - fitted[i]; tr += e * e; }
      for (let i = nTrain; i < nFit; i++) { const e = yt[yo + i] - fitted[i]; va += e * e; }
      rssTrain += w[g] * tr; rssVal += w[g] * va;
    }
    return [rssTrain, rssVal];
  }

  function run(u: ArrayLike<number>, offset: number, obj: Float64Array, objOffset: number): DecodedCandidate {
    const hyper = decodeCandidate(problem, u, offset);
    buildMedia(hyper);
    assemblePanelGram(fixed, gram, baseline, hyper.lambda);
    solveBoxQp(g2, cv, lower, upper, n, ws, bStd);
    const [rssTrain, rssVal] = toOriginalUnits();
    lastRssTrain = rssTrain;
    obj[objOffset] = Math.sqrt(rssTrain / nTrain) / yRange;
    obj[objOffset + 1] = nVal > 0 ? Math.sqrt(rssVal / nVal) / yRange : NaN;
    // DECOMP.RSSD: national effect shares (β_c Σ_g s_g Σ_t sat on training rows) against national spend shares.
    for (let c = 0; c < nC; c++) {
      let s = 0;
      for (let i = 0; i < nTrain; i++) s += wm[c * nTrain + i];
      contrib[c] = beta[nB + c] * s;
    }
    obj[objOffset + 2] = decompRssd(contrib, spendTrain, spendTrainTotal, nC);
    obj[objOffset + 3] = tests.length > 0 ? mapeLift(hyper) : NaN;
    return hyper;
  }

  /** MAPE.LIFT of the last run(), relative to max(|lift|, se) as nationally; fills liftPred. */
  function mapeLift(hyper: DecodedCandidate): number {
    lift.compute(hyper, scales);
    let ape = 0;
    tests.forEach((lt, k) => {
      liftPred[k] = beta[nB + lt.channel] * lift.perUnit[k];
      ape += Math.abs(liftPred[k] - lt.lift) / Math.max(Math.abs(lt.lift), lt.se);
    });
    return ape / tests.length;
  }

  /** The last run()'s coefficients calibrated by the lift tests (see the doc comment). */
  function calibrateByLiftTests(): void {
    const s2 = lastRssTrain / (nTrain * ySd * ySd);
    if (!(s2 > 0)) return;
    tests.forEach((lt, k) => {
      if (mDead[lt.channel]) return;
      const r = nB + lt.channel;
      const a = lift.perUnit[k] / mSd[lt.channel], l = lt.lift / ySd, se = lt.se / ySd;
      const wk = s2 / (se * se * nG * nTrain);
      g2[r * n + r] += wk * a * a;
      cv[r] += wk * a * l;
    });
    solveBoxQp(g2, cv, lower, upper, n, ws, bStd);
    toOriginalUnits();
  }

  return {
    nParams,
    nObjectives: nObj,
    evaluate(params, nCandidates, out) {
      for (let k = 0; k < nCandidates; k++) run(params, k * nParams, out, k * nObj);
    },
    fitCandidate(u): CandidateFit {
      const objectives = new Float64Array(nObj);
      const hyper = run(u, 0, objectives, 0);
      // National saturated value: Σ_g s_g Σ_{fit rows} sat, so the national contribution is coef · mediaSum.
      const mediaSum = new Float64Array(nC);
      for (let c = 0; c < nC; c++) {
        for (let g = 0; g < nG; g++) {
          const o = (c * nG + g) * nFit;
          let s = 0;
          for (let i = 0; i < nFit; i++) s += sat[o + i];
          mediaSum[c] += shares[g] * s;
        }
      }
      const live = new Uint8Array(n);
      for (let j = 0; j < nB; j++) live[j] = bDead[j] ? 0 : 1;
      for (let c = 0; c < nC; c++) live[nB + c] = mDead[c] ? 0 : 1;
      // n = (geo, period) training rows, weights rescaled to mean 1 over them (see the doc comment).
      const evidence = evidenceTerms(g2, bStd, live, n, hyper.lambda, (nG * lastRssTrain) / (ySd * ySd), nG * nTrain);
      // The objectives, evidence and lift predictions are the KPI's fit; the bootstrap's coefficients take the tests in too.
      const liftPredictions = liftPred.slice();
      if (problem.calibrateByLiftTests === true && tests.length > 0) calibrateByLiftTests();
      let intercept = 0;
      for (let g = 0; g < nG; g++) intercept += shares[g] * mu[g];
      return {
        evidence, hyper, intercept, objectives,
        mediaCoef: beta.slice(nB, n), baselineCoef: beta.slice(0, nB), scales: scales.slice(), mediaSum,
        liftPredictions,
        geoIntercepts: mu.slice(),
      };
    },
  };
}

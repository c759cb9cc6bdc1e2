import type { SearchPanel, SearchProblem } from './search-problem.ts';
import { isFlat } from '../../design/row-moments.ts';
import { EngineError } from '../../errors.ts';

/**
 * What the geo-panel evaluator (panel-evaluator.ts) computes once per problem, before any candidate:
 * the KPI in national-equivalent units with its geo means and weighted sd, the standardised baseline
 * columns and their fixed Gram block, national spend over the training rows and each geo's spend per
 * unit of size. Columns that every candidate multiplies are stored packed at a constant stride, so the
 * cross-product kernels (dot-columns.ts) take them in one call.
 */
export interface PanelFixed {
  readonly nG: number; readonly nFit: number; readonly nTrain: number;
  /** Row weights w_g = s_g / Σ s [nG]. */
  readonly w: Float64Array;
  /** KPI per unit of size over the fit rows [nG × nFit], its geo means on training rows [nG], its weighted sd. */
  readonly yt: Float64Array; readonly yBar: Float64Array; readonly ySd: number;
  /** Range of the national KPI over the fit rows (the NRMSE's divisor). */
  readonly yRange: number;
  /** Whether baseline column j is measured per geo [nB]. */
  readonly geoCol: readonly boolean[];
  /** Baseline geo means on training rows [nB × nG], weighted sd [nB], flat (dead) flags [nB]. */
  readonly zBar: Float64Array; readonly bSd: Float64Array; readonly bDead: Uint8Array;
  /** Fixed baseline Gram block [nB × nB] and baseline × KPI cross products [nB], over nTrain. */
  readonly gBase: Float64Array; readonly cBase: Float64Array;
  /** Live time-only baseline columns: their indices and standardised training values packed [nTime × nTrain]. */
  readonly timeIdx: Int32Array; readonly zTime: Float64Array;
  /**
   * Live geo baseline columns: their indices, then packed [(nGeoLive + 1) × nG × nTrain] the weighted
   * standardised deviations w_g (z_g(t) − z̄_g)/sd of each, and last the weighted standardised KPI
   * deviations w_g (ỹ − ȳ_g)/sd(ỹ): one cross-product call per geo gives a media column's products with all.
   */
  readonly geoIdx: Int32Array; readonly wzy: Float64Array;
  /** Time-only baseline values over the fit rows [nB × nFit] (zeros for geo columns) and geo ones [nB × nG × nFit] (zeros for time-only). */
  readonly timeVals: Float64Array; readonly geoVals: Float64Array;
  /** National spend per channel over the training rows [nC] and its total. */
  readonly spendTrain: Float64Array; readonly spendTrainTotal: number;
  /** Each channel's spend per unit of size, geo after geo [nG × nTimes] per channel. */
  readonly perSize: readonly Float64Array[];
}

/**
 * The fixed part of a panel problem (see PanelFixed).
 * @param problem a search problem with `panel` set
 * @throws EngineError INVALID_ARGUMENT for a non-finite KPI in a geo; TOO_FEW_PERIODS without training periods
 * @example panelFixed(problem).yRange // range of the national KPI over the fit rows
 */
export function panelFixed(problem: SearchProblem): PanelFixed {
  const panel = problem.panel as SearchPanel;
  const { fitStart, trainEnd, fitEnd, target, channels, baseline, nTimes } = problem;
  const nG = panel.shares.length;
  const nFit = fitEnd - fitStart;
  const nTrain = trainEnd - fitStart;
  if (nTrain <= 0) throw new EngineError('TOO_FEW_PERIODS', 'the panel has no training periods');
  const nB = baseline.length;
  const shares = panel.shares;
  let shareTotal = 0;
  for (let g = 0; g < nG; g++) shareTotal += shares[g];
  const w = Float64Array.from(shares, (s) => s / shareTotal); // row weights, Σ w = 1

  // KPI in national-equivalent units over the fit rows [nG × nFit], its geo means and weighted sd on training rows.
  const yt = new Float64Array(nG * nFit);
  const yBar = new Float64Array(nG);
  for (let g = 0; g < nG; g++) {
    const y = panel.target[g];
    let s = 0;
    for (let i = 0; i < nFit; i++) {
      const v = y[fitStart + i];
      if (!Number.isFinite(v)) throw new EngineError('INVALID_ARGUMENT', `the KPI of geo "${panel.geos[g]}" is ${v} in row ${fitStart + i}; a geo panel needs a known KPI in every geo and period (fill it, or sum the panel with --clean sum_panel)`, { series: panel.geos[g], row: fitStart + i });
      yt[g * nFit + i] = v / shares[g];
      if (i < nTrain) s += yt[g * nFit + i];
    }
    yBar[g] = s / nTrain;
  }
  let ySd = 0;
  for (let g = 0; g < nG; g++) {
    let s = 0;
    for (let i = 0; i < nTrain; i++) s += (yt[g * nFit + i] - yBar[g]) ** 2;
    ySd += w[g] * s;
  }
  ySd = Math.sqrt(ySd / nTrain) || 1;
  // Weighted standardised KPI deviations [nG × nTrain]: w_g (ỹ − ȳ_g) / sd(ỹ).
  const wy = new Float64Array(nG * nTrain);
  for (let g = 0; g < nG; g++) for (let i = 0; i < nTrain; i++) wy[g * nTrain + i] = (w[g] * (yt[g * nFit + i] - yBar[g])) / ySd;
  let yMin = Infinity, yMax = -Infinity;
  for (let t = fitStart; t < fitEnd; t++) { yMin = Math.min(yMin, target[t]); yMax = Math.max(yMax, target[t]); }
  const yRange = yMax - yMin || 1;

  // Baseline columns: geo means [nB × nG], weighted sd, and standardised within-geo deviations.
  const geoCol = panel.baseline.map((b) => b !== null);
  const zBar = new Float64Array(nB * nG);
  const bSd = new Float64Array(nB), bDead = new Uint8Array(nB);
  const zsT: (Float64Array | null)[] = []; // time-only: (b(t) − mean)/sd [nTrain]
  const wzs: (Float64Array | null)[] = []; // per geo: w_g (z_g(t) − z̄_g)/sd [nG × nTrain]
  const zsFull: Float64Array[] = []; // every column as [nG × nTrain] (unweighted), for the fixed Gram block
  for (let j = 0; j < nB; j++) {
    const geo = panel.baseline[j];
    const dev = new Float64Array(nG * nTrain);
    let weightedMean = 0, ss = 0;
    for (let g = 0; g < nG; g++) {
      const v = geo === null ? baseline[j].values : geo[g];
      let m = 0;
      for (let i = 0; i < nTrain; i++) m += v[fitStart + i];
      m /= nTrain;
      zBar[j * nG + g] = m;
      weightedMean += w[g] * m;
      let s = 0;
      for (let i = 0; i < nTrain; i++) { const d = v[fitStart + i] - m; dev[g * nTrain + i] = d; s += d * d; }
      ss += w[g] * s;
    }
    const sd = Math.sqrt(ss / nTrain);
    bSd[j] = sd;
    bDead[j] = isFlat(weightedMean, sd) ? 1 : 0;
    if (bDead[j]) { zsT.push(null); wzs.push(null); zsFull.push(dev.fill(0)); continue; }
    for (let k = 0; k < dev.length; k++) dev[k] /= sd;
    zsFull.push(dev);
    if (geo === null) { zsT.push(dev.slice(0, nTrain)); wzs.push(null); } else {
      zsT.push(null);
      const wz = new Float64Array(nG * nTrain);
      for (let g = 0; g < nG; g++) for (let i = 0; i < nTrain; i++) wz[g * nTrain + i] = w[g] * dev[g * nTrain + i];
      wzs.push(wz);
    }
  }
  const gBase = new Float64Array(nB * nB), cBase = new Float64Array(nB);
  for (let j = 0; j < nB; j++) {
    if (bDead[j]) continue;
    const a = zsFull[j];
    for (let k = 0; k <= j; k++) {
      if (bDead[k]) continue;
      const b = zsFull[k];
      let s = 0;
      for (let g = 0; g < nG; g++) {
        let sg = 0;
        for (let i = 0; i < nTrain; i++) sg += a[g * nTrain + i] * b[g * nTrain + i];
        s += w[g] * sg;
      }
      gBase[j * nB + k] = gBase[k * nB + j] = s / nTrain;
    }
    let s = 0;
    for (let k = 0; k < nG * nTrain; k++) s += a[k] * wy[k];
    cBase[j] = s / nTrain;
  }
  const timeList: number[] = [], geoList: number[] = [];
  for (let j = 0; j < nB; j++) if (!bDead[j]) (geoCol[j] ? geoList : timeList).push(j);
  const zTime = new Float64Array(timeList.length * nTrain);
  timeList.forEach((j, k) => zTime.set(zsT[j] as Float64Array, k * nTrain));
  const wzy = new Float64Array((geoList.length + 1) * nG * nTrain);
  geoList.forEach((j, k) => wzy.set(wzs[j] as Float64Array, k * nG * nTrain));
  wzy.set(wy, geoList.length * nG * nTrain);
  const timeVals = new Float64Array(nB * nFit), geoVals = new Float64Array(nB * nG * nFit);
  for (let j = 0; j < nB; j++) {
    const geo = panel.baseline[j];
    if (geo === null) timeVals.set(baseline[j].values.subarray(fitStart, fitEnd), j * nFit);
    else for (let g = 0; g < nG; g++) geoVals.set(geo[g].subarray(fitStart, fitEnd), (j * nG + g) * nFit);
  }

  // National spend over the training rows (DECOMP.RSSD) and each geo's spend per unit of size.
  const nC = channels.length;
  const spendTrain = new Float64Array(nC);
  let spendTrainTotal = 0;
  for (let c = 0; c < nC; c++) {
    let s = 0;
    for (let t = fitStart; t < trainEnd; t++) s += channels[c].spend[t];
    spendTrain[c] = s; spendTrainTotal += s;
  }
  const perSize = channels.map((_, c) => {
    const out = new Float64Array(nG * nTimes);
    panel.spend[c].forEach((x, g) => { for (let t = 0; t < nTimes; t++) out[g * nTimes + t] = x[t] / shares[g]; });
    return out;
  });
  return {
    nG, nFit, nTrain, w, yt, yBar, ySd, yRange, geoCol, zBar, bSd, bDead, gBase, cBase,
    timeIdx: Int32Array.from(timeList), zTime, geoIdx: Int32Array.from(geoList), wzy, timeVals, geoVals,
    spendTrain, spendTrainTotal, perSize,
  };
}

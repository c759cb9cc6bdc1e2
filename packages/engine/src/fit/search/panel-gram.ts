import type { PanelFixed } from './panel-fixed.ts';
import type { SearchProblem } from './search-problem.ts';
import { dotColumns, dotColumnsAdd } from './dot-columns.ts';

/**
 * One candidate's media columns and ridge problem in the geo-panel evaluator (panel-evaluator.ts):
 * buffers reused by every candidate. The evaluator fills the media part (sat, mBar, wm, mSd, mDead);
 * assemblePanelGram then writes g2, cv, lower and upper.
 */
export interface PanelGram {
  /** Saturated media, channel after channel, geo after geo, over the fit rows [nC × nG × nFit]. */
  readonly sat: Float64Array;
  /** Geo training means of each channel [nC × nG]. */
  readonly mBar: Float64Array;
  /** Share-weighted media series Σ_g w_g m_gc(t) on the training rows [nC × nTrain]. */
  readonly wm: Float64Array;
  /** Weighted within-geo sd [nC] and flat (dead) flag [nC] of each channel. */
  readonly mSd: Float64Array; readonly mDead: Uint8Array;
  /** G = Z̃ᵀWZ̃/n + λI [n × n], c = Z̃ᵀWỹ/n [n] and the coefficient bounds [n], n = nB + nC. */
  readonly g2: Float64Array; readonly cv: Float64Array; readonly lower: Float64Array; readonly upper: Float64Array;
  /** Scratch: cross products with the time-only columns, the geo columns and the KPI, and the media (per geo and summed). */
  readonly crossT: Float64Array; readonly crossG: Float64Array; readonly crossM: Float64Array; readonly sumM: Float64Array;
}

/**
 * Buffers for a panel with nB baseline columns and nC channels.
 * @example createPanelGram(panelFixed(problem), problem.baseline.length, problem.channels.length).g2.length // (nB + nC)²
 */
export function createPanelGram(fixed: PanelFixed, nB: number, nC: number): PanelGram {
  const { nG, nFit, nTrain } = fixed;
  const n = nB + nC;
  return {
    sat: new Float64Array(nC * nG * nFit), mBar: new Float64Array(nC * nG), wm: new Float64Array(nC * nTrain),
    mSd: new Float64Array(nC), mDead: new Uint8Array(nC),
    g2: new Float64Array(n * n), cv: new Float64Array(n), lower: new Float64Array(n), upper: new Float64Array(n),
    crossT: new Float64Array(fixed.timeIdx.length), crossG: new Float64Array(fixed.geoIdx.length + 1),
    crossM: new Float64Array(nC), sumM: new Float64Array(nC),
  };
}

/**
 * Assemble the weighted ridge problem of the current media columns: the fixed baseline block, each
 * channel's cross products with the baseline columns, the earlier channels and the KPI, and λ on the
 * diagonal. Every entry is the sum of the plain loops it replaces in the same order (dot-columns.ts):
 * a time-only column against the share-weighted series wm; a geo column and the KPI as one running sum
 * over geos (dotColumnsAdd geo after geo); two channels as Σ_g w_g (per-geo sum / nTrain − mean·mean).
 * Dead columns get 0 off the diagonal and an identity row with bounds 0.
 * @param fixed the panel's fixed part (panelFixed)
 * @param gram the candidate's media columns; g2, cv, lower and upper are written
 * @param baseline the problem's baseline columns (for their bounds)
 * @param lambda the candidate's ridge penalty
 * @example assemblePanelGram(fixed, gram, problem.baseline, hyper.lambda) // then solveBoxQp(gram.g2, gram.cv, …)
 */
export function assemblePanelGram(fixed: PanelFixed, gram: PanelGram, baseline: SearchProblem['baseline'], lambda: number): void {
  const { nG, nFit, nTrain, w, bDead, gBase, cBase, timeIdx, zTime, geoIdx, wzy } = fixed;
  const { sat, mBar, wm, mSd, mDead, g2, cv, lower, upper, crossT, crossG, crossM, sumM } = gram;
  const nB = baseline.length, nC = mSd.length, n = nB + nC;
  const nTime = timeIdx.length, nGeo = geoIdx.length;
  const geoStride = nG * nTrain, satStride = nG * nFit;
  for (let j = 0; j < nB; j++) {
    for (let k = 0; k < nB; k++) g2[j * n + k] = gBase[j * nB + k];
    cv[j] = cBase[j];
    lower[j] = baseline[j].lower; upper[j] = baseline[j].upper;
    if (bDead[j]) { g2[j * n + j] = 1; lower[j] = 0; upper[j] = 0; }
  }
  for (let c = 0; c < nC; c++) {
    const r = nB + c;
    const off = c * satStride;
    const sd = mSd[c];
    const dead = mDead[c] === 1;
    lower[r] = 0; upper[r] = dead ? 0 : Infinity;
    // Dead baseline columns (and every column of a dead channel) stay 0.
    for (let j = 0; j < nB; j++) g2[r * n + j] = g2[j * n + r] = 0;
    if (!dead) {
      dotColumns(wm, c * nTrain, zTime, 0, nTrain, nTime, nTrain, crossT, 0);
      for (let k = 0; k < nTime; k++) { const j = timeIdx[k]; g2[r * n + j] = g2[j * n + r] = crossT[k] / (nTrain * sd); }
      crossG.fill(0);
      sumM.fill(0, 0, c + 1);
      for (let g = 0; g < nG; g++) {
        const o = off + g * nFit;
        dotColumnsAdd(sat, o, wzy, g * nTrain, geoStride, nGeo + 1, nTrain, crossG, 0);
        dotColumns(sat, o, sat, g * nFit, satStride, c + 1, nTrain, crossM, 0);
        for (let c2 = 0; c2 <= c; c2++) sumM[c2] += w[g] * (crossM[c2] / nTrain - mBar[c * nG + g] * mBar[c2 * nG + g]);
      }
      for (let k = 0; k < nGeo; k++) { const j = geoIdx[k]; g2[r * n + j] = g2[j * n + r] = crossG[k] / (nTrain * sd); }
    }
    for (let c2 = 0; c2 <= c; c2++) {
      const r2 = nB + c2;
      let s = 0;
      if (!dead && !mDead[c2]) s = sumM[c2] / (sd * mSd[c2]);
      else if (c2 === c) s = 1;
      g2[r * n + r2] = g2[r2 * n + r] = s;
    }
    cv[r] = dead ? 0 : crossG[nGeo] / (nTrain * sd);
  }
  for (let j = 0; j < n; j++) g2[j * n + j] += lambda;
}

import { applyAdstock } from '../../transforms/adstock/adstock.ts';
import type { SimulatedConversion } from '../types.ts';

/**
 * The second stage of a two-stage KPI (B2B pipeline → revenue): the target receives
 * winRate · Σ_{l=0}^{maxLag} h[l]·x[t − l], h the normalised weights of `conversion.delay`
 * (so a unit of first-stage KPI books winRate units of target spread over the next maxLag periods).
 * @param x first-stage series over burn-in + window, shape [nBurn + nTimes]; or window only,
 *   shape [nTimes], which is then treated as zero before the window (channel contributions)
 * @param conversion win rate, delay distribution and maxLag (= nBurn)
 * @param nTimes window length
 * @returns the converted series over the window, shape [nTimes]
 * @example convertStage(Float64Array.of(10, 0, 0), { stage: 'pipeline', winRate: 0.5,
 *   delay: { type: 'geometric', alpha: 0 }, maxLag: 0, noise: 0 }, 3) // [5, 0, 0]
 */
export function convertStage(x: Float64Array, conversion: SimulatedConversion, nTimes: number): Float64Array {
  const nBurn = conversion.maxLag;
  let full = x;
  if (x.length === nTimes && nBurn > 0) {
    full = new Float64Array(nBurn + nTimes);
    full.set(x, nBurn);
  }
  const y = applyAdstock(full, conversion.delay, { maxLag: conversion.maxLag, normalised: true });
  const out = y.slice(full.length - nTimes);
  for (let t = 0; t < nTimes; t++) out[t] *= conversion.winRate;
  return out;
}

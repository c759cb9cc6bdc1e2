import { EngineError } from '../errors.ts';
import { compileCurve, type Curve } from './curve.ts';
import { compileCurves, solveBudget, type AllocateOptions } from './allocate-budget.ts';
import type { ResponseModel } from './types.ts';
import { replicateCount } from './replicate-count.ts';
import { memoCurve } from './memo-curve.ts';

/** What learning response curves would be worth to a budget decision (`informationValue`). */
export interface InformationValue {
  /** Expected KPI per period gained by re-optimising if every channel's curve were known. */
  readonly total: number;
  /** The same, per channel, when only that channel's curve is learned; largest first. */
  readonly channels: readonly { readonly channel: string; readonly value: number }[];
  /** Replicates used (evenly spaced over the model's components). */
  readonly replicates: number;
}

/**
 * Expected value of perfect information about the response curves, for the expected-KPI allocation
 * of a budget (decision analysis: Raiffa & Schlaifer 1961; the partial value per channel as in
 * Brennan, Kharroubi, O'Hagan & Chilcott 2007, Med. Decis. Making 27(4), "Calculating partial
 * expected value of perfect information via Monte Carlo sampling algorithms"). The replicates'
 * curves (`components`) stand for what the truth might be; x̄ is the allocation that maximises the
 * mean KPI over them.
 * - total: mean over replicates r of max_x KPI_r(x) − KPI_r(x̄), re-optimising with replicate r's
 *   curves for every channel;
 * - channel c: mean over r of max_x [r_rc(x_c) + Σ_{d≠c} m_d(x_d)] − the same at x̄, where m_d is
 *   channel d's mean curve over the replicates: channel c is learned, the others stay uncertain.
 *   Treating the other channels as independent of c is the approximation.
 * A large value says the decision hinges on that channel's curve, so an experiment (lift test) on it
 * is worth most; a value near 0 says no plausible answer would change the allocation much.
 * Each gain is ≥ 0 up to solver round-off; round-off below 0 counts as 0.
 * @param model a response model whose channels all carry the same number of components
 * @param options the budget problem (budget, mode, constraints), as for allocateBudget
 * @param replicates at most this many replicates, evenly spaced (default 40): cost is
 *   (channels + 1) × replicates allocations
 * @param onProgress called after each replicate's problems are solved, with replicates done and R
 *   (the CLI's progress bar; each replicate is channels + 1 budget problems)
 * @returns the total and per-channel values
 * @throws EngineError INVALID_ARGUMENT when the channels carry no components or different numbers of
 *   them, or the budget problem is infeasible
 * @example informationValue(responseModelFromMmm(model, { uncertainty: 'expected' }), { budget }).channels[0] // { channel: 'tv', value: 812.4 }
 */
export function informationValue(model: ResponseModel, options: AllocateOptions, replicates = 40, onProgress?: (done: number, total: number) => void): InformationValue {
  const n = replicateCount(model);
  if (n === 0) {
    throw new EngineError('INVALID_ARGUMENT', 'informationValue needs every channel to carry the same number of replicate curves (components)');
  }
  const constraints = options.constraints ?? {}, mode = options.mode ?? 'exact';
  const solve = (curves: readonly Curve[]): Float64Array => {
    const s = solveBudget(model, curves, constraints, options.budget, mode, options.gridSteps);
    if ('feasible' in s) throw new EngineError('INVALID_ARGUMENT', `informationValue: the budget problem is infeasible (${s.message})`);
    return s.raw.x;
  };
  // The mean curves recur in every problem below (all but one channel's in the per-channel ones): remembered.
  const mean = compileCurves(model).map(memoCurve);
  const xBar = solve(mean);
  const R = Math.min(n, Math.max(1, Math.floor(replicates)));
  const picks = Array.from({ length: R }, (_, k) => Math.floor(((k + 0.5) * n) / R));
  const replicate = (r: number): Curve[] => model.channels.map((ch) => {
    const comp = (ch.components ?? [])[r];
    return compileCurve({ name: ch.name, current: ch.current, coef: comp.coef, gain: comp.gain, saturation: comp.saturation });
  });
  const gain = (curves: readonly Curve[]): number => {
    const x = solve(curves);
    let g = 0;
    for (let c = 0; c < curves.length; c++) g += curves[c].value(x[c]) - curves[c].value(xBar[c]);
    return Math.max(0, g);
  };
  let total = 0;
  const perChannel = new Float64Array(model.channels.length);
  onProgress?.(0, R);
  for (let k = 0; k < R; k++) {
    const own = replicate(picks[k]);
    total += gain(own) / R;
    for (let c = 0; c < own.length; c++) perChannel[c] += gain(mean.map((m, d) => (d === c ? own[c] : m))) / R;
    onProgress?.(k + 1, R);
  }
  const channels = model.channels.map((ch, c) => ({ channel: ch.name, value: perChannel[c] })).sort((a, b) => b.value - a.value);
  return { total, channels, replicates: R };
}

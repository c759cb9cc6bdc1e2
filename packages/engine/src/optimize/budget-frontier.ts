import { compileCurves, solveBudget } from './allocate-budget.ts';
import { buildAllocation } from './allocation-result.ts';
import type { AllocationConstraints, AllocationResult, ResponseModel } from './types.ts';

/** Options of `budgetFrontier`. */
export interface FrontierOptions {
  /** Budget levels as multiples of the current total (default 0.5, 0.6, …, 2.0). */
  readonly levels?: readonly number[];
  readonly constraints?: AllocationConstraints;
  readonly gridSteps?: number;
  /** Called after each level is solved, with levels done and their number (a progress display). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** One level of the frontier. */
export interface FrontierPoint {
  /** Multiple of the current total budget. */
  readonly level: number;
  readonly budget: number;
  readonly result: AllocationResult;
}

/** The default sweep: 50 % to 200 % of current in steps of 10 %. @example DEFAULT_FRONTIER_LEVELS.length // 16 */
export const DEFAULT_FRONTIER_LEVELS: readonly number[] = Array.from({ length: 16 }, (_, i) => Math.round((0.5 + 0.1 * i) * 10) / 10);

/** The classic scenario set 90 / 100 / 110 / 120 / 150 %. @example CLASSIC_SCENARIOS[4] // 1.5 */
export const CLASSIC_SCENARIOS: readonly number[] = [0.9, 1, 1.1, 1.2, 1.5];

/**
 * Efficient frontier: the best allocation and predicted KPI at each budget level (a multiple of the
 * current total spend per period), each solved by `allocateBudget`'s method with the same
 * constraints (share bounds re-evaluated at each level). The best value V(B) is non-decreasing in B
 * because every curve is non-decreasing; to keep that exact despite the non-concave fallback,
 * each level also tries the previous level's allocation plus the extra budget spread over the
 * remaining room, and keeps the better.
 * @param model the response model
 * @param options levels (default DEFAULT_FRONTIER_LEVELS), constraints
 * @returns one point per level, in the given order; infeasible levels carry their explanation
 * @example budgetFrontier(model, { levels: CLASSIC_SCENARIOS }).map((p) => p.result.feasible && p.result.expected.recommended)
 */
export function budgetFrontier(model: ResponseModel, options: FrontierOptions = {}): FrontierPoint[] {
  const curves = compileCurves(model);
  const levels = options.levels ?? DEFAULT_FRONTIER_LEVELS;
  const constraints = options.constraints ?? {};
  let currentTotal = 0;
  for (const ch of model.channels) currentTotal += ch.current;
  const order = levels.map((_, i) => i).sort((a, b) => levels[a] - levels[b]);
  const out: FrontierPoint[] = new Array(levels.length);
  let prev: Float64Array | null = null;
  let done = 0;
  options.onProgress?.(0, levels.length);
  for (const i of order) {
    const budget = levels[i] * currentTotal;
    const solved = solveBudget(model, curves, constraints, budget, 'exact', options.gridSteps);
    if ('feasible' in solved) { out[i] = { level: levels[i], budget, result: solved }; prev = null; options.onProgress?.(++done, levels.length); continue; }
    let raw = solved.raw;
    if (prev) {
      const x = Float64Array.from(prev);
      let spent = 0, room = 0, ok = true;
      for (let c = 0; c < x.length; c++) {
        if (x[c] < solved.limits.lo[c] || x[c] > solved.limits.hi[c]) ok = false;
        spent += x[c]; room += solved.limits.hi[c] - x[c];
      }
      if (ok && budget >= spent && room > 0 && Number.isFinite(room)) {
        const share = (budget - spent) / room;
        for (let c = 0; c < x.length; c++) x[c] += share * (solved.limits.hi[c] - x[c]);
        let vNew = 0, vOld = 0;
        for (let c = 0; c < x.length; c++) { vNew += curves[c].value(x[c]); vOld += curves[c].value(raw.x[c]); }
        if (vNew > vOld) raw = { ...raw, x, gap: Math.max(0, raw.gap - (vNew - vOld)) };
      }
    }
    prev = raw.x;
    out[i] = { level: levels[i], budget, result: buildAllocation('budget', model, curves, solved.limits, raw) };
    options.onProgress?.(++done, levels.length);
  }
  return out;
}

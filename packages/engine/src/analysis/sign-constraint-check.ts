import type { MmmModel } from '../model/mmm-model.ts';
import { channelContribution } from '../model/channel-response.ts';
import { createBoxQpWorkspace, solveBoxQp } from '../fit/ridge/box-qp.ts';
import { isFlat, listMoments } from '../design/row-moments.ts';
import { observedRows } from '../spec/observed-rows.ts';
import { fittedRows } from '../spec/fitted-rows.ts';
import { gram } from '../linalg/gram.ts';
import { transposeTimes } from '../linalg/transpose-times.ts';
import { matVec } from '../linalg/mat-vec.ts';
import { panelRegression } from './panel-regression.ts';

/**
 * Smallest drop in the penalised residual sum of squares, in units of the noise variance, at which
 * freeing a control's sign counts as the data favouring the opposite sign. Under "no effect" the
 * constrained-vs-free statistic is ½χ²₀ + ½χ²₁ (the free coefficient lands on the forbidden side half
 * the time), so 5.41, χ²₁'s 98th percentile (z = 2.33), is a one-sided test at 1%: stricter than the
 * usual 5% since MMM residuals are often autocorrelated, which inflates the statistic. On the retail
 * preset (seeds 1–8) wrong-sign price and promo constraints gave 6–37 and controls of pure noise
 * (white and AR(1) 0.9) with either sign at most 4.0 when the other constraints were right.
 */
export const WRONG_SIGN_CHI_SQUARE = 5.41;

/** A sign-constrained control held at 0 by its constraint while the data favour the opposite sign. */
export interface WrongSignControl {
  readonly name: string;
  /** The constraint: 'positive' (coefficient ≥ 0) or 'negative' (≤ 0). */
  readonly sign: 'positive' | 'negative';
  /** Its coefficient when the same fit is redone with its sign free, in KPI per unit of the control. */
  readonly freeCoef: number;
  /** (penalised RSS constrained − freed) / σ̂²: ½χ²₀ + ½χ²₁ when the control truly has no effect (t² of its free coefficient in a plain regression). */
  readonly chiSquare: number;
}

/**
 * Sign-constrained controls (ModelBaselineTerm.sign) whose fitted coefficient sits at its bound 0
 * although the data favour the opposite sign. Test: redo the fit's final ridge regression with the
 * chosen curves held fixed (same fitted rows, standardised design and penalty λ as the search's
 * refit), once with every constraint and once with this control's sign freed, and compare the
 * penalised residual sums of squares: their difference over the noise variance σ̂² (the freed fit's
 * RSS / (n − p − 1)) is the likelihood-ratio statistic for the constraint, ½χ²₀ + ½χ²₁ under "no effect"
 * (exactly, for least squares with Gaussian noise and λ = 0). It fires at WRONG_SIGN_CHI_SQUARE. A
 * control that merely has no effect sits at 0 by chance and frees to a small coefficient with a
 * small drop, so it is rarely flagged. Cost: one small QP with every constraint and one per signed
 * control exactly at 0 (none at all when there is no such control). Curves are held fixed, so the statistic
 * understates the drop when the media curves also bent to absorb the control's effect. Fitted
 * periods without a KPI (NaN, left out of the fit: spec/observed-rows.ts) are left out here too: the
 * regression, its standardisation and n are over the observed rows. A geo-level model is tested on the
 * regression it was fitted on, one row per geo and period with the geo intercepts demeaned out and rows
 * weighted by geo size (panelRegression; σ̂² then counts the nGeos intercepts).
 * @param model a fitted model (controls recorded without `sign` are taken as free)
 * @returns the flagged controls, in baseline order
 * @example wrongSignControls(model) // [{ name: 'price', sign: 'positive', freeCoef: -31200, chiSquare: 84.1 }]
 */
export function wrongSignControls(model: MmmModel): WrongSignControl[] {
  const candidates = model.baseline.flatMap((b, j) => (b.sign !== undefined && b.coef === 0 ? [j] : []));
  if (candidates.length === 0) return [];
  const { start, end } = fittedRows(model);
  const fitted = observedRows(model.actual, start, end);
  // A geo-level model was fitted on one row per geo and period (panelRegression): test on those rows.
  const geo = model.panel === undefined ? null : panelRegression(model, fitted);
  const rows = geo === null ? fitted : Int32Array.from({ length: geo.n }, (_, i) => i);
  const actual = geo === null ? model.actual : geo.y;
  const absorbed = geo === null ? 1 : geo.intercepts;
  const n = rows.length;
  // Columns of the fit: the baseline terms, then each channel's saturated media value (coefficient 1).
  const bounds = [
    ...model.baseline.map((b) => ({ lower: b.sign === 'positive' ? 0 : -Infinity, upper: b.sign === 'negative' ? 0 : Infinity })),
    ...model.channels.map(() => ({ lower: 0, upper: Infinity })),
  ];
  const values: ArrayLike<number>[] = geo !== null ? [...geo.columns] : [
    ...model.baseline.map((b) => b.values),
    ...model.channels.map((ch) => channelContribution({ ...ch, coef: 1 })),
  ];
  const columns = bounds.map((b, j) => ({ values: values[j], ...b }));
  const y = listMoments(actual, rows);
  const ySd = y.sd || 1;
  // Live (non-flat) columns, standardised on the fitted rows, as the search's evaluator does.
  const live: { index: number; mean: number; sd: number; lower: number; upper: number }[] = [];
  columns.forEach((col, index) => {
    const m = listMoments(col.values, rows);
    if (!isFlat(m.mean, m.sd)) live.push({ index, mean: m.mean, sd: m.sd, lower: col.lower, upper: col.upper });
  });
  const p = live.length;
  if (n - p - absorbed <= 0) return [];
  // The standardised design, row-major [n × p], and the standardised KPI [n].
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i++) live.forEach((l, a) => { x[i * p + a] = (columns[l.index].values[rows[i]] - l.mean) / l.sd; });
  const ys = Float64Array.from(rows, (t) => (actual[t] - y.mean) / ySd);
  const lambda = model.search.chosen.lambda ?? model.spec.lambda.lower;
  const g = gram(x, n, p).map((v) => v / n);
  for (let a = 0; a < p; a++) g[a * p + a] += lambda;
  const c = transposeTimes(x, n, p, ys).map((v) => v / n);
  const lower = Float64Array.from(live, (l) => l.lower), upper = Float64Array.from(live, (l) => l.upper);
  const ws = createBoxQpWorkspace(p);
  // The QP's objective ½bᵀGb − cᵀb is (penalised RSS / n − ‖ỹ‖²/n) / 2.
  const objective = (b: Float64Array): number => {
    const gb = matVec(g, p, p, b);
    let s = 0;
    for (let a = 0; a < p; a++) s += b[a] * (0.5 * gb[a] - c[a]);
    return s;
  };
  const constrained = objective(solveBoxQp(g, c, lower, upper, p, ws).x);
  const out: WrongSignControl[] = [];
  for (const j of candidates) {
    const k = live.findIndex((l) => l.index === j);
    if (k < 0) continue;
    const lo = lower[k], hi = upper[k];
    lower[k] = -Infinity; upper[k] = Infinity;
    const freed = solveBoxQp(g, c, lower, upper, p, ws).x;
    lower[k] = lo; upper[k] = hi;
    const sign = model.baseline[j].sign as 'positive' | 'negative';
    const opposite = sign === 'positive' ? freed[k] < 0 : freed[k] > 0;
    const fit = matVec(x, n, p, freed);
    let rss = 0;
    for (let i = 0; i < n; i++) rss += (ys[i] - fit[i]) ** 2;
    const chiSquare = (2 * n * (constrained - objective(freed))) / (rss / (n - p - absorbed));
    if (opposite && chiSquare >= WRONG_SIGN_CHI_SQUARE) {
      out.push({ name: model.baseline[j].name, sign, freeCoef: (freed[k] * ySd) / live[k].sd, chiSquare });
    }
  }
  return out;
}

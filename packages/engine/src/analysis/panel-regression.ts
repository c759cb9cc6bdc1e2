import type { MmmModel } from '../model/mmm-model.ts';
import { channelContribution } from '../model/channel-response.ts';
import { geoEquivalentSpend } from '../model/geo-spend.ts';

/** The regression of a geo-level model over some periods, stacked geo by geo (panelRegression). */
export interface PanelRegression {
  /** Rows: nGeos × the periods. */
  readonly n: number;
  /** The KPI per row, national-equivalent (y_g / s_g), demeaned within its geo and scaled by √(nGeos·w_g). */
  readonly y: Float64Array;
  /** The columns, baseline terms then channels (coefficient 1), transformed as y. */
  readonly columns: readonly Float64Array[];
  /** Parameters the within-geo demeaning absorbed: one intercept per geo. */
  readonly intercepts: number;
}

/**
 * The regression a geo-level model was fitted on (spec/panel.ts), over the given periods: one row per
 * (geo, period) with the KPI in national-equivalent units ỹ = y_g / s_g; baseline columns the terms'
 * values (a geo control's own values, panelValues); channel columns f(A(x_g / s_g)/scale), the
 * saturated media value with coefficient 1. Every column and ỹ are demeaned within each geo (the free
 * geo intercepts μ_g), and row (g, t) is multiplied by √(nGeos·w_g), w_g = s_g / Σ s, so that plain
 * least squares over the n = nGeos × periods rows, (1/n)·Σ rows², is the fit's weighted criterion
 * (1/periods)·Σ_{g,t} w_g·r² and plain column moments are its weighted moments (the fit's panel evaluator).
 * @param model a geo-level model (model.panel set)
 * @param rows the periods, e.g. the fitted rows
 * @example panelRegression(model, [0, 1, 2]).columns.length // model.baseline.length + model.channels.length
 */
export function panelRegression(model: MmmModel, rows: ArrayLike<number>): PanelRegression {
  const panel = model.panel!;
  const nG = panel.geos.length, m = rows.length, n = nG * m;
  const total = panel.shares.reduce((a, b) => a + b, 0);
  const factor = panel.shares.map((s) => Math.sqrt((nG * s) / total));
  // A geo's series over the rows, demeaned and scaled, into its block of the stacked column.
  const stack = (out: Float64Array, g: number, series: (t: number) => number): void => {
    let mean = 0;
    for (let i = 0; i < m; i++) mean += series(rows[i]);
    mean /= m;
    for (let i = 0; i < m; i++) out[g * m + i] = (series(rows[i]) - mean) * factor[g];
  };
  const y = new Float64Array(n);
  panel.geos.forEach((_, g) => stack(y, g, (t) => panel.actual[g][t] / panel.shares[g]));
  const columns = model.baseline.map((b) => {
    const col = new Float64Array(n);
    panel.geos.forEach((_, g) => { const v = b.panelValues?.[g] ?? b.values; stack(col, g, (t) => v[t]); });
    return col;
  });
  for (const ch of model.channels) {
    const col = new Float64Array(n);
    // f(A(x_g/s_g)/scale) per geo; a channel without a geo split has the national series in every geo.
    const geos = ch.panel === undefined ? panel.geos.map(() => Float64Array.from(ch.spend)) : geoEquivalentSpend(ch.panel);
    geos.forEach((x, g) => { const v = channelContribution({ ...ch, coef: 1, panel: undefined }, x); stack(col, g, (t) => v[t]); });
    columns.push(col);
  }
  return { n, y, columns, intercepts: nG };
}

import { EngineError } from '../errors.ts';
import { assertUsableModel } from '../model/parse-model.ts';
import type { MmmModel } from '../model/mmm-model.ts';
import { steadyStateGain } from '../analysis/response-curve.ts';
import { replicateModels } from '../model/replicate-models.ts';
import type { ResponseModel } from './types.ts';
import { observedSpendRange } from '../analysis/observed-spend-range.ts';
import { fittedRows } from '../spec/fitted-rows.ts';
import { channelActualSpend } from '../model/actual-spend.ts';
import { referenceCosts } from './reference-cost.ts';

/** Options of `responseModelFromMmm`. */
export interface ResponseModelOptions {
  /** Use the last N periods of the modeling window as "current" (default: the whole window). */
  readonly referencePeriods?: number;
  /**
   * 'expected': every channel's response becomes the mean over the model's bootstrap replicates
   * (`components`), so the optimizers maximise the expected KPI; 'point' (default): the point
   * estimate only. A model without replicates gives the point curves either way.
   */
  readonly uncertainty?: 'point' | 'expected';
  /**
   * Current spend per period of named channels, replacing their mean over the reference rows (a
   * channel launched late in the window: its run-rate since launch rather than a mean that counts the
   * periods before it as zero). Each a finite amount ≥ 0; a name that is not a channel is an error.
   */
  readonly current?: Readonly<Record<string, number>>;
}

/** Rows [start, end) that define "current" spend and baseline. */
export function referenceRows(model: MmmModel, referencePeriods?: number): { start: number; end: number } {
  const { start, end } = model.window;
  if (referencePeriods === undefined) return { start, end };
  if (!Number.isInteger(referencePeriods) || referencePeriods < 1) throw new EngineError('INVALID_ARGUMENT', `optimize: referencePeriods must be an integer ≥ 1, got ${referencePeriods}`);
  return { start: Math.max(start, end - referencePeriods), end };
}

/**
 * Reduce a fitted model to the narrow ResponseModel the optimizers use: per channel the mean spend
 * per period over the reference rows (`current`), coef, saturation and the steady-state gain Σw/scale
 * (so a sustained spend x per period yields coef·f(gain·x), see `responseCurve`); and the mean
 * non-media KPI per period (intercept + Σ baseline coef·value) over the same rows; and the sustained
 * spend levels the fitted rows cover (`observed`, see observedSpendRange). With
 * `uncertainty: 'expected'` each channel also carries its bootstrap replicates' curves
 * (`replicateModels`) as `components`, and the solvers work on their mean.
 *
 * A geo-level model (model.panel) gets the same national curves, deliberately: a budget is planned
 * nationally and assumed split across geos in proportion to their size (s_g), and for such a split
 * Σ_g s_g·coef·f(gain·x·s_g/s_g) = coef·f(gain·x) exactly (spec/panel.ts). Any other split would need a
 * per-geo allocation, which the planner does not do; `observed` is the range of the geos' own levels
 * (observedSpendRange), which is where a national spend split by size puts every geo.
 * @param model a fitted MmmModel
 * @param options referencePeriods: the last N rows of the modeling window (default all of it); uncertainty
 * `options.current` replaces the mean of the channels it names. A channel modelled on exposure is priced at
 * the reference rows' cost per exposure unit (referenceCosts; recorded as `cost`): current is its actual spend.
 * @throws EngineError('INVALID_ARGUMENT') for a value that is not a model or has a newer schemaVersion, a bad referencePeriods, or a current spend for no channel or not a finite amount ≥ 0
 * @example responseModelFromMmm(model).channels[0].current // mean spend per period of the first channel
 */
export function responseModelFromMmm(model: MmmModel, options: ResponseModelOptions = {}): ResponseModel {
  assertUsableModel(model, 'responseModelFromMmm'); // an EngineError, not a TypeError, for a non-model or a newer one
  const { start, end } = referenceRows(model, options.referencePeriods);
  const n = end - start;
  const given = options.current ?? {};
  checkCurrent(model, given);
  let baseline = model.intercept;
  for (const term of model.baseline) {
    let s = 0;
    for (let t = start; t < end; t++) s += term.values[t];
    baseline += (term.coef * s) / n;
  }
  const reps = options.uncertainty === 'expected' ? replicateModels(model) : [];
  const fitted = fittedRows(model);
  const costs = referenceCosts(model, { start, end });
  const channels = model.channels.map((ch, c) => {
    // A channel on exposure is planned in money at the reference rows' cost per unit (referenceCosts):
    // current is its mean actual spend there, and a spend s feeds the curve s × factor of e, so the gain
    // and the observed range (in e) are rescaled. Over the whole window factor is 1 and current the mean of
    // e, which equals the mean actual spend in sum, as before.
    const cost = costs[c];
    const f = cost?.factor ?? 1;
    const series = cost?.basis === 'reference' ? channelActualSpend(ch) : ch.spend;
    let s = 0;
    for (let t = start; t < end; t++) s += series[t];
    const range = observedSpendRange(ch, fitted.start, fitted.end);
    const point = {
      name: ch.name, current: Object.hasOwn(given, ch.name) ? given[ch.name] : s / n, coef: ch.coef, gain: steadyStateGain(ch) * f, saturation: ch.saturation,
      observed: f === 1 ? range : { ...range, low: range.low / f, high: range.high / f },
      ...(cost === undefined ? {} : { cost }),
    };
    if (reps.length === 0) return point;
    const components = reps.map((r) => ({ coef: r.channels[c].coef, gain: steadyStateGain(r.channels[c]) * f, saturation: r.channels[c].saturation }));
    return { ...point, components };
  });
  return { channels, baseline };
}

/** EngineError for a current spend given for no channel, or one that is not a finite amount ≥ 0. */
function checkCurrent(model: MmmModel, current: Readonly<Record<string, number>>): void {
  const names = model.channels.map((c) => c.name);
  for (const [name, value] of Object.entries(current)) {
    if (!names.includes(name)) throw new EngineError('INVALID_ARGUMENT', `optimize: current spend given for "${name}", which is not a channel of the model (channels: ${names.join(', ')})`);
    if (!Number.isFinite(value) || value < 0) throw new EngineError('INVALID_ARGUMENT', `optimize: current spend of ${name} must be a finite amount ≥ 0, got ${value}`);
  }
}

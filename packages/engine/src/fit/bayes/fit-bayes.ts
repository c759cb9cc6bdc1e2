import type { ModelingTable } from '../../spec/modeling-table.ts';
import { DEFAULT_BAYES_SPEC, type BayesSpec, type ModelSpec } from '../../spec/model-spec.ts';
import type { BayesDiagnostics, BayesParameterSummary, MmmModel, ModelBaselineTerm, ModelOrganic, ReplicateChannel, StuckParameter } from '../../model/mmm-model.ts';
import type { Progress } from '../search/run-search.ts';
import { buildSearchProblem } from '../search/search-problem.ts';
import { mmmLogDensity } from './mmm-log-density.ts';
import { bayesRoiPrior } from './bayes-roi-prior.ts';
import { inThreadChains, type ChainJob, type ChainRunner } from './chain-job.ts';
import { summarizeDraws } from './draws-summary.ts';
import { storedDrawPositions } from './stored-draws.ts';
import { centralDraw } from '../posterior/central-draw.ts';
import { decompose, sumRange } from '../../analysis/decomposition.ts';
import { channelContribution } from '../../model/channel-response.ts';
import { channelRoi } from '../../analysis/channel-roi.ts';
import { createRng } from '../../random/rng.ts';
import { normal } from '../../random/distributions.ts';
import { EngineError } from '../../errors.ts';
import { MAX_TREE_DEPTH } from '../../spec/max-tree-depth.ts';
import { isObserved } from '../../spec/observed-rows.ts';

/** Jitter (sd, unconstrained units) around the search's model for the starts of chains 2, 3, …: overdispersed starts let R-hat see modes. */
const START_JITTER = 0.3;
export { MAX_TREE_DEPTH };

export interface BayesFitOptions {
  /** Runs the chains (the CLI passes worker threads); default inThreadChains. */
  readonly chains?: ChainRunner;
  readonly onProgress?: (p: Progress) => void;
  readonly isCancelled?: () => boolean;
}

/**
 * The sampler settings in force: DEFAULT_BAYES_SPEC with the spec's overrides, checked.
 * @param spec a model spec (only its `bayes` overrides are read)
 * @returns chains, warmup, draws, stored, metric and targetAccept
 * @throws EngineError INVALID_ARGUMENT for a count that is not an integer at or above its minimum
 *   (chains ≥ 1, warmup ≥ 0, draws ≥ 4, stored ≥ 1), a metric other than 'diag' or 'dense', or a
 *   targetAccept outside (0, 1)
 * @example bayesSettings({ bayes: { chains: 2 } }) // { chains: 2, warmup: 500, draws: 500, stored: 200, metric: 'dense', targetAccept: 0.95 }
 */
export function bayesSettings(spec: Pick<ModelSpec, 'bayes'>): BayesSpec {
  const s = { ...DEFAULT_BAYES_SPEC, ...spec.bayes };
  for (const [name, v, min] of [['chains', s.chains, 1], ['warmup', s.warmup, 0], ['draws', s.draws, 4], ['stored', s.stored, 1]] as const) {
    if (!Number.isInteger(v) || v < min) throw new EngineError('INVALID_ARGUMENT', `bayes.${name} must be an integer ≥ ${min}, got ${v}`);
  }
  if (s.metric !== 'diag' && s.metric !== 'dense') throw new EngineError('INVALID_ARGUMENT', `bayes.metric must be 'diag' or 'dense', got ${String(s.metric)}`);
  if (!(s.targetAccept > 0 && s.targetAccept < 1)) throw new EngineError('INVALID_ARGUMENT', `bayes.targetAccept must be in (0, 1), got ${s.targetAccept}`);
  return s;
}

/**
 * The Bayesian model: the joint posterior of every channel's curve parameters and ROI, the intercept,
 * the baseline coefficients and the noise (mmmLogDensity), sampled by NUTS in `chains` chains. The
 * adstock and saturation families are those the search chose (`ridge`); chain 1 starts at the search's
 * model, the others at jittered copies of it.
 *
 * The returned model is `ridge` with: the curves, coefficients, intercept and baseline of the stored
 * draw that is central in every channel's ROI posterior at once (centralDraw: inside each channel's
 * 90% interval, nearest the medians with every channel weighted alike; one coherent set of parameters); `bootstrapRoi` / `bootstrapCurves` holding `stored` posterior draws (so ROI intervals
 * are 90% credible intervals and the planner optimises the posterior expected KPI); and `bayes` with
 * the sampler's settings, the ROI prior it used and convergence diagnostics (R-hat, ESS, divergences, tree-depth hits).
 * Organic media are sampled with the channels (curve parameters in the family the search chose, a
 * coefficient ≥ 0 through their share, no ROI): their curves and baseline terms are the point draw's,
 * and `organicContributionDraws` holds each stored draw's contribution over the window.
 * @param table the modeling table
 * @param ridge the search's model on the same table (its spec must have method 'bayes')
 * @param options where chains run (default: one after another in this thread), progress (phase 'sample') and cancellation
 * @param priorSource whether the spec's ROI prior (when it has one) was given by the user or is the fit's default
 * @throws EngineError INVALID_ARGUMENT for bad sampler settings, CANCELLED when cancelled
 * @example const m = await fitMmm(table, { method: 'bayes' }); m.bayes?.maxRhat // < 1.01 when converged
 */
export async function bayesModel(table: ModelingTable, ridge: MmmModel, options: BayesFitOptions = {}, priorSource: 'given' | 'default' = 'given'): Promise<MmmModel> {
  const settings = bayesSettings(ridge.spec);
  const chosenFamilies = <C extends { readonly name: string }>(specs: readonly C[], fitted: readonly (Pick<ReplicateChannel, 'adstock' | 'saturation'> & { readonly name: string })[]): C[] =>
    specs.map((c) => {
      const chosen = fitted.find((ch) => ch.name === c.name);
      return chosen ? { ...c, adstock: chosen.adstock.type, saturation: chosen.saturation.type } : c;
    });
  const spec: ModelSpec = {
    ...ridge.spec,
    channels: chosenFamilies(ridge.spec.channels, ridge.channels),
    ...(ridge.spec.organic ? { organic: chosenFamilies(ridge.spec.organic, ridge.organic ?? []) } : {}),
  };
  const problem = buildSearchProblem(table, spec);
  // `||`: specs written by older CLIs hold '' for --roi-prior none.
  const givenPrior = ridge.spec.search.roiPrior || null;
  const roiPrior = bayesRoiPrior(problem, givenPrior);
  const density = mmmLogDensity(problem, { roi: roiPrior });
  const dim = density.layout.dim;

  const fitted = decompose(ridge).fitted;
  // The starting σ: the ridge fit's residual sd over the rows with a known KPI (the likelihood's rows).
  let rss = 0, nObs = 0;
  for (let t = problem.fitStart; t < problem.fitEnd; t++) {
    if (!isObserved(ridge.actual[t])) continue;
    rss += (ridge.actual[t] - fitted[t]) ** 2;
    nObs++;
  }
  const start = density.encode({
    channels: ridge.channels, organic: ridge.organic ?? [], intercept: ridge.intercept,
    // Organic terms come after the problem's baseline columns in model.baseline; the density's baseline is the problem's.
    baselineCoef: Float64Array.from(ridge.baseline.slice(0, problem.baseline.length), (b) => b.coef),
    sigma: Math.sqrt(rss / nObs),
  });

  // Chain k's seed and start are drawn here, so the draws do not depend on where the chains run.
  const rng = createRng(ridge.spec.search.seed ^ 0xba7e5);
  const grad = new Float64Array(dim);
  const jobs: ChainJob[] = Array.from({ length: settings.chains }, (_, k) => {
    const seed = Math.floor(rng.next() * 4294967296);
    let x0 = start;
    if (k > 0) {
      const jittered = Float64Array.from(start, (v) => v + normal(rng, 0, START_JITTER));
      if (Number.isFinite(density.logDensity(jittered, grad))) x0 = jittered;
    }
    return { problem, roiPrior, start: x0, seed, warmup: settings.warmup, draws: settings.draws, maxDepth: MAX_TREE_DEPTH, metric: settings.metric, targetAccept: settings.targetAccept };
  });
  const perChain = settings.warmup + settings.draws;
  const done = new Array<number>(settings.chains).fill(0);
  let reported = 0;
  const runs = await (options.chains ?? inThreadChains)(jobs, (k, d) => {
    done[k] = d;
    // Checked every iteration (a NUTS iteration can take long); progress is reported every 10.
    if (options.isCancelled?.()) throw new EngineError('CANCELLED', 'the Bayesian fit was cancelled');
    const all = done.reduce((a, b) => a + b, 0);
    if (all - reported < 10 && all !== perChain * settings.chains) return;
    reported = all;
    options.onProgress?.({ phase: 'sample', done: all, total: settings.chains * perChain });
  });

  const total = settings.chains * settings.draws;
  const nStored = Math.min(settings.stored, total);
  const window = ridge.window;
  const stored = storedDrawPositions(nStored, settings.chains, settings.draws).map(({ chain, draw: row }) => {
    const draw = density.decode(runs[chain].draws.slice(row * dim, (row + 1) * dim));
    const curves: ReplicateChannel[] = draw.channels.map((c) => ({ adstock: c.adstock, saturation: c.saturation, scale: c.scale, coef: c.coef }));
    const roi = curves.map((c, ch) => channelRoi({ ...ridge.channels[ch], ...c }, window.start, window.end));
    const organic = (ridge.organic ?? []).map((o, k) => sumRange(organicValues(o, draw.organic[k]).map((v) => v * draw.organic[k].coef), window.start, window.end));
    return { draw, curves, roi, organic };
  });
  // Every channel weighted alike: a spend weighting let low-spend channels take an extreme draw.
  const central = centralDraw(stored.flatMap((s) => s.roi), nStored, ridge.channels.length);
  const point = stored[central.index].draw;

  const summaries = summarizeDraws(runs.map((r) => r.draws), density.layout.names);
  let divergences = 0, treeDepthHits = 0;
  for (const r of runs) for (let i = 0; i < r.nDraws; i++) { divergences += r.divergent[i]; if (r.treeDepth[i] >= MAX_TREE_DEPTH) treeDepthHits++; }
  const bayes: BayesDiagnostics = {
    sampler: 'nuts', chains: settings.chains, warmup: settings.warmup, draws: settings.draws, metric: settings.metric, targetAccept: settings.targetAccept,
    divergences, treeDepthHits, stepSizes: runs.map((r) => r.stepSize),
    ...rhatSummary(summaries),
    minEss: Math.min(...summaries.map((s) => (Number.isFinite(s.ess) ? s.ess : Infinity))),
    roiPrior: { median: roiPrior.median, sdLog: roiPrior.sdLog, source: givenPrior === null ? 'data-scaled' : priorSource },
    pointInsideIntervals: central.insideAll,
    parameters: summaries,
  };
  const organic = (ridge.organic ?? []).map((o, k): ModelOrganic => ({ ...o, adstock: point.organic[k].adstock, saturation: point.organic[k].saturation, scale: point.organic[k].scale, coef: point.organic[k].coef }));
  const organicTerm = (b: ModelBaselineTerm): ModelBaselineTerm => {
    const k = organic.findIndex((o) => o.name === b.name);
    return { ...b, values: Array.from(organicValues(organic[k], organic[k])), coef: organic[k].coef };
  };
  return {
    ...ridge,
    intercept: point.intercept,
    channels: ridge.channels.map((ch, k) => ({ ...ch, adstock: point.channels[k].adstock, saturation: point.channels[k].saturation, scale: point.channels[k].scale, coef: point.channels[k].coef })),
    baseline: ridge.baseline.map((b, j) => (b.kind === 'organic' ? organicTerm(b) : { ...b, coef: point.baselineCoef[j] })),
    ...(ridge.organic ? { organic } : {}),
    ...(organic.length > 0 ? { organicContributionDraws: stored.map((s) => s.organic) } : {}),
    search: { ...ridge.search, selectionRule: `bayes: the posterior draw central in every channel's ROI (${central.insideAll ? 'inside each 90% credible interval' : 'no draw is inside every 90% credible interval: the least extreme'}; NUTS, ${settings.chains} chains × ${settings.draws} draws)` },
    bootstrapRoi: stored.map((s) => s.roi),
    bootstrapCurves: stored.map((s) => s.curves),
    bayes,
  };
}

/** An organic series' saturated adstocked exposure f(A(x)[t] / scale) under a drawn curve (its baseline term's values). */
function organicValues(o: ModelOrganic, curve: Pick<ReplicateChannel, 'adstock' | 'saturation' | 'scale'>): Float64Array {
  return channelContribution({ ...o, ...curve, spend: o.exposure, coef: 1 });
}

/**
 * maxRhat over the parameters whose R-hat is finite, and those whose R-hat is not: +∞ (every
 * half-chain constant but at different values: chains stuck apart) or NaN (no draw moved). Both are
 * failures, never "R-hat 1": they are listed so the convergence check and the fit output can say so.
 * @example rhatSummary([{ name: 'a', rhat: 1.002 }, { name: 'b', rhat: Infinity }]) // { maxRhat: 1.002, stuckParameters: [{ name: 'b', reason: 'chains-apart' }] }
 */
export function rhatSummary(summaries: readonly Pick<BayesParameterSummary, 'name' | 'rhat'>[]): { maxRhat: number; stuckParameters: StuckParameter[] } {
  const finite = summaries.filter((s) => Number.isFinite(s.rhat)).map((s) => s.rhat);
  const stuckParameters = summaries.filter((s) => !Number.isFinite(s.rhat))
    .map((s): StuckParameter => ({ name: s.name, reason: Number.isNaN(s.rhat) ? 'not-moving' : 'chains-apart' }));
  // With no finite R-hat at all there is no maximum to report; the stuck list carries the failure.
  return { maxRhat: finite.length > 0 ? Math.max(...finite) : Infinity, stuckParameters };
}

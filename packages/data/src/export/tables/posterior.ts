import { storedDrawPositions, type MmmModel, type SummaryResult } from '@mixwise/engine';
import { exportTable, type ExportTable } from '../export-table.ts';

/**
 * The tables of a Bayesian fit (method 'bayes'): how the sampler ran, each sampled parameter's posterior,
 * and each stored draw's ROI per channel. Empty for a ridge fit.
 * - `posterior_summary`: one row, summary.json's `posterior` plus warm-up and tree-depth hits;
 * - `posterior_parameters`: model.json `bayes.parameters` (unconstrained scale), one row per parameter;
 * - `posterior_roi_draws`: one row per stored draw and channel, with the draw's chain and index in it
 *   (storedDrawPositions), so a BI tool can draw the ROI's posterior or trace it per chain.
 * @param model the fitted model
 * @param summary summarizeModel(model)
 * @returns the three tables, or [] when the model has no posterior
 * @example posteriorTables(bayesModel, summary).map((t) => t.name) // ['posterior_summary', 'posterior_parameters', 'posterior_roi_draws']
 */
export function posteriorTables(model: MmmModel, summary: SummaryResult): ExportTable[] {
  const b = model.bayes, p = summary.posterior;
  if (!b || !p) return [];
  const roi = model.bootstrapRoi ?? [];
  const positions = storedDrawPositions(roi.length, b.chains, b.draws);
  return [
    exportTable('posterior_summary', [
      { name: 'sampler', type: 'text' }, { name: 'chains', type: 'integer' }, { name: 'warmup', type: 'integer' }, { name: 'draws', type: 'integer' },
      { name: 'divergences', type: 'integer' }, { name: 'tree_depth_hits', type: 'integer' }, { name: 'max_rhat', type: 'real' }, { name: 'min_ess', type: 'real' },
      { name: 'converged', type: 'integer' },
    ], [[p.sampler, p.chains, b.warmup, p.draws, p.divergences, b.treeDepthHits, p.max_rhat, p.min_ess, p.converged ? 1 : 0]]),
    exportTable('posterior_parameters', [
      { name: 'parameter', type: 'text' },
      ...['mean', 'sd', 'q05', 'q50', 'q95', 'rhat', 'ess'].map((name) => ({ name, type: 'real' as const })),
    ], b.parameters.map((q) => [q.name, q.mean, q.sd, q.q05, q.q50, q.q95, q.rhat, q.ess])),
    exportTable('posterior_roi_draws', [
      { name: 'draw', type: 'integer' }, { name: 'chain', type: 'integer' }, { name: 'chain_draw', type: 'integer' },
      { name: 'channel', type: 'text' }, { name: 'roi', type: 'real' },
    ], roi.flatMap((row, i) => model.channels.map((ch, k) => [i + 1, positions[i].chain + 1, positions[i].draw + 1, ch.name, row[k]]))),
  ];
}

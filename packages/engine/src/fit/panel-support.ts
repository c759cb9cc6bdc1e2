import { EngineError } from '../errors.ts';
import type { ModelingTable } from '../spec/modeling-table.ts';
import type { ModelSpec } from '../spec/model-spec.ts';

/**
 * What a geo-level model does not support yet (stage 1: the ridge method on spend), refused before any
 * fitting with what to do instead. Missing KPI values in a geo are refused by checkPanel.
 * @param table the modeling table (nothing is checked without table.panel)
 * @param spec the full spec
 * @throws EngineError INVALID_ARGUMENT naming the unsupported feature and the alternative
 * @example checkPanelSupport(panelTable, { ...spec, method: 'bayes' }) // throws: the Bayesian method is not supported with a geo panel yet…
 */
export function checkPanelSupport(table: ModelingTable, spec: ModelSpec): void {
  if (table.panel === undefined) return;
  const col = table.panel.column;
  const sum = 'or sum the panel (--clean sum_panel) and fit the national series';
  const refuse = (what: string, instead: string, series?: string): never => {
    throw new EngineError('INVALID_ARGUMENT', `${what} not supported with a geo panel (by ${col}) yet; ${instead}, ${sum}`, series === undefined ? { series: col } : { series });
  };
  if (spec.method === 'bayes') refuse('the Bayesian method (method: bayes) is', 'fit the panel with the ridge method (the default)');
  if (spec.liftTests.length > 0) refuse(`lift tests (${spec.liftTests.map((t) => t.channel).join(', ')}) are`, 'fit the panel without them');
  const organic = table.organic ?? [];
  if (organic.length > 0) refuse(`organic media (${organic.map((o) => o.name).join(', ')}) are`, 'leave them out', organic[0].name);
  const exposure = spec.channels.filter((c) => c.media === 'exposure').map((c) => c.name);
  if (exposure.length > 0) refuse(`channels modelled on exposure (${exposure.join(', ')}) are`, 'model them on spend (media: spend)', exposure[0]);
}

import { EngineError } from '../errors.ts';
import type { ModelingTable } from '../spec/modeling-table.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import { panelUnsupported } from './panel-unsupported.ts';

/**
 * What a geo-level model does not support yet (stage 1: the ridge method), refused before any
 * fitting with what to do instead (the rules: panelUnsupported, which the API also asks). Missing KPI values in a geo are refused by checkPanel.
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
  const organic = table.organic ?? [];
  const found = panelUnsupported({
    method: spec.method, organic: organic.map((o) => o.name),
  });
  const first = found[0];
  if (first === undefined) return;
  const names = first.names.join(', ');
  switch (first.feature) {
    case 'bayes': return refuse('the Bayesian method (method: bayes) is', 'fit the panel with the ridge method (the default)');
    case 'organic': return refuse(`organic media (${names}) are`, 'leave them out', first.names[0]);
  }
}

import type { ModelingTable } from '../spec/modeling-table.ts';
import type { ModelBaselineTerm } from './mmm-model.ts';

/**
 * The data column of a model's control or event term: its recorded `column`, else its name (models
 * written before controls recorded their column, and events, are named after their column).
 * @example baselineTermColumn({ name: 'temp', column: 'temperature_c', kind: 'control', values: [], coef: 0 }) // 'temperature_c'
 * @example baselineTermColumn({ name: 'price', kind: 'control', values: [], coef: 0 }) // 'price' (an older model.json)
 */
export function baselineTermColumn(term: Pick<ModelBaselineTerm, 'name' | 'column'>): string {
  return term.column ?? term.name;
}

/**
 * The `column` field a fitted control term records (fitMmm): the table's control column, or its name.
 * Empty for any other term.
 * @example controlTermColumn(table, { name: 'temp', kind: 'control' }) // { column: 'temperature_c' } for a config's { name: temp, column: temperature_c }
 */
export function controlTermColumn(table: Pick<ModelingTable, 'controls'>, term: { readonly name: string; readonly kind: string }): { column?: string } {
  if (term.kind !== 'control') return {};
  const c = table.controls.find((x) => x.name === term.name);
  return c === undefined ? {} : { column: c.column ?? c.name };
}

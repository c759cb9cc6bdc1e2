import type { ModelSpec } from './model-spec.ts';

/**
 * The rows a model is fitted on, [start, end): the modeling window without the holdout at its end
 * (training and validation rows together; earlier rows only warm up adstock).
 * @param spec the spec's window and holdout
 * @example fittedRows({ window: { start: 0, end: 156 }, holdout: 12 }) // { start: 0, end: 144 }
 */
export function fittedRows(spec: Pick<ModelSpec, 'window' | 'holdout'>): { start: number; end: number } {
  return { start: spec.window.start, end: spec.window.end - spec.holdout };
}

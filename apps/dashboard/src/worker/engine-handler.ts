import { allocateBudget, budgetFrontier, compileCurve, informationValue, responseModelFromMmm, type Curve, type ResponseModel } from '@mixwise/engine';
import { whatIf } from '../logic/what-if.ts';
import type { EngineRequest, EngineResults } from './protocol.ts';

/** The engine state the worker keeps: the response model of the loaded run. */
export interface EngineHandler {
  handle<R extends EngineRequest>(request: R): EngineResults[R['type']];
}

/**
 * The worker's logic without the worker: load a model once (reduced to its steady-state response
 * curves with responseModelFromMmm, each the mean over the bootstrap replicates), then answer what-if,
 * optimise, scenario and value-of-information requests on it.
 * @throws Error for any request before 'load', and the engine's errors for bad inputs
 * @example createEngineHandler().handle({ type: 'load', model }).channels.length // nChannels
 */
export function createEngineHandler(): EngineHandler {
  let model: ResponseModel | null = null;
  let curves: Curve[] = [];
  const need = (): ResponseModel => {
    if (model === null) throw new Error('engine worker: no model loaded');
    return model;
  };
  function run(request: EngineRequest): EngineResults[EngineRequest['type']] {
    switch (request.type) {
      case 'load':
        // The expected response over the bootstrap replicates, as mixwise optimize uses by default.
        model = responseModelFromMmm(request.model, { uncertainty: 'expected' });
        curves = model.channels.map(compileCurve);
        return model;
      case 'whatIf':
        return whatIf(need(), request.spend, curves);
      case 'optimize':
        return allocateBudget(need(), { budget: request.budget, constraints: request.constraints });
      case 'scenarios':
        return budgetFrontier(need(), { levels: request.levels, constraints: request.constraints });
      case 'informationValue': {
        const m = need();
        return m.channels.every((ch) => (ch.components?.length ?? 0) > 0) ? informationValue(m, { budget: request.budget, constraints: request.constraints }) : null;
      }
    }
  }
  return { handle: <R extends EngineRequest>(request: R) => run(request) as EngineResults[R['type']] };
}

import {
  allocateBudget, budgetFrontier, compileCurve, drawSource, geoSplitNowAnswer, informationValue, minimumBudget, planForKpiTarget, planModelFromMmm, targetEfficiency, planVersusCurrent, replicateCount, replicateModels, responseModelFromMmm,
  type AfterPlan, type Curve, type GeoSplitNowAnswer, type MmmModel, type PlanModel, type ResponseModel,
} from '@mixwise/engine';
import { whatIf } from '../logic/what-if.ts';
import { liftUncertainty } from '../logic/lift-uncertainty.ts';
import type { EngineRequest, EngineResults } from './protocol.ts';

/** The engine state the worker keeps: the response model of the loaded run. */
export interface EngineHandler {
  handle<R extends EngineRequest>(request: R): EngineResults[R['type']];
}

/**
 * The worker's logic without the worker: load a model once (reduced to its steady-state response
 * curves with responseModelFromMmm, each the mean over the bootstrap replicates), then answer what-if,
 * optimise (with the lift's interval over the replicates, as the API), scenario and value-of-information requests on it, and flighted plans (on the point
 * curves with the adstock and the spend before the plan, as `mixwise optimize --periods` plans,
 * with the lift interval over the replicate models, and the request's spend after the plan), and
 * goals (least budget for a KPI target, target ROI, marginal-ROI floor) on the expected curves. A plan
 * may ask for a KPI target inside its periods instead of a budget (planForKpiTarget: the least budget, then the plan
 * for the window's KPI at that budget, as `mixwise optimize --periods H --target-kpi Y`).
 * @throws Error for any request before 'load', and the engine's errors for bad inputs
 * @example createEngineHandler().handle({ type: 'load', model }).channels.length // nChannels
 */
export function createEngineHandler(): EngineHandler {
  let model: ResponseModel | null = null;
  let curves: Curve[] = [];
  let fitted: MmmModel | null = null;
  // Built on the first plan request: most sessions never plan, and the replicates cost a copy each.
  // One plan model per after-plan assumption (they differ only in the spend after the plan).
  let planning: { pms: Partial<Record<AfterPlan, PlanModel>>; replicates: MmmModel[] } | null = null;
  // A geo-level run's geoSplitNow per curves, made once per load (it depends on current spend only).
  let splitNow: Partial<Record<'expected' | 'point', GeoSplitNowAnswer | null>> = {};
  const geoNow = (basis: 'expected' | 'point'): GeoSplitNowAnswer | null => {
    const m = fitted;
    if (m === null || m.panel === undefined) return null;
    if (!(basis in splitNow)) splitNow[basis] = geoSplitNowAnswer(m, basis === 'expected' ? planning?.replicates ?? replicateModels(m) : []);
    return splitNow[basis] ?? null;
  };
  const withGeoNow = (basis: 'expected' | 'point'): { geoSplitNow?: GeoSplitNowAnswer } => {
    const g = geoNow(basis);
    return g === null ? {} : { geoSplitNow: g };
  };
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
        fitted = request.model;
        planning = null;
        splitNow = {};
        return model;
      case 'whatIf':
        return whatIf(need(), request.spend, curves);
      case 'optimize': {
        // With the lift's 90% interval over the replicates and its sentence, as the API's and the CLI's optimize.
        const a = allocateBudget(need(), { budget: request.budget, constraints: request.constraints });
        // On a geo-level run also the API's geoSplitNow, on the same (expected) curves.
        return a.feasible ? { ...a, lift: liftUncertainty(need(), a, drawSource(fitted as MmmModel)), ...withGeoNow('expected') } : a;
      }
      case 'geoSplitNow':
        need();
        return geoNow(request.basis);
      case 'scenarios':
        return budgetFrontier(need(), { levels: request.levels, constraints: request.constraints });
      case 'informationValue': {
        const m = need();
        return replicateCount(m) > 0 ? informationValue(m, { budget: request.budget, constraints: request.constraints }) : null;
      }
      case 'goal':
        return request.goal === 'kpi'
          ? minimumBudget(need(), { targetKpi: request.value, constraints: request.constraints })
          : targetEfficiency(need(), { type: request.goal, value: request.value, constraints: request.constraints });
      case 'plan': {
        need();
        // Current spend resumes after the plan unless asked otherwise (as the CLI's --after-plan, default current).
        const afterPlan = request.afterPlan ?? 'current';
        planning ??= { pms: {}, replicates: replicateModels(fitted as MmmModel) };
        const pm = planning.pms[afterPlan] ??= planModelFromMmm(fitted as MmmModel, { afterPlan });
        const { periods, constraints } = request;
        if ('total' in request) {
          const cmp = planVersusCurrent(pm, { periods, total: request.total, constraints, replicates: planning.replicates });
          return cmp.feasible ? { ...cmp, target: null, ...withGeoNow('point') } : cmp;
        }
        // A KPI target: the least budget whose plan reaches it inside the window, planned for that window (as --target-kpi with --periods).
        const cmp = planForKpiTarget(pm, { periods, targetKpi: request.targetKpi, constraints, replicates: planning.replicates });
        return cmp.feasible ? { ...cmp, target: { kpi: request.targetKpi, total: cmp.least.total, window: cmp.plan.kpi.recommended.window, floor: cmp.least.floor }, ...withGeoNow('point') } : cmp;
      }
    }
  }
  return { handle: <R extends EngineRequest>(request: R) => run(request) as EngineResults[R['type']] };
}

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
 * for the window's KPI at that budget, as `mixwise optimize --periods H --target-kpi Y`). Every request but
 * 'load' may carry `referencePeriods`: "current" spend and the baseline over the last N modeled periods
 * (`mixwise optimize --reference-periods N`); each reference keeps its own response model.
 * @throws Error for any request before 'load', and the engine's errors for bad inputs
 * @example createEngineHandler().handle({ type: 'load', model }).channels.length // nChannels
 */
export function createEngineHandler(): EngineHandler {
  let fitted: MmmModel | null = null;
  // One state per reference (undefined: the whole window), made on its first request: the response
  // model and its compiled curves, and, on the first plan, the plan models and replicates.
  let states = new Map<number | undefined, ReferenceState>();
  const need = (referencePeriods: number | undefined): ReferenceState => {
    if (fitted === null) throw new Error('engine worker: no model loaded');
    let st = states.get(referencePeriods);
    if (st === undefined) {
      // The expected response over the bootstrap replicates, as mixwise optimize uses by default.
      const model = responseModelFromMmm(fitted, { uncertainty: 'expected', ...(referencePeriods === undefined ? {} : { referencePeriods }) });
      st = { model, curves: model.channels.map(compileCurve), planning: null, splitNow: {} };
      states.set(referencePeriods, st);
    }
    return st;
  };
  // A geo-level run's geoSplitNow per curves, made once per reference (it depends on current spend only).
  const geoNow = (st: ReferenceState, basis: 'expected' | 'point', referencePeriods: number | undefined): GeoSplitNowAnswer | null => {
    const m = fitted;
    if (m === null || m.panel === undefined) return null;
    if (!(basis in st.splitNow)) st.splitNow[basis] = geoSplitNowAnswer(m, basis === 'expected' ? st.planning?.replicates ?? replicateModels(m) : [], referencePeriods);
    return st.splitNow[basis] ?? null;
  };
  const withGeoNow = (st: ReferenceState, basis: 'expected' | 'point', referencePeriods: number | undefined): { geoSplitNow?: GeoSplitNowAnswer } => {
    const g = geoNow(st, basis, referencePeriods);
    return g === null ? {} : { geoSplitNow: g };
  };
  function run(request: EngineRequest): EngineResults[EngineRequest['type']] {
    if (request.type === 'load') {
      fitted = request.model;
      states = new Map();
      return need(undefined).model;
    }
    const ref = request.referencePeriods;
    const st = need(ref);
    switch (request.type) {
      case 'responseModel':
        return st.model;
      case 'whatIf':
        return whatIf(st.model, request.spend, st.curves);
      case 'optimize': {
        // With the lift's 90% interval over the replicates and its sentence, as the API's and the CLI's optimize.
        const a = allocateBudget(st.model, { budget: request.budget, constraints: request.constraints });
        // On a geo-level run also the API's geoSplitNow, on the same (expected) curves.
        return a.feasible ? { ...a, lift: liftUncertainty(st.model, a, drawSource(fitted as MmmModel)), ...withGeoNow(st, 'expected', ref) } : a;
      }
      case 'geoSplitNow':
        return geoNow(st, request.basis, ref);
      case 'scenarios':
        return budgetFrontier(st.model, { levels: request.levels, constraints: request.constraints });
      case 'informationValue':
        return replicateCount(st.model) > 0 ? informationValue(st.model, { budget: request.budget, constraints: request.constraints }) : null;
      case 'goal':
        return request.goal === 'kpi'
          ? minimumBudget(st.model, { targetKpi: request.value, constraints: request.constraints })
          : targetEfficiency(st.model, { type: request.goal, value: request.value, constraints: request.constraints });
      case 'plan': {
        // Current spend resumes after the plan unless asked otherwise (as the CLI's --after-plan, default current).
        const afterPlan = request.afterPlan ?? 'current';
        const planning = st.planning ??= { pms: {}, replicates: replicateModels(fitted as MmmModel) };
        const pm = planning.pms[afterPlan] ??= planModelFromMmm(fitted as MmmModel, { afterPlan, ...(ref === undefined ? {} : { referencePeriods: ref }) });
        const { periods, constraints } = request;
        if ('total' in request) {
          const cmp = planVersusCurrent(pm, { periods, total: request.total, constraints, replicates: planning.replicates });
          return cmp.feasible ? { ...cmp, target: null, ...withGeoNow(st, 'point', ref) } : cmp;
        }
        // A KPI target: the least budget whose plan reaches it inside the window, planned for that window (as --target-kpi with --periods).
        const cmp = planForKpiTarget(pm, { periods, targetKpi: request.targetKpi, constraints, replicates: planning.replicates });
        return cmp.feasible ? { ...cmp, target: { kpi: request.targetKpi, total: cmp.least.total, window: cmp.plan.kpi.recommended.window, floor: cmp.least.floor }, ...withGeoNow(st, 'point', ref) } : cmp;
      }
    }
  }
  return { handle: <R extends EngineRequest>(request: R) => run(request) as EngineResults[R['type']] };
}

/** What the worker keeps for one reference: the response model, its curves, the plan models (on the first plan) and geoSplitNow per curves. */
interface ReferenceState {
  readonly model: ResponseModel;
  readonly curves: Curve[];
  planning: { pms: Partial<Record<AfterPlan, PlanModel>>; replicates: MmmModel[] } | null;
  readonly splitNow: Partial<Record<'expected' | 'point', GeoSplitNowAnswer | null>>;
}

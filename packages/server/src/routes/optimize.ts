import type { FastifyInstance } from 'fastify';
import {
  OptimizeRequestSchema, OptimizeResponseSchema, PlanRequestSchema, PlanResponseSchema, ScenarioComparisonSchema, ScenarioRequestSchema,
} from '@mixwise/contracts';
import type { ServerContext } from '../server-context.ts';
import { parseBody } from '../http/parse-body.ts';
import { send } from '../http/send.ts';
import { optimizeModel } from '../optimize/optimize-model.ts';
import { compareScenarios } from '../optimize/compare-scenarios.ts';
import { planBudget } from '../optimize/plan-budget.ts';

/** `POST /api/runs/:id/optimize`, `POST /api/runs/:id/plan` and `POST /api/runs/:id/scenarios` on a done run's model.json. */
export function optimizeRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Params: { id: string } }>('/api/runs/:id/optimize', async (request, reply) => {
    const body = parseBody(OptimizeRequestSchema, request.body);
    return send(reply, OptimizeResponseSchema, optimizeModel(await ctx.model(request.params.id), body));
  });
  app.post<{ Params: { id: string } }>('/api/runs/:id/plan', async (request, reply) => {
    const body = parseBody(PlanRequestSchema, request.body);
    return send(reply, PlanResponseSchema, planBudget(await ctx.model(request.params.id), body));
  });
  app.post<{ Params: { id: string } }>('/api/runs/:id/scenarios', async (request, reply) => {
    const body = parseBody(ScenarioRequestSchema, request.body);
    return send(reply, ScenarioComparisonSchema, compareScenarios(await ctx.model(request.params.id), body));
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  OptimizeRequestSchema, OptimizeResponseSchema, PlanRequestSchema, PlanResponseSchema, ScenarioComparisonSchema, ScenarioRequestSchema,
} from '@mixwise/contracts';
import type { ServerContext } from '../server-context.ts';
import { parseBody } from '../http/parse-body.ts';
import { send } from '../http/send.ts';
import type { OptimizerTask } from '../optimize/optimizer-protocol.ts';

/**
 * `POST /api/runs/:id/optimize`, `POST /api/runs/:id/plan` and `POST /api/runs/:id/scenarios` on a done
 * run's model.json. The body is checked here; the computation runs on the optimizer's worker threads
 * (a plan can take seconds), so the event loop keeps answering other requests meanwhile.
 */
export function optimizeRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const answer = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, task: OptimizerTask, schema: z.ZodType): Promise<FastifyReply> => {
    const model = await ctx.modelRef(request.params.id);
    // A client that leaves before its call's turn frees its place in the queue.
    const gone = new AbortController();
    reply.raw.once('close', () => { if (!reply.raw.writableFinished) gone.abort(); });
    return send(reply, schema, await ctx.optimizer.run(model, task, gone.signal));
  };
  app.post<{ Params: { id: string } }>('/api/runs/:id/optimize', async (request, reply) =>
    answer(request, reply, { route: 'optimize', request: parseBody(OptimizeRequestSchema, request.body) }, OptimizeResponseSchema));
  app.post<{ Params: { id: string } }>('/api/runs/:id/plan', async (request, reply) =>
    answer(request, reply, { route: 'plan', request: parseBody(PlanRequestSchema, request.body) }, PlanResponseSchema));
  app.post<{ Params: { id: string } }>('/api/runs/:id/scenarios', async (request, reply) =>
    answer(request, reply, { route: 'scenarios', request: parseBody(ScenarioRequestSchema, request.body) }, ScenarioComparisonSchema));
}

import type { FastifyInstance } from 'fastify';
import { HealthSchema } from '@mixwise/contracts';
import { send } from '../http/send.ts';

/** `GET /api/health`. */
export function healthRoutes(app: FastifyInstance, info: { auth: boolean; dashboard: boolean; version: string }): void {
  app.get('/api/health', async (_request, reply) => send(reply, HealthSchema, { ok: true, ...info }));
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/**
 * Serves the built dashboard from `dir` (its index.html and assets) with a single-page-app fallback:
 * a GET for any other non-/api path answers index.html, so client routes survive a reload.
 * @param app the server
 * @param dir the dashboard's dist folder (must hold index.html)
 * @returns whether the dashboard is served (false when dir has no index.html)
 */
export async function dashboardRoutes(app: FastifyInstance, dir: string): Promise<boolean> {
  if (!existsSync(join(dir, 'index.html'))) return false;
  await app.register(fastifyStatic, { root: dir, prefix: '/', wildcard: true, index: ['index.html'] });
  return true;
}

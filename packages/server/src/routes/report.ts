import { stat } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { readRun, renderReport } from '@mixwise/report';
import type { ServerContext } from '../server-context.ts';
import { resultFile } from './results.ts';

/**
 * `GET /api/runs/:id/report`: the run's self-contained HTML report (@mixwise/report renderReport on the
 * run folder, as `mixwise report` writes it), rendered on demand and cached until model.json changes.
 * Sent with a Content-Security-Policy that allows no script and no network access. `?download=1` makes
 * it an attachment.
 */
export function reportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const cache = new Map<string, { mtimeMs: number; html: string }>();
  app.get<{ Params: { id: string }; Querystring: { download?: string } }>('/api/runs/:id/report', async (request, reply) => {
    const { id } = request.params;
    const modelPath = await resultFile(ctx, id, 'model.json');
    const { mtimeMs } = await stat(modelPath);
    let hit = cache.get(id);
    if (hit?.mtimeMs !== mtimeMs) {
      hit = { mtimeMs, html: renderReport(readRun(ctx.registry.folderOf(id) as string)) };
      cache.set(id, hit);
    }
    if (request.query.download === '1') reply.header('content-disposition', `attachment; filename="${id}-report.html"`);
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
      .header('x-content-type-options', 'nosniff')
      .send(hit.html);
  });
}

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { isCurrentReport, REPORT_FILE } from '@mixwise/report';
import type { ServerContext } from '../server-context.ts';
import { ByteLru } from '../http/byte-lru.ts';
import { resultFile } from './results.ts';

/** The most rendered reports held in memory, in bytes (a 30-channel report is about 3 MB). */
export const REPORT_CACHE_BYTES = 32 * 1024 * 1024;

/** The files a report is rendered from besides model.json (readRun); report.html older than any of them is stale. */
const REPORT_INPUTS = ['model.json', 'summary.json', 'diagnostics.json', 'geo.json', 'optimization.json'] as const;

/**
 * `GET /api/runs/:id/report`: the run's self-contained HTML report. The report.html the fit wrote into
 * the run folder is sent as it is (streamed) while it is current: not older than model.json or any other
 * file readRun reads (an `optimize` after the fit makes it stale) and stamped by this generator
 * (isCurrentReport: an older Mixwise's report, or an unstamped one, is stale too). Otherwise the report is rendered
 * (@mixwise/report renderReport of readRun, as `mixwise report` does) on a check worker thread, never on
 * the event loop, and kept in a cache bounded by size (ByteLru, REPORT_CACHE_BYTES) until those files
 * change. Sent with a Content-Security-Policy that allows no script and no network access.
 * `?download=1` makes it an attachment.
 */
export function reportRoutes(app: FastifyInstance, ctx: ServerContext, cacheBytes = REPORT_CACHE_BYTES): void {
  const cache = new ByteLru<string>(cacheBytes);
  app.get<{ Params: { id: string }; Querystring: { download?: string } }>('/api/runs/:id/report', async (request, reply) => {
    const { id } = request.params;
    const modelPath = await resultFile(ctx, id, 'model.json');
    const folder = ctx.registry.folderOf(id) as string;
    const times = await Promise.all(REPORT_INPUTS.map(async (f) => (await stat(join(folder, f)).catch(() => undefined))?.mtimeMs ?? 0));
    times[0] = (await stat(modelPath)).mtimeMs;
    const stored = await stat(join(folder, REPORT_FILE)).catch(() => undefined);
    if (request.query.download === '1') reply.header('content-disposition', `attachment; filename="${id}-report.html"`);
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
      .header('x-content-type-options', 'nosniff');
    // Served as stored only when rendered by this generator (its stamp): an older one's sections may be out of date.
    const current = stored?.isFile() === true && times.every((t) => stored.mtimeMs >= t) && await isCurrentReport(join(folder, REPORT_FILE));
    if (current) return reply.send(createReadStream(join(folder, REPORT_FILE)));
    const version = times.join(':');
    let html = cache.get(id, version);
    if (html === undefined) {
      html = await ctx.checks.run<string>({ kind: 'report', dir: folder });
      cache.set(id, version, html, Buffer.byteLength(html));
    }
    return reply.send(html);
  });
}

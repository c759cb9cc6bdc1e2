import { modelSource } from '@mixwise/store';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { writeChangeLog } from '@mixwise/data';
import { FitOptionsSchema, FitRequestSchema, RunListSchema, RunManifestSchema, type RunManifest, type RunEvent } from '@mixwise/contracts';
import type { ServerContext } from '../server-context.ts';
import { ApiHttpError } from '../http/api-http-error.ts';
import { parseBody } from '../http/parse-body.ts';
import { send } from '../http/send.ts';
import type { RolesCheck } from '../uploads/check-roles.ts';
import { checkHoldout } from '../uploads/check-holdout.ts';
import { geoFitIssues } from '../uploads/geo-panel-issues.ts';
import { fitLiftTestIssues, liftTestScope } from '../uploads/check-lift-tests.ts';
import { uploadOf } from './uploads.ts';
import { eventOf, isTerminal } from '../runs/run-registry.ts';

/** Fit options sent beside "options" instead of in it: refused, saying where they go. */
const MISPLACED_OPTIONS: Readonly<Record<string, string>> = Object.fromEntries(Object.keys(FitOptionsSchema.shape).map((k) => [k, `options.${k}`]));

/** Seconds between SSE keep-alive comments. */
const KEEP_ALIVE_MS = 15_000;

/**
 * Runs: `POST /api/runs` (fit an upload: roles and cleaning checked as `mixwise fit` checks them, the
 * change log written to the run's changes.csv, and any lift tests
 * against the table and the fitted rows → 422 with the issues, else 202 with the queued run), `GET /api/runs`, `GET /api/runs/:id`, `GET /api/runs/:id/events`
 * (server-sent events, see RunEvent), `POST /api/runs/:id/cancel` and `DELETE /api/runs/:id` (cancel).
 */
export function runRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/runs', async (request, reply) => {
    const body = parseBody(FitRequestSchema, request.body, 'body', MISPLACED_OPTIONS);
    const upload = await uploadOf(ctx, body.uploadId);
    const exposure = body.options.media === 'exposure';
    // The geo-level model's stage 1 refusals, before the (slow) check: a 422 naming the setting, not a failed run.
    const geoIssues = body.roles.panelMode === 'geo' && body.roles.panel !== undefined ? geoFitIssues(body.options, body.roles.panel, upload.fileName) : [];
    if (geoIssues.length > 0) {
      const more = geoIssues.length > 1 ? ` (and ${geoIssues.length - 1} more, see issues)` : '';
      throw new ApiHttpError('INVALID_DATA', `${geoIssues[0].message}${more}`, geoIssues);
    }
    // A full queue is refused before the check: each queued fit holds its table in memory.
    ctx.jobs.ensureRoom();
    const checked = await ctx.checks.run<RolesCheck>({ kind: 'roles', csvPath: ctx.uploads.csvPath(upload.uploadId), fileName: upload.fileName, roles: body.roles, cleaning: body.cleaning, pairExposure: exposure });
    if (checked.table === undefined) {
      throw new ApiHttpError('INVALID_DATA', `these roles cannot be used with "${upload.fileName}" (see issues)`, checked.response.issues);
    }
    checkHoldout(checked.table.dates.length, body.options.holdout);
    if (exposure && !checked.table.channels.some((c) => c.exposure !== undefined)) {
      throw new ApiHttpError('INVALID_DATA', `media "exposure": no channel of "${upload.fileName}" has an exposure column named for it (e.g. tv_impressions, tv_clicks or tv_grps beside tv_spend); `
        + 'rename the columns so, or fit on spend');
    }
    // The tests were checked when their file was read, but the roles or the holdout may have changed since.
    const liftIssues = fitLiftTestIssues(body.options.liftTests ?? [], liftTestScope(checked.table, body.options));
    if (liftIssues.length > 0) {
      const more = liftIssues.length > 1 ? ` (and ${liftIssues.length - 1} more, see issues)` : '';
      throw new ApiHttpError('INVALID_DATA', `${liftIssues[0].message}${more}`, liftIssues);
    }
    const manifest: RunManifest = {
      id: ctx.registry.newId(), name: body.name ?? upload.fileName, status: 'queued', createdAt: new Date().toISOString(),
      startedAt: null, finishedAt: null, progress: { done: 0, total: 0, phase: 'queued' }, error: null,
      source: { type: 'upload', uploadId: upload.uploadId, fileName: upload.fileName }, roles: body.roles,
      ...(body.cleaning.length > 0 ? { cleaning: body.cleaning } : {}), options: body.options,
    };
    if (checked.cleaning !== undefined) {
      // Every change cleaning made is kept with the run, as `mixwise fit --clean` keeps it beside its outputs.
      const folder = join(ctx.registry.runsDir, manifest.id);
      ctx.jobs.ensureRoom(); // again: the queue may have filled during the check, and no folder should be left for a refused fit
      await mkdir(folder, { recursive: true });
      await writeChangeLog(folder, checked.cleaning);
    }
    await ctx.jobs.start(manifest, checked.table, body.options, await modelSource(ctx.uploads.sentPath(upload.uploadId), upload.fileName));
    return send(reply, RunManifestSchema, ctx.registry.get(manifest.id) ?? manifest, 202);
  });

  app.get('/api/runs', async (_request, reply) => send(reply, RunListSchema, { runs: ctx.registry.list() }));

  app.get<{ Params: { id: string } }>('/api/runs/:id', async (request, reply) => send(reply, RunManifestSchema, runOf(ctx, request.params.id)));

  const cancel = async (id: string): Promise<RunManifest> => {
    runOf(ctx, id);
    return (await ctx.jobs.cancel(id)) ?? runOf(ctx, id);
  };
  app.post<{ Params: { id: string } }>('/api/runs/:id/cancel', async (request, reply) => send(reply, RunManifestSchema, await cancel(request.params.id)));
  app.delete<{ Params: { id: string } }>('/api/runs/:id', async (request, reply) => send(reply, RunManifestSchema, await cancel(request.params.id)));

  app.get<{ Params: { id: string } }>('/api/runs/:id/events', async (request, reply) => {
    const manifest = runOf(ctx, request.params.id);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      // A hijacked reply skips the onSend hook that sets this on every other answer.
      'x-content-type-options': 'nosniff',
    });
    let closed = false;
    const write = (event: RunEvent): void => {
      if (closed) return;
      res.write(`event: run\ndata: ${JSON.stringify(event)}\n\n`);
      if (isTerminal(event.status)) stop();
    };
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    let unsubscribe = (): void => undefined;
    function stop(): void {
      if (closed) return;
      closed = true;
      clearInterval(keepAlive);
      unsubscribe();
      res.end();
    }
    request.raw.on('close', stop);
    unsubscribe = ctx.registry.subscribe(manifest.id, write);
    write(eventOf(ctx.registry.get(manifest.id) ?? manifest));
  });
}

/** The run with this id, or a 404. @throws ApiHttpError('NOT_FOUND') */
export function runOf(ctx: ServerContext, id: string): RunManifest {
  const m = ctx.registry.get(id);
  if (m === undefined) throw new ApiHttpError('NOT_FOUND', `no run "${id.slice(0, 64)}"`);
  return m;
}

import { randomBytes } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyError } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { DataError, readModel } from '@mixwise/data';
import type { ApiErrorCode } from '@mixwise/contracts';
import { ApiHttpError } from './http/api-http-error.ts';
import { requireToken } from './http/auth.ts';
import { requireSameOrigin } from './http/same-origin.ts';
import { OptimizerPool } from './optimize/optimizer-pool.ts';
import { RunRegistry } from './runs/run-registry.ts';
import { FitJobs } from './jobs/fit-jobs.ts';
import { CheckPool } from './jobs/check-pool.ts';
import { dataErrorAnswer } from './http/data-error-answer.ts';
import { UploadStore } from './uploads/upload-store.ts';
import type { ServerContext } from './server-context.ts';
import { healthRoutes } from './routes/health.ts';
import { uploadRoutes } from './routes/uploads.ts';
import { liftTestRoutes } from './routes/lift-tests.ts';
import { runRoutes } from './routes/runs.ts';
import { resultRoutes, resultFile } from './routes/results.ts';
import { optimizeRoutes } from './routes/optimize.ts';
import { exportRoutes } from './routes/exports.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { reportRoutes } from './routes/report.ts';
import packageJson from '../package.json' with { type: 'json' };

/** Options of createServer. */
export interface ServerOptions {
  /** Folder of the runs the server fits (`<runsDir>/<id>/`); existing runs in it are listed. */
  readonly runsDir: string;
  /** Folder of uploaded files (`<dataDir>/uploads/<id>/`). */
  readonly dataDir: string;
  /** Interface to listen on (startServer; default 127.0.0.1); requests must name it (or a loopback name) in their Host header. */
  readonly host?: string;
  /** Port (startServer; default 5174, 0 for any free port). */
  readonly port?: number;
  /** Access token required on every /api request when set. */
  readonly token?: string;
  /** Largest accepted upload in bytes (default 100 MiB). */
  readonly maxUploadBytes?: number;
  /** The built dashboard (index.html + assets); false or a folder without index.html: not served. */
  readonly dashboardDir?: string | false;
  /** Finished run folders to list as runs (`mixwise serve --model DIR`). */
  readonly models?: readonly string[];
  /** Fits run at the same time (default 1; others wait, queued). */
  readonly concurrency?: number;
  /** Worker threads each fit uses for its search and its NUTS chains (default: the number of cores; 1 = in the fit's own thread). */
  readonly fitThreads?: number;
  /** Worker threads for /optimize, /plan and /scenarios (default 2–4: the cores less one). */
  readonly optimizerThreads?: number;
  /** Optimizer calls that may wait for a thread; more are refused with 503 BUSY (default 16). */
  readonly optimizerQueue?: number;
  /** Fits that may wait for a slot; more are refused with 503 BUSY (default 16). */
  readonly fitQueue?: number;
  /** Worker threads that check uploaded files and roles (default 1–2). */
  readonly checkThreads?: number;
  /** Longest file or role check in ms; a longer one is stopped and refused with 422 (default 120,000). */
  readonly checkTimeoutMs?: number;
  /** Where the detail of a 500 goes (default: the server's stderr); the answer only carries its error id. */
  readonly logError?: (line: string) => void;
  /** Fastify's request log (default off). */
  readonly logger?: boolean;
}

/** Default upload limit: 100 MiB. */
export const DEFAULT_MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

const CODE_OF_STATUS: Readonly<Record<number, ApiErrorCode>> = {
  400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 406: 'UNSUPPORTED_MEDIA_TYPE', 409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE', 422: 'INVALID_DATA', 503: 'BUSY',
};

/**
 * Builds the Mixwise API server (Fastify 5), ready for `app.inject` or `app.listen`: uploads, runs with
 * fits in worker threads and SSE progress, results, optimisation, scenarios, exports, and the built
 * dashboard with a single-page-app fallback. Every error is `{ error: { code, message, issues? } }`.
 * Requests must name the server in their Host header, and changes must come from its own origin
 * (requireSameOrigin). Optimizer calls run on worker threads (OptimizerPool). Closing the app cancels
 * the fits still running and stops the optimizer's threads. Endpoints: docs/server.md.
 * @param options folders, limits, token, dashboard folder, run folders to list
 * @returns the Fastify instance (not listening)
 * @throws file-system errors when the folders cannot be created
 * @example const app = await createServer({ runsDir: 'out/runs', dataDir: 'out/data' }); (await app.inject('/api/health')).statusCode // 200
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  await mkdir(resolve(options.runsDir), { recursive: true });
  await mkdir(resolve(options.dataDir), { recursive: true });
  const registry = new RunRegistry(options.runsDir);
  await registry.load();
  for (const dir of options.models ?? []) {
    readModel(dir); // a folder without a readable model.json is refused here, with the data layer's message
    registry.registerFolder(dir);
  }
  const jobs = new FitJobs(registry, options.concurrency ?? 1, options.fitThreads, options.fitQueue);
  const optimizer = new OptimizerPool(options.optimizerThreads, options.optimizerQueue);
  const checks = new CheckPool({
    ...(options.checkThreads === undefined ? {} : { size: options.checkThreads }),
    ...(options.checkTimeoutMs === undefined ? {} : { timeoutMs: options.checkTimeoutMs }),
  });
  const logError = options.logError ?? ((line: string): void => void process.stderr.write(`${line}\n`));
  const ctx: ServerContext = {
    registry, jobs, uploads: new UploadStore(options.dataDir), maxUploadBytes, optimizer, checks,
    async modelRef(runId) {
      const path = await resultFile(ctx, runId, 'model.json');
      const info = await stat(path);
      return { folder: registry.folderOf(runId) as string, path, stamp: `${info.mtimeMs}:${info.size}` };
    },
  };

  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024, routerOptions: { maxParamLength: 200 } });
  await app.register(fastifyMultipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 10 } });
  app.setErrorHandler((err: FastifyError | ApiHttpError | DataError, request, reply) => {
    if (err instanceof DataError) err = dataErrorAnswer(err);
    if (err instanceof ApiHttpError) {
      if (err.retryAfter !== undefined) void reply.header('retry-after', String(err.retryAfter));
      return reply.code(err.status).send({ error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } });
    }
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) {
      // The detail (paths, SQL, stack) stays in the server's log; the answer names the error id to look it up by.
      const id = randomBytes(4).toString('hex');
      logError(`mixwise serve: internal error ${id} on ${request.method} ${request.url.split('?')[0]}: ${err.stack ?? err.message}`);
      return reply.code(500).send({ error: { code: 'INTERNAL', message: `internal error (id ${id}): the server's log has the detail` } });
    }
    const message = err.code === 'FST_REQ_FILE_TOO_LARGE' ? `the file is larger than the upload limit of ${maxUploadBytes.toLocaleString('en-US')} bytes` : err.message;
    return reply.code(status).send({ error: { code: CODE_OF_STATUS[status] ?? 'BAD_REQUEST', message } });
  });
  // Every answer: never framed by another page (clickjacking), never sniffed as another type.
  app.addHook('onSend', async (_request, reply, payload) => {
    const csp = reply.getHeader('content-security-policy');
    void reply.header('content-security-policy', csp === undefined ? "frame-ancestors 'none'" : `${String(csp)}; frame-ancestors 'none'`);
    void reply.header('x-frame-options', 'DENY');
    void reply.header('x-content-type-options', 'nosniff');
    return payload;
  });
  // The origin check comes first: a rebinding page is refused as such, not asked for a token.
  requireSameOrigin(app, options.host);
  if (options.token !== undefined) requireToken(app, options.token);

  const dashboard = options.dashboardDir === false || options.dashboardDir === undefined ? false : await dashboardRoutes(app, resolve(options.dashboardDir));
  healthRoutes(app, { auth: options.token !== undefined, dashboard, version: packageJson.version });
  uploadRoutes(app, ctx);
  liftTestRoutes(app, ctx);
  runRoutes(app, ctx);
  resultRoutes(app, ctx);
  optimizeRoutes(app, ctx);
  exportRoutes(app, ctx);
  reportRoutes(app, ctx);

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    if (dashboard && request.method === 'GET' && path !== '/api' && !path.startsWith('/api/')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${path}` } });
  });
  app.addHook('onClose', async () => {
    await Promise.all([jobs.close(), optimizer.close(), checks.close()]);
  });
  return app;
}

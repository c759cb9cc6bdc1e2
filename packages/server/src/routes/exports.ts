import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { EXPORT_NAME_PATTERN, RunExportsSchema, type RunExports } from '@mixwise/contracts';
import type { ServerContext } from '../server-context.ts';
import { ApiHttpError } from '../http/api-http-error.ts';
import { resolveInside } from '../http/safe-path.ts';
import { send } from '../http/send.ts';
import { runOf } from './runs.ts';

/** Content types of downloadable files, by extension. */
const TYPES: Readonly<Record<string, string>> = {
  '.csv': 'text/csv; charset=utf-8', '.json': 'application/json; charset=utf-8', '.sqlite': 'application/vnd.sqlite3',
  '.parquet': 'application/vnd.apache.parquet', '.html': 'text/html; charset=utf-8',
};

type Folder = 'run' | 'csv' | 'parquet';
const SEGMENTS: Readonly<Record<Folder, readonly string[]>> = { run: [], csv: ['exports', 'csv'], parquet: ['exports', 'parquet'] };

/**
 * Downloads: `GET /api/runs/:id/exports` lists the files; `GET /api/runs/:id/exports/:name` sends a file
 * of the run folder, `…/exports/csv/:name` and `…/exports/parquet/:name` a BI table, each as an
 * attachment. A name must match EXPORT_NAME_PATTERN (one plain segment, known extension) and the file
 * must resolve, symlinks followed, inside the run folder: anything else is 400 or 404, never a file outside.
 */
export function exportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Params: { id: string } }>('/api/runs/:id/exports', async (request, reply) => {
    runOf(ctx, request.params.id);
    const folder = ctx.registry.folderOf(request.params.id) as string;
    const files: RunExports['files'] = [];
    for (const f of ['run', 'csv', 'parquet'] as const) {
      const dir = join(folder, ...SEGMENTS[f]);
      const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => EXPORT_NAME_PATTERN.test(n)).sort();
      for (const name of names) {
        const path = await resolveInside(folder, [...SEGMENTS[f], name]);
        if (path === undefined) continue;
        const href = `/api/runs/${request.params.id}/exports/${f === 'run' ? '' : f + '/'}${name}`;
        files.push({ name, folder: f, bytes: (await stat(path)).size, href });
      }
    }
    return send(reply, RunExportsSchema, { files });
  });

  const download = (folderKind: Folder) => async (request: { params: { id: string; name: string } }, reply: FastifyReply) => {
    const { id, name } = request.params;
    if (!EXPORT_NAME_PATTERN.test(name)) throw new ApiHttpError('BAD_REQUEST', 'a file name is one segment of a-z, 0-9, _ and -, ending in .csv, .json, .sqlite, .parquet or .html');
    runOf(ctx, id);
    const folder = ctx.registry.folderOf(id) as string;
    const path = await resolveInside(folder, [...SEGMENTS[folderKind], name]);
    if (path === undefined) throw new ApiHttpError('NOT_FOUND', `run "${id}" has no file ${folderKind === 'run' ? '' : folderKind + '/'}${name}`);
    return reply
      .type(TYPES[extname(name)] ?? 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${id}-${name}"`)
      .header('x-content-type-options', 'nosniff')
      .send(createReadStream(path));
  };
  app.get<{ Params: { id: string; name: string } }>('/api/runs/:id/exports/:name', download('run'));
  app.get<{ Params: { id: string; name: string } }>('/api/runs/:id/exports/csv/:name', download('csv'));
  app.get<{ Params: { id: string; name: string } }>('/api/runs/:id/exports/parquet/:name', download('parquet'));
}

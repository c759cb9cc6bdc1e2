import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { parseCsvText } from '@mixwise/data';
import { DecompositionRowsSchema, GeoBreakdownSchema, type GeoBreakdown } from '@mixwise/contracts';
import type { ServerContext } from '../server-context.ts';
import { ApiHttpError } from '../http/api-http-error.ts';
import { resolveInside } from '../http/safe-path.ts';
import { send } from '../http/send.ts';
import { ByteLru } from '../http/byte-lru.ts';
import { runOf } from './runs.ts';

/** JSON files of a finished run served as they are on disk. */
const JSON_RESULTS = { model: 'model.json', summary: 'summary.json', diagnostics: 'diagnostics.json' } as const;

/** The most parsed decomposition answers held in memory, in bytes. */
export const DECOMPOSITION_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * `GET /api/runs/:id/model | summary | diagnostics` (the run folder's JSON file as-is: the dashboard
 * recomputes what-if from model.json with the engine) and `GET /api/runs/:id/decomposition`
 * (decomposition.csv as `{ columns, rows }` with numbers parsed, checked against its schema once and
 * cached per run in a size-bounded ByteLru until the file changes) and `GET /api/runs/:id/geo` (geo.json,
 * the KPI by geography of a run built from sources with geos, checked against GeoBreakdownSchema;
 * 404 NOT_FOUND when the run has none). 409 NOT_READY until the run is done.
 */
export function resultRoutes(app: FastifyInstance, ctx: ServerContext): void {
  for (const [route, file] of Object.entries(JSON_RESULTS)) {
    app.get<{ Params: { id: string } }>(`/api/runs/:id/${route}`, async (request, reply) => {
      const path = await resultFile(ctx, request.params.id, file);
      return reply.type('application/json; charset=utf-8').send(createReadStream(path));
    });
  }
  // The answer (parsed and checked once) per run, until decomposition.csv changes.
  const decompositions = new ByteLru<string>(DECOMPOSITION_CACHE_BYTES);
  app.get<{ Params: { id: string } }>('/api/runs/:id/decomposition', async (request, reply) => {
    const { id } = request.params;
    const path = await resultFile(ctx, id, 'decomposition.csv');
    const st = await stat(path);
    const version = `${st.mtimeMs}:${st.size}`;
    let body = decompositions.get(id, version);
    if (body === undefined) {
      const csv = parseCsvText(await readFile(path, 'utf8'), 'decomposition.csv');
      const rows = csv.rows.map((r) => Object.fromEntries(csv.header.map((h, j) => [h, cell(r[j])])));
      body = JSON.stringify(DecompositionRowsSchema.parse({ columns: csv.header, rows }));
      decompositions.set(id, version, body, Buffer.byteLength(body));
    }
    return reply.type('application/json; charset=utf-8').send(body);
  });
  app.get<{ Params: { id: string } }>('/api/runs/:id/geo', async (request, reply) => {
    const path = await resultFile(ctx, request.params.id, 'geo.json');
    return send(reply, GeoBreakdownSchema, JSON.parse(await readFile(path, 'utf8')) as GeoBreakdown);
  });
}

/**
 * The path of a result file of a done run, resolved safely inside its folder.
 * @throws ApiHttpError NOT_FOUND (unknown run or missing file), NOT_READY (run not done)
 */
export async function resultFile(ctx: ServerContext, id: string, file: string): Promise<string> {
  const run = runOf(ctx, id);
  if (run.status !== 'done') throw new ApiHttpError('NOT_READY', `run "${id}" is ${run.status}: results exist once it is done`);
  const folder = ctx.registry.folderOf(id) as string;
  const path = await resolveInside(folder, [file]);
  if (path === undefined) throw new ApiHttpError('NOT_FOUND', `run "${id}" has no ${file}`);
  return path;
}

function cell(text: string): number | string | null {
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && /^[-+]?[\d.]/.test(text) ? n : text;
}

import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { RoleMappingRequestSchema, RoleMappingResponseSchema, UploadSchema, type Upload } from '@mixwise/contracts';
import type { ServerContext } from '../server-context.ts';
import { ApiHttpError } from '../http/api-http-error.ts';
import { parseBody } from '../http/parse-body.ts';
import { send } from '../http/send.ts';
import { withoutPaths } from '../http/without-paths.ts';
import type { CsvInspection } from '../uploads/inspect-csv.ts';
import { parquetToCsv } from '../uploads/parquet-to-csv.ts';
import type { RolesCheck } from '../uploads/check-roles.ts';

/** Extensions accepted by `POST /api/uploads`. */
export const UPLOAD_EXTENSIONS: Readonly<Record<string, 'csv' | 'parquet'>> = { '.csv': 'csv', '.parquet': 'parquet' };

/**
 * `POST /api/uploads` (multipart, one file field), `GET /api/uploads/:id`, `PUT /api/uploads/:id/roles`.
 * The file is streamed to `<dataDir>/uploads/<id>/source.<ext>`; more than maxUploadBytes → 413 and the
 * partial file is removed; a malformed multipart body → 400; an extension other than .csv/.parquet → 415;
 * a Parquet file larger than maxUploadBytes as CSV → 413 before it is converted; a file the reader or the
 * validation rules refuse → 422 with the issues (nothing kept). Otherwise 201 with the Upload. The file is
 * checked on a worker thread (ctx.checks), so the server keeps answering meanwhile.
 */
export function uploadRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/uploads', async (request, reply) => {
    if (!request.isMultipart()) throw new ApiHttpError('UNSUPPORTED_MEDIA_TYPE', 'send the file as multipart/form-data (one file field)');
    const part = await request.file({ limits: { fileSize: ctx.maxUploadBytes, files: 1 } }).catch((err: unknown) => { throw malformed(err); });
    if (part === undefined) throw new ApiHttpError('BAD_REQUEST', 'no file in the request: send one file field');
    const fileName = safeFileName(part.filename);
    const format = UPLOAD_EXTENSIONS[extname(fileName).toLowerCase()];
    if (format === undefined) {
      part.file.resume();
      throw new ApiHttpError('UNSUPPORTED_MEDIA_TYPE', `"${fileName}" is not a .csv or .parquet file: upload one row per period as CSV or Parquet`);
    }
    const id = ctx.uploads.newId();
    const dir = ctx.uploads.dir(id);
    await mkdir(dir, { recursive: true });
    const source = join(dir, `source.${format}`);
    try {
      await pipeline(part.file, createWriteStream(source));
      if (part.file.truncated) throw tooLarge(ctx.maxUploadBytes);
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      if (err instanceof ApiHttpError) throw err;
      const code = (err as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(ctx.maxUploadBytes);
      if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) throw err; // the disk, not the request (ENOSPC …): a 500
      throw malformed(err);
    }
    try {
      const csvPath = ctx.uploads.csvPath(id);
      if (format === 'parquet') {
        try {
          await parquetToCsv(source, csvPath, fileName, ctx.maxUploadBytes);
        } catch (err) {
          if (err instanceof ApiHttpError) throw err;
          // DuckDB's message names the server's path and the SQL: the answer keeps its first line, the file named as sent.
          const reason = withoutPaths(String((err as Error).message)).replaceAll('source.parquet', fileName);
          throw new ApiHttpError('INVALID_DATA', `"${fileName}" cannot be read as Parquet`, [{
            code: 'PARQUET_UNREADABLE', severity: 'error', message: `cannot read ${fileName} as Parquet: ${reason}`,
            hint: 'export the table again as Parquet, or upload it as CSV', at: { file: fileName },
          }]);
        }
      } else {
        await copyFile(source, csvPath);
      }
      const found = await ctx.checks.run<CsvInspection>({ kind: 'inspect', path: csvPath, fileName });
      if (!found.ok) {
        const n = found.errors;
        throw new ApiHttpError('INVALID_DATA', `"${fileName}" cannot be used: ${n} error${n === 1 ? '' : 's'} found (see issues)`, found.issues);
      }
      const upload: Upload = {
        uploadId: id, fileName, format, bytes: (await stat(source)).size, rows: found.rows, columns: found.columns,
        frequency: found.frequency, firstDate: found.firstDate, lastDate: found.lastDate, preview: found.preview,
        issues: found.issues, createdAt: new Date().toISOString(),
      };
      await ctx.uploads.save(upload);
      return send(reply, UploadSchema, upload, 201);
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
  });

  app.get<{ Params: { id: string } }>('/api/uploads/:id', async (request, reply) => {
    return send(reply, UploadSchema, await uploadOf(ctx, request.params.id));
  });

  app.put<{ Params: { id: string } }>('/api/uploads/:id/roles', async (request, reply) => {
    const upload = await uploadOf(ctx, request.params.id);
    const { roles, cleaning } = parseBody(RoleMappingRequestSchema, request.body);
    const checked = await ctx.checks.run<RolesCheck>({ kind: 'roles', csvPath: ctx.uploads.csvPath(upload.uploadId), fileName: upload.fileName, roles, cleaning });
    return send(reply, RoleMappingResponseSchema, checked.response);
  });
}

/** The upload with this id, or a 404. @throws ApiHttpError('NOT_FOUND') */
export async function uploadOf(ctx: ServerContext, id: string): Promise<Upload> {
  const upload = await ctx.uploads.get(id);
  if (upload === undefined) throw new ApiHttpError('NOT_FOUND', `no upload "${id.slice(0, 40)}"`);
  return upload;
}

/** A multipart body that cannot be read (no boundary, cut short): the client's fault, a 400. */
export function malformed(err: unknown): ApiHttpError {
  if (err instanceof ApiHttpError) return err;
  const reason = withoutPaths(err instanceof Error ? err.message : String(err));
  return new ApiHttpError('BAD_REQUEST', `the request is not a complete multipart/form-data body (${reason || 'unreadable'}): send the file again as one file field`);
}

function tooLarge(limit: number): ApiHttpError {
  return new ApiHttpError('PAYLOAD_TOO_LARGE', `the file is larger than the upload limit of ${limit.toLocaleString('en-US')} bytes`);
}

/** The last path segment of a client-supplied file name, without control characters (for display only). */
export function safeFileName(name: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const base = (name ?? '').split(/[\\/]/).pop()?.replace(/[\u0000-\u001f]/g, '').trim() ?? '';
  return base === '' ? 'upload' : base.slice(0, 200);
}

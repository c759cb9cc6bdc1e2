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
import { inspectCsv } from '../uploads/inspect-csv.ts';
import { parquetToCsv } from '../uploads/parquet-to-csv.ts';
import { checkRoles } from '../uploads/check-roles.ts';

/** Extensions accepted by `POST /api/uploads`. */
export const UPLOAD_EXTENSIONS: Readonly<Record<string, 'csv' | 'parquet'>> = { '.csv': 'csv', '.parquet': 'parquet' };

/**
 * `POST /api/uploads` (multipart, one file field), `GET /api/uploads/:id`, `PUT /api/uploads/:id/roles`.
 * The file is streamed to `<dataDir>/uploads/<id>/source.<ext>`; more than maxUploadBytes → 413 and the
 * partial file is removed; an extension other than .csv/.parquet → 415; a file the reader or the
 * validation rules refuse → 422 with the issues (nothing kept). Otherwise 201 with the Upload.
 */
export function uploadRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/uploads', async (request, reply) => {
    if (!request.isMultipart()) throw new ApiHttpError('UNSUPPORTED_MEDIA_TYPE', 'send the file as multipart/form-data (one file field)');
    const part = await request.file({ limits: { fileSize: ctx.maxUploadBytes, files: 1 } });
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
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(ctx.maxUploadBytes);
      throw err;
    }
    try {
      const csvPath = ctx.uploads.csvPath(id);
      if (format === 'parquet') {
        try {
          await parquetToCsv(source, csvPath);
        } catch (err) {
          throw new ApiHttpError('INVALID_DATA', `"${fileName}" cannot be read as Parquet`, [{
            code: 'PARQUET_UNREADABLE', severity: 'error', message: `cannot read ${fileName} as Parquet: ${(err as Error).message}`,
            hint: 'export the table again as Parquet, or upload it as CSV', at: { file: fileName },
          }]);
        }
      } else {
        await copyFile(source, csvPath);
      }
      const found = inspectCsv(csvPath, fileName);
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
    return send(reply, RoleMappingResponseSchema, checkRoles(ctx.uploads.csvPath(upload.uploadId), upload.fileName, roles, cleaning).response);
  });
}

/** The upload with this id, or a 404. @throws ApiHttpError('NOT_FOUND') */
export async function uploadOf(ctx: ServerContext, id: string): Promise<Upload> {
  const upload = await ctx.uploads.get(id);
  if (upload === undefined) throw new ApiHttpError('NOT_FOUND', `no upload "${id.slice(0, 40)}"`);
  return upload;
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

import { extname } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LiftTestsFormSchema, LiftTestsResponseSchema } from '@mixwise/contracts';
import type { ServerContext } from '../server-context.ts';
import { ApiHttpError } from '../http/api-http-error.ts';
import { parseBody } from '../http/parse-body.ts';
import { send } from '../http/send.ts';
import type { RolesCheck } from '../uploads/check-roles.ts';
import { checkHoldout } from '../uploads/check-holdout.ts';
import { liftTestScope, liftTestsFromFile } from '../uploads/check-lift-tests.ts';
import { malformed, safeFileName, uploadOf } from './uploads.ts';

/** Largest lift-test file accepted: 200 experiments take a few kilobytes. */
export const MAX_LIFT_TEST_FILE_BYTES = 1024 * 1024;

/**
 * `POST /api/uploads/:id/lift-tests` (multipart: the CSV in a file field, the column roles as JSON text
 * in the field `roles`, optionally `holdout`): reads the file with the lift-test reader of `mixwise fit
 * --lift-tests` against the channels and dates these roles give the upload, and the rows a fit with this
 * holdout would use. 200 with `{ fileName, tests }`; a file the reader refuses → 422 with the issues (file,
 * row, column, hint); roles the data refuses → 422 as `POST /api/runs`; not .csv → 415; over 1 MiB → 413.
 * Nothing is stored: the dashboard sends the tests back in the fit request, which checks them again.
 */
export function liftTestRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Params: { id: string } }>('/api/uploads/:id/lift-tests', async (request, reply) => {
    const form = await readLiftTestForm(request);
    const upload = await uploadOf(ctx, request.params.id);
    const { roles, holdout, cleaning } = parseBody(LiftTestsFormSchema, form.fields, 'form');
    const checked = await ctx.checks.run<RolesCheck>({ kind: 'roles', csvPath: ctx.uploads.csvPath(upload.uploadId), fileName: upload.fileName, roles, cleaning });
    if (checked.table === undefined) {
      throw new ApiHttpError('INVALID_DATA', `these roles cannot be used with "${upload.fileName}" (see issues)`, checked.response.issues);
    }
    checkHoldout(checked.table.dates.length, holdout, 'holdout');
    const tests = liftTestsFromFile(form.bytes, form.fileName, liftTestScope(checked.table, { holdout }));
    return send(reply, LiftTestsResponseSchema, { fileName: form.fileName, tests });
  });
}

/** The lift-test request's file and fields (roles parsed from JSON, holdout as a number). */
interface LiftTestForm {
  readonly fileName: string;
  readonly bytes: Buffer;
  readonly fields: { roles?: unknown; holdout?: number; cleaning?: string[] };
}

/**
 * Reads the multipart body: one `.csv` file (buffered, at most MAX_LIFT_TEST_FILE_BYTES) and the text
 * fields `roles` (JSON), `holdout` and `cleaning` (the cleaning steps, comma-separated).
 * @throws ApiHttpError 415 (not multipart, not .csv), 413 (too large), 400 (no file, roles not JSON, a malformed body)
 */
async function readLiftTestForm(request: FastifyRequest): Promise<LiftTestForm> {
  if (!request.isMultipart()) throw new ApiHttpError('UNSUPPORTED_MEDIA_TYPE', 'send the lift-test file as multipart/form-data (a file field, and the roles as JSON in the field "roles")');
  // A body cut short or without its boundary is the client's fault: 400, not 500.
  return readParts(request).catch((err: unknown) => { throw malformed(err); });
}

async function readParts(request: FastifyRequest): Promise<LiftTestForm> {
  let file: { fileName: string; bytes: Buffer } | undefined;
  const fields: LiftTestForm['fields'] = {};
  for await (const part of request.parts({ limits: { fileSize: MAX_LIFT_TEST_FILE_BYTES, files: 1, fields: 5 } })) {
    if (part.type === 'file') {
      const fileName = safeFileName(part.filename);
      if (extname(fileName).toLowerCase() !== '.csv') {
        part.file.resume();
        throw new ApiHttpError('UNSUPPORTED_MEDIA_TYPE', `"${fileName}" is not a .csv file: send the lift tests as CSV with the columns channel,start,end,lift[,measured_through][,standard_error]`);
      }
      try {
        file = { fileName, bytes: await part.toBuffer() };
      } catch (err) {
        if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
        throw new ApiHttpError('PAYLOAD_TOO_LARGE', `"${fileName}" is larger than the lift-test file limit of ${MAX_LIFT_TEST_FILE_BYTES.toLocaleString('en-US')} bytes`);
      }
    } else if (part.fieldname === 'roles') {
      try {
        fields.roles = JSON.parse(String(part.value));
      } catch {
        throw new ApiHttpError('BAD_REQUEST', 'the field "roles" is not JSON', [{
          code: 'INVALID_REQUEST', severity: 'error', message: 'the field "roles" is not JSON',
          hint: 'send the column roles as JSON text: {"date": …, "target": …, "channels": […]}', at: { column: 'roles' },
        }]);
      }
    } else if (part.fieldname === 'holdout' && String(part.value).trim() !== '') {
      fields.holdout = Number(part.value);
    } else if (part.fieldname === 'cleaning') {
      fields.cleaning = String(part.value).split(',').map((c) => c.trim()).filter((c) => c !== '');
    }
  }
  if (file === undefined) throw new ApiHttpError('BAD_REQUEST', 'no file in the request: send the lift-test CSV in a file field');
  return { ...file, fields };
}

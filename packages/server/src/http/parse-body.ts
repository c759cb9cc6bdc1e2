import type { z } from 'zod';
import type { Issue } from '@mixwise/contracts';
import { ApiHttpError } from './api-http-error.ts';

/**
 * Validates a request body (or params/query) with a contracts schema; a mismatch is a 400 whose issues
 * name each offending field (`at.column` holds the dotted path, e.g. `roles.channels.0`).
 * @param schema a zod schema from @mixwise/contracts
 * @param value the raw body
 * @param what 'body', 'query' … for the message
 * @returns the parsed value (defaults filled)
 * @throws ApiHttpError('BAD_REQUEST')
 * @example parseBody(FitRequestSchema, request.body, 'body').roles.target // 'sales'
 */
export function parseBody<S extends z.ZodType>(schema: S, value: unknown, what = 'body'): z.infer<S> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issues: Issue[] = r.error.issues.map((i) => ({
    code: 'INVALID_REQUEST', severity: 'error', message: i.message, hint: `check "${i.path.join('.') || what}" in the request ${what}`,
    at: i.path.length > 0 ? { column: i.path.join('.') } : {},
  }));
  const first = r.error.issues[0];
  throw new ApiHttpError('BAD_REQUEST', `invalid request ${what}: ${first.path.length > 0 ? first.path.join('.') + ': ' : ''}${first.message}`, issues);
}

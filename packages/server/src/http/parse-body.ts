import type { z } from 'zod';
import type { Issue } from '@mixwise/contracts';
import { ApiHttpError } from './api-http-error.ts';

/** One finding of a failed parse: the dotted path of the field ('' for the whole value) and what is wrong with it. */
interface Finding {
  readonly path: string;
  readonly message: string;
  /** A key the schema does not take. */
  readonly unknown: boolean;
  /** Where that key belongs, when it was only put in the wrong place. */
  readonly belongs?: string;
}

/**
 * The findings of a zod error; a key the schema does not know (strict objects) is one finding per key,
 * at that key, saying where it belongs when `moved` knows it (a fit option sent beside "options").
 */
function findings(error: z.ZodError, moved: Readonly<Record<string, string>>): Finding[] {
  return error.issues.flatMap((i): Finding[] => {
    const at = i.path.map(String);
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((k) => {
        const path = [...at, k].join('.');
        if (!Object.hasOwn(moved, path)) return { path, message: `unknown field "${path}"`, unknown: true };
        return { path, message: `unknown field "${path}" (did you mean "${moved[path]}"?)`, unknown: true, belongs: moved[path] };
      });
    }
    return [{ path: at.join('.'), message: i.message, unknown: false }];
  });
}

/** At most this many findings in the message (every one is in `issues`). */
const MAX_IN_MESSAGE = 5;

/**
 * Validates a request body (or params/query) with a contracts schema; a mismatch is a 400 whose issues
 * name each offending field (`at.column` holds the dotted path, e.g. `roles.channels.0`), a field the
 * schema does not know included (`unknown field "targetRoi"`), and whose message lists them.
 * @param schema a zod schema from @mixwise/contracts
 * @param value the raw body
 * @param what 'body', 'query' … for the message
 * @param moved unknown fields a client may have put in the wrong place, and where they belong (e.g. { bayes: 'options.bayes' })
 * @returns the parsed value (defaults filled)
 * @throws ApiHttpError('BAD_REQUEST')
 * @example parseBody(FitRequestSchema, request.body, 'body').roles.target // 'sales'
 */
export function parseBody<S extends z.ZodType>(schema: S, value: unknown, what = 'body', moved: Readonly<Record<string, string>> = {}): z.infer<S> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const found = findings(r.error, moved);
  const issues: Issue[] = found.map((f) => ({
    code: 'INVALID_REQUEST', severity: 'error', message: f.message,
    hint: f.belongs !== undefined ? `move "${f.path}" to "${f.belongs}"`
      : f.unknown ? `remove "${f.path}" from the request ${what}` : `check "${f.path || what}" in the request ${what}`,
    at: f.path !== '' ? { column: f.path } : {},
  }));
  const listed = found.slice(0, MAX_IN_MESSAGE).map((f) => (f.path !== '' && !f.unknown ? `${f.path}: ${f.message}` : f.message));
  const more = found.length > MAX_IN_MESSAGE ? `; and ${found.length - MAX_IN_MESSAGE} more` : '';
  throw new ApiHttpError('BAD_REQUEST', `invalid request ${what}: ${listed.join('; ')}${more}`, issues);
}

import { z } from 'zod';
import { IssueSchema } from './issue.ts';

/** Stable error codes of the HTTP API (the `error.code` of every 4xx/5xx body). */
export const API_ERROR_CODES = [
  'BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE',
  'INVALID_DATA', 'INFEASIBLE', 'NOT_READY', 'INTERNAL', 'BUSY',
] as const;

/** Every non-2xx response body: `{ error: { code, message, issues? } }`; `issues` for data problems (422). */
export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.enum(API_ERROR_CODES),
    message: z.string(),
    issues: z.array(IssueSchema).optional(),
  }),
});

/** The body of an API error response. */
export type ApiError = z.infer<typeof ApiErrorSchema>;
/** One of API_ERROR_CODES. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

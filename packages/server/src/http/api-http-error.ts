import type { ApiErrorCode, Issue } from '@mixwise/contracts';

/** HTTP status of each API error code. */
export const STATUS_OF: Readonly<Record<ApiErrorCode, number>> = {
  BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415, INVALID_DATA: 422, INFEASIBLE: 422, NOT_READY: 409, INTERNAL: 500, BUSY: 503,
};

/**
 * An error a route throws to answer with `{ error: { code, message, issues? } }` and the code's status
 * (see STATUS_OF); the server's error handler turns it into the response.
 * @example throw new ApiHttpError('NOT_FOUND', 'no run "x"') // → 404
 */
export class ApiHttpError extends Error {
  readonly code: ApiErrorCode;
  readonly issues?: Issue[];
  /** Seconds after which the client may try again (sent as Retry-After; BUSY answers). */
  readonly retryAfter?: number;
  constructor(code: ApiErrorCode, message: string, issues?: Issue[], retryAfter?: number) {
    super(message);
    this.name = 'ApiHttpError';
    this.code = code;
    if (issues !== undefined) this.issues = issues;
    if (retryAfter !== undefined) this.retryAfter = retryAfter;
  }

  /** The HTTP status of this error. */
  get status(): number {
    return STATUS_OF[this.code];
  }
}

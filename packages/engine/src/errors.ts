/** Stable error codes thrown by the engine. Callers map them to messages and exit codes. */
export type EngineErrorCode =
  | 'INVALID_ARGUMENT'
  | 'SHAPE_MISMATCH'
  | 'NOT_POSITIVE_DEFINITE'
  | 'TOO_FEW_PERIODS'
  | 'NO_CHANNELS'
  | 'UNKNOWN_KERNEL'
  | 'NON_FINITE'
  | 'CANCELLED';

/** An error with a stable `code`, so the CLI and server can react without parsing messages. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

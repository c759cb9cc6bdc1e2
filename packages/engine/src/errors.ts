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

/**
 * Where in the input an error was found, when it is about one place: the series (channel, control,
 * event or target name, or a spec/options key path), the 0-based row and its date.
 */
export interface EngineErrorLocation {
  readonly series?: string;
  readonly row?: number;
  readonly date?: string;
}

/** An error with a stable `code`, so the CLI and server can react without parsing messages. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  /** Where the problem is (optional: most errors are not about one cell). */
  readonly at?: EngineErrorLocation;
  constructor(code: EngineErrorCode, message: string, at?: EngineErrorLocation) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    if (at !== undefined) this.at = at;
  }
}

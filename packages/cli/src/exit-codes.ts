/** Process exit codes of the mixwise CLI (a stable contract, see ARCHITECTURE.md). */
export const EXIT_CODES = {
  /** Success. */
  OK: 0,
  /** Bad input: the data or a referenced file has problems; the issues were printed. */
  BAD_INPUT: 1,
  /** Usage error: unknown command, missing or invalid option. */
  USAGE: 2,
  /** Internal error: a bug in mixwise. */
  INTERNAL: 3,
} as const;

/** One of EXIT_CODES. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

// @mixwise/cli — the command-line program, plus the pieces a server or script may reuse.
export { runCli, buildProgram } from './program.ts';
export type { CliIo, TextOut } from './io.ts';
export { processIo, useColor } from './io.ts';
export type { ExitCode } from './exit-codes.ts';
export { EXIT_CODES } from './exit-codes.ts';
export { UsageError } from './usage-error.ts';
export { reportError } from './report-error.ts';
export type { CliDeps, SimulationOutput } from './cli-deps.ts';
export { defaultDeps } from './cli-deps.ts';
export type { FitRunOptions } from './commands/fit-run.ts';
export { runFit } from './commands/fit-run.ts';
export { writeSimulation } from './commands/write-simulation.ts';
export { readTable, describeTable } from './commands/read-table.ts';

export type { ColumnFormat, TableColumn, ChannelSummaryRow } from './render/table.ts';
export { renderTable, renderChannelTable } from './render/table.ts';
export { formatNumber, formatRoi, formatShare } from './render/format.ts';
export type { ProgressEvent, ProgressReporter } from './render/progress.ts';
export { createProgress } from './render/progress.ts';
export { renderIssues } from './render/issues.ts';


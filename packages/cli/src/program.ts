import { Command } from 'commander';
import { createColors } from 'picocolors';
import type { CliIo } from './io.ts';
import type { CliDeps } from './cli-deps.ts';
import type { ExitCode } from './exit-codes.ts';
import { EXIT_CODES } from './exit-codes.ts';
import { processIo, useColor } from './io.ts';
import { defaultDeps } from './cli-deps.ts';
import { reportError } from './report-error.ts';
import { registerSimulate } from './commands/simulate.ts';
import { registerFit } from './commands/fit.ts';
import { registerDemo } from './commands/demo.ts';
import { registerOptimize } from './commands/optimize.ts';
import { registerInit } from './commands/init.ts';
import { registerPrepare } from './commands/prepare.ts';
import { registerValidate } from './commands/validate.ts';
import { registerServe } from './commands/serve.ts';
import { registerReport } from './commands/report.ts';
import { registerCompare } from './commands/compare.ts';
import packageJson from '../package.json' with { type: 'json' };

/**
 * Builds the `mixwise` commander program. Commander never exits the process itself (exitOverride):
 * its usage errors are thrown as CommanderError and mapped to exit code 2 by runCli. All output goes
 * through `io`.
 * @param io streams, environment, working folder
 * @param deps engine entry points (injectable for tests)
 * @returns the program, ready for parseAsync(argv, { from: 'user' })
 * @example await buildProgram(io).parseAsync(['simulate', '--preset', 'retail', '--out', 'sim'], { from: 'user' })
 */
export function buildProgram(io: CliIo, deps: CliDeps = defaultDeps): Command {
  const c = createColors(useColor(io.stderr, io.env));
  const program = new Command('mixwise')
    .description('Marketing mix modeling: measure what each channel returns and plan the budget.')
    .version(packageJson.version, '-V, --version', 'print the version')
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      outputError: (text, write) => write(c.red(text)),
    })
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .showSuggestionAfterError(true);
  registerSimulate(program, io, deps);
  registerFit(program, io, deps);
  registerDemo(program, io, deps);
  registerOptimize(program, io, deps);
  registerInit(program, io, deps);
  registerPrepare(program, io, deps);
  registerValidate(program, io, deps);
  registerServe(program, io, deps);
  registerReport(program, io, deps);
  registerCompare(program, io, deps);
  return program;
}

/**
 * Runs the CLI on arguments and returns the exit code, never throwing and never calling
 * process.exit: 0 ok, 1 bad input, 2 usage error, 3 internal error (see reportError).
 * @param argv the arguments after the program name, e.g. ['fit', 'data.csv', '--target', 'sales', '--out', 'out']
 * @param io streams, environment, working folder (default: the real process)
 * @param deps engine entry points (default: the real engine)
 * @example await runCli(['--help'], io) // 0, with the help text on io.stdout
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo(), deps: CliDeps = defaultDeps): Promise<ExitCode> {
  try {
    await buildProgram(io, deps).parseAsync([...argv], { from: 'user' });
    return EXIT_CODES.OK;
  } catch (err) {
    return reportError(err, io);
  }
}

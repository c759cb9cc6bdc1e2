import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { StartedServer } from '@mixwise/server';
import type { CliIo } from '../io.ts';
import type { CliDeps } from '../cli-deps.ts';
import { UsageError } from '../usage-error.ts';
import { checkOutDir } from './check-out-dir.ts';
import { parseNonNegativeInt, parseOutPath, parsePositiveInt } from './parse-options.ts';

/** Flags of `mixwise serve`. */
export interface ServeFlags {
  model?: string[];
  port?: number;
  host?: string;
  token?: string;
  runs: string;
  data: string;
  workers?: number;
}

/**
 * Adds `mixwise serve [--model DIR]… [--port N] [--host H] [--token T] [--runs DIR] [--data DIR] [--workers N]`: the
 * dashboard and its API on http://127.0.0.1:5174/ (see docs/server.md) until Ctrl-C. Run folders given
 * with --model are listed as runs; fits started in the dashboard go to --runs, uploads to --data.
 * @param program the root command
 * @param io streams and working folder
 * @param _deps unused (the server calls the engine itself)
 */
export function registerServe(program: Command, io: CliIo, _deps: CliDeps): void {
  program.command('serve')
    .description('serve the dashboard and its API on localhost (Ctrl-C to stop)')
    .option('--model <dir>', 'a fitted run folder to open (repeatable)', (v: string, all: string[] = []) => [...all, v])
    .option('--port <n>', 'port (default 5174; 0 picks a free one)', parseNonNegativeInt)
    .option('--host <host>', 'interface to listen on (default 127.0.0.1; any other host requires an access token)')
    .option('--token <token>', 'access token for the API (default: none on localhost, generated otherwise)')
    .option('--runs <dir>', 'folder for the runs fitted from the dashboard', parseOutPath, 'out/runs')
    .option('--data <dir>', 'folder for uploaded files', parseOutPath, 'out/data')
    .option('--workers <n>', 'worker threads each dashboard fit uses for its search and chains (default: number of cores)', parsePositiveInt)
    .action(async (flags: ServeFlags) => {
      const server = await serveAction(flags, io);
      await untilStopped(server, io);
    });
}

/**
 * Starts the server for `mixwise serve` (and `mixwise demo --serve`) and prints its URL on stdout.
 * @param flags the command's flags (paths relative to io.cwd)
 * @param io streams and working folder
 * @returns the listening server
 * @throws UsageError for a port above 65535; Error when the dashboard cannot be built or the port is taken
 * @example const { url } = await serveAction({ runs: 'out/runs', data: 'out/data', port: 0 }, io)
 */
export async function serveAction(flags: ServeFlags, io: CliIo): Promise<StartedServer> {
  checkServePort(flags.port, 'serve');
  if (flags.token !== undefined && flags.token.length < 8) throw new UsageError('--token must be at least 8 characters', 'serve');
  checkOutDir(resolve(io.cwd, flags.runs), 'serve', '--runs');
  checkOutDir(resolve(io.cwd, flags.data), 'serve', '--data');
  const log = (line: string): void => void io.stderr.write(line + '\n');
  // loaded on demand: the other commands do not pay for Fastify
  const { startServer } = await import('@mixwise/server');
  const server = await startServer({
    runsDir: resolve(io.cwd, flags.runs),
    dataDir: resolve(io.cwd, flags.data),
    models: (flags.model ?? []).map((m) => resolve(io.cwd, m)),
    ...(flags.port !== undefined ? { port: flags.port } : {}),
    ...(flags.host !== undefined ? { host: flags.host } : {}),
    ...(flags.token !== undefined ? { token: flags.token } : {}),
    ...(flags.workers !== undefined ? { fitThreads: flags.workers } : {}),
  }, log).catch((err: unknown) => {
    if (typeof err === 'object' && err !== null && 'code' in err && err.code === 'EADDRINUSE') {
      throw new UsageError(`${flags.port !== undefined ? `port ${flags.port} is` : 'ports 5174–5193 are'} already in use: choose another with --port N (0 picks any free port)`, 'serve');
    }
    throw err;
  });
  io.stdout.write(`Mixwise dashboard: ${server.url}\n`);
  log('press Ctrl-C to stop');
  return server;
}

/**
 * Refuses a --port that is not a port.
 * @param port the flag's value (parsed as a whole number ≥ 0)
 * @param command the command, for the usage line
 * @throws UsageError above 65535
 */
export function checkServePort(port: number | undefined, command: string): void {
  if (port !== undefined && port > 65535) throw new UsageError(`--port ${port} is not a port (0–65535)`, command);
}

/** Waits for Ctrl-C (SIGINT) or SIGTERM, then closes the server (cancelling running fits). */
export async function untilStopped(server: StartedServer, io: CliIo): Promise<void> {
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  io.stderr.write('stopping the server…\n');
  await server.app.close();
}

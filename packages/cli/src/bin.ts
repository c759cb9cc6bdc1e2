// Entry point of the `mixwise` command (launched by bin/mixwise.js). Sets the exit code and lets
// Node exit by itself so that stdout and stderr are flushed.
import { runCli } from './program.ts';

process.exitCode = await runCli(process.argv.slice(2));

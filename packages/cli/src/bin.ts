// Entry point of the `mixwise` command (launched by bin/mixwise.js). Sets the exit code and lets
// Node exit by itself so that stdout and stderr are flushed. A reader that closes the pipe early
// (`| head`) is not an error (see broken-pipe.ts).
import { runCli } from './program.ts';
import { ignoreBrokenPipe } from './broken-pipe.ts';

ignoreBrokenPipe(process.stdout);
ignoreBrokenPipe(process.stderr);
process.exitCode = await runCli(process.argv.slice(2));

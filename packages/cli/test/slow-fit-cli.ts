// Test fixture: the `mixwise` CLI with the fit faked to hang (it prints FITTING on stdout when it
// starts), for tests that kill a fit mid-search. Run as `node --conditions=mixwise-source --import tsx slow-fit-cli.ts fit …`.
import { defaultDeps, processIo, runCli } from '../src/index.ts';

process.exitCode = await runCli(process.argv.slice(2), processIo(), {
  ...defaultDeps,
  runFit: async () => {
    process.stdout.write('FITTING\n');
    // A slow search: keeps the process alive until it is killed.
    await new Promise<never>(() => setInterval(() => undefined, 1000));
    throw new Error('unreachable');
  },
});

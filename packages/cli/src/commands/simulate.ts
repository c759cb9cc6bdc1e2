import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { DEFAULT_SIMULATED_LIFT_TEST_SE } from '@mixwise/engine';
import type { CliIo } from '../io.ts';
import type { CliDeps } from '../cli-deps.ts';
import { parseNonNegativeInt, parseOutPath } from './parse-options.ts';
import { writeSimulation } from './write-simulation.ts';
import { describeTable } from './read-table.ts';
import { checkOutDir } from './check-out-dir.ts';
import { guardOutDir } from './out-dir-guard.ts';

interface SimulateFlags {
  preset: string;
  seed: number;
  out: string;
  liftTests?: number | true;
  json?: boolean;
}

function parseRelativeSe(value: string): number {
  const v = Number(value);
  if (!(v > 0 && v < 10)) throw new InvalidArgumentError(`expected a relative standard error between 0 and 10 (e.g. 0.2 for 20%), got "${value}"`);
  return v;
}

/**
 * Adds `mixwise simulate --preset NAME [--seed N] --out DIR [--lift-tests [SE]] [--json]`: writes
 * DIR/data.csv (long, one row per date and geo, for the geo preset), DIR/truth.json (and DIR/long.csv for presets with a long table; DIR/lift_tests.csv,
 * one simulated experiment per channel, with --lift-tests). An unknown preset is a usage error
 * listing the valid names.
 * @param program the root command
 * @param io streams and working folder
 * @param deps engine entry points
 */
export function registerSimulate(program: Command, io: CliIo, deps: CliDeps): void {
  program.command('simulate')
    .description('generate a synthetic data set with known ground truth (data.csv + truth.json)')
    .addOption(new Option('--preset <name>', 'scenario to simulate').choices([...deps.presetNames]).makeOptionMandatory())
    .option('--seed <n>', 'random seed (same seed, same data)', parseNonNegativeInt, 1)
    .requiredOption('--out <dir>', 'output folder (created if missing)', parseOutPath)
    .option('--lift-tests [se]', `also write lift_tests.csv: one simulated 8-week experiment per channel, measured with this relative standard error (default ${DEFAULT_SIMULATED_LIFT_TEST_SE})`, parseRelativeSe)
    .option('--json', 'print the list of written files as JSON on stdout')
    .action(async (flags: SimulateFlags) => {
      const liftTestSe = flags.liftTests === true ? DEFAULT_SIMULATED_LIFT_TEST_SE : flags.liftTests;
      const sim = deps.simulatePreset(flags.preset, flags.seed, liftTestSe === undefined ? {} : { liftTestSe });
      const outDir = resolve(io.cwd, flags.out);
      checkOutDir(outDir, 'simulate');
      const files = await guardOutDir(outDir, flags.out, ['data.csv'], () => writeSimulation(sim, outDir));
      if (flags.json === true) {
        io.stdout.write(JSON.stringify({ preset: flags.preset, seed: flags.seed, files }) + '\n');
        return;
      }
      const panel = sim.table.panel;
      const geos = panel === undefined ? '' : `; ${panel.geos.length} values of ${panel.column}, one row per date and ${panel.column} in data.csv`;
      io.stdout.write(`simulated preset ${flags.preset} (seed ${flags.seed}): ${describeTable(sim.table)}${geos}\n`);
      for (const f of files) io.stdout.write(`wrote ${f}\n`);
    });
}

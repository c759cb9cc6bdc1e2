import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Sign } from '@mixwise/engine';
import type { CliIo } from '../io.ts';
import type { CliDeps } from '../cli-deps.ts';
import { parseNonNegativeInt, parsePositiveInt } from './parse-options.ts';
import { writeSimulation } from './write-simulation.ts';
import { fitAction } from './fit.ts';

/** The preset and seed the demo simulates. */
export const DEMO_PRESET = 'retail';
export const DEMO_SEED = 7;

interface DemoFlags {
  out: string;
  seed: number;
  iterations?: number;
  workers?: number;
  json?: boolean;
}

/**
 * Adds `mixwise demo [--out DIR] [--seed N] [--iterations N] [--workers N] [--json]`: simulates the
 * retail preset (seed 7) into DIR (default out/demo), then fits it through exactly the same path as
 * `mixwise fit DIR/data.csv`, and says where the outputs are.
 * @param program the root command
 * @param io streams and working folder
 * @param deps engine entry points
 */
export function registerDemo(program: Command, io: CliIo, deps: CliDeps): void {
  program.command('demo')
    .description(`simulate the ${DEMO_PRESET} data set (known truth) and fit it end to end`)
    .option('--out <dir>', 'output folder', join('out', 'demo'))
    .option('--seed <n>', 'random seed of the simulated data', parseNonNegativeInt, DEMO_SEED)
    .option('--iterations <n>', 'hyperparameter search budget', parsePositiveInt)
    .option('--workers <n>', 'worker threads for the search (default: number of cores)', parsePositiveInt)
    .option('--json', 'print only the summary JSON on stdout (no progress)')
    .action(async (flags: DemoFlags) => {
      const outDir = resolve(io.cwd, flags.out);
      const sim = deps.simulatePreset(DEMO_PRESET, flags.seed);
      const files = await writeSimulation(sim, outDir);
      const log = (line: string): void => {
        io.stderr.write(line + '\n');
      };
      log(`simulated preset ${DEMO_PRESET} (seed ${flags.seed}) into ${shown(io, outDir)} (data.csv, truth.json)`);
      const controlSigns: Record<string, Sign> = {};
      for (const c of sim.table.controls) controlSigns[c.name] = c.sign;
      await fitAction(shown(io, files[0]), {
        target: sim.table.target.name,
        controls: sim.table.controls.length > 0 ? sim.table.controls.map((c) => c.name) : undefined,
        events: sim.table.events.length > 0 ? sim.table.events.map((e) => e.name) : undefined,
        autoEvents: true,
        controlSigns: sim.table.controls.length > 0 ? controlSigns : undefined,
        targetKind: sim.table.target.kind,
        seed: flags.seed,
        iterations: flags.iterations,
        method: 'ridge',
        workers: flags.workers,
        out: outDir,
        json: flags.json,
      }, io, deps);
      log(`outputs are in ${shown(io, outDir)}: model.json, summary.json, decomposition.csv (and the simulated data.csv, truth.json)`);
    });
}

/** A path as short as possible for messages: relative to the working folder when inside it. */
function shown(io: CliIo, path: string): string {
  const rel = relative(io.cwd, path);
  return rel !== '' && !rel.startsWith('..') ? rel : path;
}

import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { wideTable, writeCsvAtomic, writeJsonAtomic } from '@mixwise/data';
import { panelLongTable } from '@mixwise/engine';
import type { SimulationOutput } from '../cli-deps.ts';

/**
 * Writes a simulation to a folder (created if missing), each file atomically: `data.csv` (wide: date,
 * target, `<channel>_spend`, controls, events, extra series; for a geo panel long instead, one row per
 * date and geo: panelLongTable), `truth.json`, `long.csv` when the
 * simulation has a long table, and `lift_tests.csv` (the `--lift-tests` format) when it has lift tests.
 * @param sim the simulator's output
 * @param outDir the folder (absolute, or relative to the process's working folder)
 * @returns the paths written, data.csv first
 * @throws file-system errors
 * @example await writeSimulation(simulatePreset('retail', 7), '/tmp/sim') // ['/tmp/sim/data.csv', '/tmp/sim/truth.json']
 */
export async function writeSimulation(sim: SimulationOutput, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const data = panelLongTable(sim.table) ?? wideTable(sim.table, sim.extraColumns ?? []);
  const dataPath = join(outDir, 'data.csv');
  await writeCsvAtomic(dataPath, data.columns, data.rows);
  written.push(dataPath);
  const truthPath = join(outDir, 'truth.json');
  await writeJsonAtomic(truthPath, sim.truth);
  written.push(truthPath);
  if (sim.long !== undefined) {
    const longPath = join(outDir, 'long.csv');
    await writeCsvAtomic(longPath, sim.long.columns, sim.long.rows);
    written.push(longPath);
  }
  if (sim.liftTests !== undefined) {
    const liftPath = join(outDir, 'lift_tests.csv');
    await writeCsvAtomic(liftPath, ['channel', 'start', 'end', 'measured_through', 'lift', 'standard_error'],
      sim.liftTests.map((t) => [t.channel, t.start, t.end, t.measuredThrough ?? '', round2(t.lift), t.standardError === undefined ? '' : round2(t.standardError)]));
    written.push(liftPath);
  }
  return written;
}

/** Cents are enough for a measured lift and its standard error. */
const round2 = (v: number): number => Math.round(v * 100) / 100;

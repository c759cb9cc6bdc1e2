import type { LiftTest, ModelingTable } from '@mixwise/engine';
import { presetNames, simulatePreset, simulateLiftTests } from '@mixwise/engine';
import { runFit } from './commands/fit-run.ts';

/** What a simulator run gives the CLI (the engine's SimulationResult fits this shape). */
export interface SimulationOutput {
  readonly table: ModelingTable;
  /** Ground truth; written as truth.json. */
  readonly truth: unknown;
  /** Optional long breakdown table; written as long.csv. */
  readonly long?: { readonly columns: readonly string[]; readonly rows: readonly (readonly (string | number)[])[] };
  /** Optional further per-period series (e.g. pipeline), written into data.csv after the table's columns. */
  readonly extraColumns?: readonly { readonly name: string; readonly values: ArrayLike<number> }[];
  /** Optional simulated experiments, one per channel; written as lift_tests.csv. */
  readonly liftTests?: readonly LiftTest[];
}

/** Simulator options the CLI exposes. */
export interface SimulateCliOptions {
  /** Also simulate one lift test per channel with this relative standard error. */
  readonly liftTestSe?: number;
}

/** The engine entry points the commands call, injectable so commands can be tested in-process. */
export interface CliDeps {
  simulatePreset(name: string, seed: number, options?: SimulateCliOptions): SimulationOutput;
  readonly presetNames: readonly string[];
  runFit: typeof runFit;
}

/** The real engine. */
export const defaultDeps: CliDeps = {
  simulatePreset: (name, seed, options = {}) => {
    const sim = simulatePreset(name, seed);
    return options.liftTestSe === undefined ? sim : { ...sim, liftTests: simulateLiftTests(sim, { relativeSe: options.liftTestSe, seed }) };
  },
  presetNames,
  runFit,
};

import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Sign } from '@mixwise/engine';
import type { CliIo } from '../io.ts';
import type { CliDeps } from '../cli-deps.ts';
import { parseNonNegativeInt, parseOutPath, parsePositiveInt } from './parse-options.ts';
import { guardOutDir } from './out-dir-guard.ts';
import { withOutDirLock } from './out-dir-lock.ts';
import { MODEL_FILE } from '@mixwise/data';
import { writeSimulation } from './write-simulation.ts';
import { fitAction } from './fit.ts';
import { renderTable } from '../render/table.ts';
import { formatNumber } from '../render/format.ts';
import type { ChannelSummary } from '@mixwise/engine';
import { checkServePort, serveAction, untilStopped } from './serve.ts';
import { UsageError } from '../usage-error.ts';
import { checkOutDir } from './check-out-dir.ts';

/** The part of truth.json the demo compares against. */
interface DemoTruth {
  readonly channels: readonly { readonly name: string; readonly roi: number; readonly oracleRoiSe: number }[];
}

function isDemoTruth(truth: unknown): truth is DemoTruth {
  return typeof truth === 'object' && truth !== null && Array.isArray((truth as { channels?: unknown }).channels);
}

/**
 * The demo knows the truth: print estimated vs true ROI per channel, with the bootstrap interval and
 * the ROI standard error an oracle (knowing every true curve) would have on the same data.
 */
export function renderTruthComparison(channels: readonly ChannelSummary[], truth: DemoTruth): string {
  const rows = channels.map((c) => {
    const t = truth.channels.find((x) => x.name === c.name);
    return { c, t };
  });
  const table = renderTable<(typeof rows)[number]>([
    { header: 'channel', value: (r) => r.c.name },
    { header: 'estimated ROI', value: (r) => r.c.roi, format: 'roi' },
    { header: '90% interval', value: (r) => (r.c.roi_interval ? `${formatNumber(r.c.roi_interval[0], 2)}–${formatNumber(r.c.roi_interval[1], 2)}` : '') },
    { header: 'true ROI', value: (r) => r.t?.roi, format: 'roi' },
    { header: 'oracle s.e.', value: (r) => r.t?.oracleRoiSe, format: 'roi' },
  ], rows);
  return `The demo data are simulated, so the true ROIs are known (truth.json):\n\n${table}\n`;
}

/** The preset and seed the demo simulates. */
export const DEMO_PRESET = 'retail';
export const DEMO_SEED = 7;

interface DemoFlags {
  out: string;
  seed: number;
  iterations?: number;
  workers?: number;
  json?: boolean;
  serve?: boolean;
  port?: number;
  host?: string;
}

/**
 * Adds `mixwise demo [--out DIR] [--seed N] [--iterations N] [--workers N] [--json] [--serve [--port N] [--host H]]`:
 * simulates the retail preset (seed 7) into DIR (default out/demo), then fits it through exactly the same
 * path as `mixwise fit DIR/data.csv`, and says where the outputs are; with --serve, then serves the
 * dashboard with the demo run opened (as `mixwise serve --model DIR [--port N] [--host H]`) until Ctrl-C.
 * @param program the root command
 * @param io streams and working folder
 * @param deps engine entry points
 */
export function registerDemo(program: Command, io: CliIo, deps: CliDeps): void {
  program.command('demo')
    .description(`simulate the ${DEMO_PRESET} data set (known truth) and fit it end to end`)
    .option('--out <dir>', 'output folder', parseOutPath, join('out', 'demo'))
    .option('--seed <n>', 'random seed of the simulated data', parseNonNegativeInt, DEMO_SEED)
    .option('--iterations <n>', 'hyperparameter search budget', parsePositiveInt)
    .option('--workers <n>', 'worker threads for the search (default: number of cores)', parsePositiveInt)
    .option('--json', 'print only the summary JSON on stdout (no progress)')
    .option('--serve', 'then serve the dashboard with the demo run opened (Ctrl-C to stop)')
    .option('--port <n>', 'with --serve: port (default 5174 or the next free one; 0 picks any free port)', parseNonNegativeInt)
    .option('--host <host>', 'with --serve: interface to listen on (default 127.0.0.1; any other host requires an access token)')
    .action(async (flags: DemoFlags) => {
      // Checked before the fit, not after it.
      if (flags.serve !== true && (flags.port !== undefined || flags.host !== undefined)) {
        throw new UsageError(`${flags.port !== undefined ? '--port' : '--host'} only applies with --serve: add --serve, or leave it out`, 'demo');
      }
      checkServePort(flags.port, 'demo');
      const outDir = resolve(io.cwd, flags.out);
      checkOutDir(outDir, 'demo');
      await guardOutDir(outDir, flags.out, [MODEL_FILE], () => withOutDirLock(outDir, flags.out, 'demo', () => demoInto(flags, outDir, io, deps)));
    });
}

/** The demo's work once the output folder is known to be writable. */
async function demoInto(flags: DemoFlags, outDir: string, io: CliIo, deps: CliDeps): Promise<void> {
  const sim = deps.simulatePreset(DEMO_PRESET, flags.seed);
  const files = await writeSimulation(sim, outDir);
  const log = (line: string): void => {
    io.stderr.write(line + '\n');
  };
  log(`simulated preset ${DEMO_PRESET} (seed ${flags.seed}) into ${shown(io, outDir)} (data.csv, truth.json)`);
  const controlSigns: Record<string, Sign> = {};
  for (const c of sim.table.controls) controlSigns[c.name] = c.sign;
  const result = await fitAction(shown(io, files[0]), {
    target: sim.table.target.name,
    controls: sim.table.controls.length > 0 ? sim.table.controls.map((c) => c.name) : undefined,
    events: sim.table.events.length > 0 ? sim.table.events.map((e) => e.name) : undefined,
    autoEvents: true,
    autoControls: true,
    controlSigns: sim.table.controls.length > 0 ? controlSigns : undefined,
    targetKind: sim.table.target.kind,
    seed: flags.seed,
    iterations: flags.iterations,
    method: 'ridge',
    workers: flags.workers,
    out: outDir,
    json: flags.json,
  }, io, deps);
  if (flags.json !== true && isDemoTruth(sim.truth)) io.stdout.write(renderTruthComparison(result.summary.channels, sim.truth));
  log(`outputs are in ${shown(io, outDir)}: model.json, summary.json, decomposition.csv, diagnostics.json, response_curves.csv, results.sqlite and exports/ (CSV, Parquet), plus the simulated data.csv and truth.json`);
  if (flags.serve === true) {
    const where = { ...(flags.port !== undefined ? { port: flags.port } : {}), ...(flags.host !== undefined ? { host: flags.host } : {}) };
    await untilStopped(await serveAction({ model: [outDir], runs: join('out', 'runs'), data: join('out', 'data'), ...where }, io), io);
  }
}

/** A path as short as possible for messages: relative to the working folder when inside it. */
function shown(io: CliIo, path: string): string {
  const rel = relative(io.cwd, path);
  return rel !== '' && !rel.startsWith('..') ? rel : path;
}

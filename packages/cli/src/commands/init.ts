import { existsSync } from 'node:fs';
import { parseOutPath } from './parse-options.ts';
import { mkdir } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { ConfigDetection } from '@mixwise/data';
import { CONFIG_SCHEMA_PATH, checkDetectedNames, detectConfig, initConfigText, meridianSourcesText, readCsvFile, writeFileAtomic } from '@mixwise/data';
import type { CliIo } from '../io.ts';
import type { CliDeps } from '../cli-deps.ts';
import { useColor } from '../io.ts';
import { renderIssues } from '../render/issues.ts';
import { UsageError } from '../usage-error.ts';
import { checkOutFile } from './check-out-dir.ts';
import { channelsOption, controlsOption, dateOption } from './role-options.ts';

/** Flags of `mixwise init`. */
export interface InitFlags {
  target?: string;
  date?: string;
  channels?: string[];
  controls?: string[];
  out: string;
  force?: boolean;
}

/** The repository's JSON Schema of mixwise.yaml (…/packages/cli/src/commands/ → …/schemas/). */
const SCHEMA_FILE = join(fileURLToPath(new URL('../../../../', import.meta.url)), CONFIG_SCHEMA_PATH);

/**
 * Adds `mixwise init DATA [--target COL] [--date COL] [--channels a,b] [--controls c,d] [--out mixwise.yaml] [--force]`:
 * detects the columns' roles in a data file and writes a commented config (see detectConfig and
 * initConfigText). The role flags are fit's (role-options.ts): a role named replaces its detection,
 * e.g. spend columns that do not end in _spend.
 * @param program the root command
 * @param io streams and working folder
 * @param _deps unused (the signature every command shares)
 */
export function registerInit(program: Command, io: CliIo, _deps: CliDeps): void {
  program.command('init')
    .description('write a commented mixwise.yaml config detected from a data file')
    .argument('<data>', 'CSV file: a date column, the KPI, one <channel>_spend column per channel')
    .option('--target <column>', 'the KPI column (default: the first column named like revenue, sales, conversions, orders, leads…)')
    .addOption(dateOption())
    .addOption(channelsOption())
    .addOption(controlsOption('every spare numeric column that is not named like a KPI, media exposure, spend or a calendar field, has no empty cell and is not a near-copy of the KPI or a channel\'s spend'))
    .option('--out <file>', 'config file to write', parseOutPath, 'mixwise.yaml')
    .option('--force', 'overwrite the config file if it exists')
    .action(async (data: string, flags: InitFlags) => {
      await initAction(data, flags, io);
    });
}

/**
 * The init command's work: refuse to overwrite (unless --force), read and detect, write the config
 * atomically with `data.path` and the schema comment relative to the config's folder, then say what was found.
 * @returns the absolute path written and the detection
 * @throws UsageError when the file exists without --force; DataError for a file whose roles cannot be detected
 * @example (await initAction('data.csv', { out: 'mixwise.yaml' }, io)).detection.target // 'revenue'
 */
export async function initAction(data: string, flags: InitFlags, io: CliIo): Promise<{ path: string; detection: ConfigDetection }> {
  const path = resolve(io.cwd, flags.out);
  checkOutFile(path, 'init', '--out', 'mixwise.yaml');
  if (existsSync(path) && flags.force !== true) {
    throw new UsageError(`${flags.out} already exists; add --force to overwrite it, or choose another file with --out`, 'init');
  }
  const dataPath = resolve(io.cwd, data);
  const given = { target: flags.target, date: flags.date, channels: flags.channels, controls: flags.controls };
  const csv = readCsvFile(dataPath, { name: data });
  const detection = detectConfig(csv, given);
  // A config whose names collide in the outputs could not be fitted: say so now, with the rename.
  checkDetectedNames(detection, csv.file);
  const from = dirname(path);
  const text = initConfigText(detection, {
    dataPath: portable(relative(from, dataPath)),
    schema: existsSync(SCHEMA_FILE) ? portable(relative(from, SCHEMA_FILE)) : undefined,
  });
  await mkdir(from, { recursive: true });
  await writeFileAtomic(path, text);
  if (detection.warnings.length > 0) io.stderr.write(renderIssues(detection.warnings, { color: useColor(io.stderr, io.env) }));
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  io.stderr.write(`wrote ${flags.out}: target ${detection.target}, ${count(detection.channels.length, 'channel')}, `
    + `${count(detection.controls.length, 'control')}, ${count(detection.events.length, 'event')}; `
    + `${detection.nRows} ${detection.frequency} periods (${detection.firstDate} … ${detection.lastDate})`
    + `${detection.panel === undefined ? '' : `, the rows of each date added up over ${detection.panel.columns.join(' × ')} (cleaning: sum_panel`
      + `${detection.panel.columns.length === 1 ? `; or columns.geo: ${detection.panel.columns[0]} for a geo-level model, see the file's comment` : ''})`}\n`);
  // A Meridian geo file can also be read as a source, which rolls it up itself and adds the KPI by geo.
  if (detection.meridianShaped === true) io.stderr.write(`note: ${meridianSourcesText(data)}\n`);
  io.stderr.write(`check it, then run: mixwise prepare --config ${flags.out} --out prepared\n`);
  return { path, detection };
}

/** A relative path with forward slashes (YAML configs are shared across systems). */
function portable(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

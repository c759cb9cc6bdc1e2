// Every flag that a message recommends exists on the command that printed it, or on the command the
// message names ("mixwise fit --clean sum_panel=geo"): a fix that cannot be typed is no fix.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliDeps } from './cli-deps.ts';
import { defaultDeps } from './cli-deps.ts';
import { buildProgram, runCli } from './program.ts';
import { captureIo } from '../test/capture-io.ts';
import { multidimensionalCsv } from '../test/panel-csv.ts';
import { csvText, spendCsv } from '../test/spend-csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-hint-flags-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The engine's fit replaced: the data checks and their messages come before it. */
const noFit: CliDeps = { ...defaultDeps, runFit: async () => ({}) as Awaited<ReturnType<CliDeps['runFit']>> };

/** The long flags of a command, as the program defines them. */
function flagsOf(command: string): Set<string> {
  const found = buildProgram(captureIo(dir).io).commands.find((c) => c.name() === command);
  assert.ok(found !== undefined, `no command ${command}`);
  return new Set(['--help', ...found.options.map((o) => o.long ?? '')]);
}

/** Each flag in a text with the command it is for: the last "mixwise COMMAND" before it in its clause, else `own`. */
function flagsIn(text: string, own: string): [string, string][] {
  const out: [string, string][] = [];
  for (const clause of text.split(/[;\n]/)) {
    let command = own;
    for (const m of clause.matchAll(/mixwise (\w+)|(?<![\w-])(--[a-z][a-z-]*)/g)) {
      if (m[1] !== undefined) command = m[1];
      else out.push([command, m[2]]);
    }
  }
  return out;
}

const spend = spendCsv(30);
const config = (data: string, target: string): string => `version: 1\ndata: { path: ${data} }\ncolumns:\n  target: ${target}\n`;
const files: Record<string, string> = {
  'multi.csv': multidimensionalCsv(),
  'data.csv': csvText(spend),
  'cost.csv': csvText(spend.map((r) => r.map((c) => (c === 'tv_spend' ? 'tv_cost' : c === 'search_spend' ? 'search_cost' : c)))),
  'nodate.csv': csvText(spend.map((r, i) => [i === 0 ? 'week_no' : String(i), ...r.slice(1)])),
  'nokpi.csv': csvText(spend.map((r, i) => [r[0], i === 0 ? 'y1' : r[1], ...r.slice(2)])),
  'unused.yaml': 'version: 1\ndata: { path: data.csv }\ncolumns:\n  target: sales\n  channels:\n    - { name: tv, spend: tv_spend }\n    - { name: search, spend: search_spend }\n',
  'taken.yaml': 'keep me\n',
  'zero.csv': csvText(spend.map((r, i) => (i === 0 ? r : [r[0], r[1], '0', ...r.slice(3)]))),
  'unbalanced.csv': csvText([...spend, spend[4]]),
  // Configs that leave the date and the channels to detection (prepare has no --date or --channels).
  'nodate.yaml': config('nodate.csv', 'sales'),
  'cost.yaml': config('cost.csv', 'sales'),
  'multi.yaml': config('multi.csv', 'y'),
  'zero.yaml': config('zero.csv', 'sales'),
  'unbalanced.yaml': `${config('unbalanced.csv', 'sales')}cleaning: [sum_panel]\n`,
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);

const RUNS: { args: string[]; shows: RegExp }[] = [
  { args: ['init', 'multi.csv', '--target', 'y', '--out', 'a.yaml'], shows: /name them with --channels/ },
  { args: ['init', 'cost.csv', '--out', 'b.yaml'], shows: /name the spend columns with --channels/ },
  { args: ['init', 'nodate.csv', '--out', 'c.yaml'], shows: /name the date column with --date/ },
  { args: ['init', 'nokpi.csv', '--out', 'd.yaml'], shows: /name the KPI with --target/ },
  { args: ['init', 'data.csv', '--out', 'taken.yaml'], shows: /add --force/ },
  { args: ['validate', 'multi.csv', '--target', 'y'], shows: /mixwise fit --clean sum_panel=geo/ },
  { args: ['validate', 'nodate.csv', '--target', 'sales'], shows: /name the date column with --date/ },
  { args: ['fit', 'data.csv', '--target', 'sales', '--out', 'fit-a'], shows: /choose the controls with --controls/ },
  { args: ['fit', 'data.csv', '--target', 'sales', '--no-auto-controls', '--out', 'fit-b'], shows: /numeric columns not used by the model/ },
  // prepare has no role flags: the config is where roles are set.
  { args: ['prepare', '--config', 'unused.yaml', '--out', 'prepared'], shows: /not used by the model: price\n.*fix: .* to columns\.controls in mixwise\.yaml/ },
  // The roles prepare detects (date, channels) and the cleaning it runs name the config key, not fit's flags.
  { args: ['prepare', '--config', 'nodate.yaml', '--out', 'prep-a'], shows: /no column looks like dates\n.*fix: name the date column as columns\.date in mixwise\.yaml/ },
  { args: ['prepare', '--config', 'cost.yaml', '--out', 'prep-b'], shows: /named like spend became channels.*\n.*fix: .*list the spend columns under columns\.channels in mixwise\.yaml/ },
  { args: ['prepare', '--config', 'multi.yaml', '--out', 'prep-c'], shows: /no spend columns found.*\n.*fix: rename the spend columns to <channel>_spend, or list them under columns\.channels in mixwise\.yaml[\s\S]*"cleaning: \[\{ sum_panel: \{ column: geo \} \}\]" in mixwise\.yaml/ },
  { args: ['prepare', '--config', 'zero.yaml', '--out', 'prep-d'], shows: /zero spend in every period.*\n.*fix: leave it out: list the other channels under columns\.channels in mixwise\.yaml/ },
  { args: ['prepare', '--config', 'unbalanced.yaml', '--out', 'prep-e'], shows: /no column \(text, or whole-number codes such as a DMA or store number\) splits every date.*\n.*fix: name the panel column \("\{ sum_panel: \{ column: COLUMN \} \}" in mixwise\.yaml\)/ },
];

for (const { args, shows } of RUNS) {
  test(`hint flags: mixwise ${args.join(' ')}`, async () => {
    const cap = captureIo(dir);
    await runCli(args, cap.io, noFit);
    const text = cap.stderr() + cap.stdout();
    assert.match(text, shows);
    for (const [command, flag] of flagsIn(text, args[0])) assert.ok(flagsOf(command).has(flag), `"${flag}" is not an option of mixwise ${command}:\n${text}`);
    // prepare reads a config: its fixes go there, not to another command's flags (fit --clean, --channels).
    if (args[0] === 'prepare') assert.deepEqual(flagsIn(text, 'prepare').filter(([command]) => command !== 'prepare'), [], text);
  });
}

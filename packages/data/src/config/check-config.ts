import type { z } from 'zod';
import type { AdstockType, SaturationType } from '@mixwise/engine';
import { AUTO_ADSTOCK_FAMILIES, AUTO_SATURATION_FAMILIES } from '@mixwise/engine';
import type { configObject } from './config-schema.ts';
import type { BoundParam } from './bound-params.ts';
import { adstockBoundParams, saturationBoundParams } from './bound-params.ts';
import { repeatedLiftTests, REPEATED_LIFT_TEST_HINT } from '../validate/repeated-lift-tests.ts';
import { liftTestFromConfig } from './lift-test-from-config.ts';
import { organicLiftTestProblem } from '../validate/lift-test-problems.ts';

type ConfigShape = z.output<typeof configObject>;
type Path = (string | number)[];

/**
 * Cross-field checks of a config that the shape alone cannot express, each reported at the key it
 * concerns: duplicate channel names or spend columns, duplicate control names, bounds naming a
 * parameter that the channel's adstock or saturation family does not have (checked when the family
 * is set in the channel or under `model`), neither or both of `data` and `sources` (and `sources` naming
 * no files, half a long pair, or both long and B2B files), a log-scale parameter with a lower bound ≤ 0, lift tests
 * for channels not listed, ending before they start or repeating an earlier test exactly, and a window
 * ending before it starts.
 * @param config the parsed config (shape already valid)
 * @param ctx zod's refinement context; issues are added with `params.hint`
 * @example configSchema.safeParse({ ...valid, window: { start: '2024-02-01', end: '2024-01-01' } }).success // false
 */
export function checkConfig(config: ConfigShape, ctx: z.RefinementCtx): void {
  const fail = (path: Path, message: string, hint: string): void => {
    ctx.addIssue({ code: 'custom', path, message, params: { hint } });
  };
  // The holiday options only shape holidays: without `holidays:` they would be ignored (the CLI's --week-label and
  // --holiday-columns are refused the same way without --holidays).
  if (config.holidays === undefined || config.holidays.length === 0) {
    for (const key of ['week_label', 'holiday_columns'] as const) {
      if (config[key] !== undefined) fail([key], `${key} only applies with holidays:, which the config does not give`, `add holidays: (e.g. [us, retail]), or remove ${key}; with --holidays on the command line, pass ${key === 'week_label' ? '--week-label' : '--holiday-columns'} there too`);
    }
  }
  const channels = config.columns.channels ?? [];
  const seenNames = new Map<string, number>();
  const seenSpend = new Map<string, number>();
  // model.media: exposure with no `exposure:` mapped is not refused here: the fit pairs the columns by name
  // (tv_impressions beside tv_spend, Meridian's summed <Channel>_impressions), and refuses with the fix when none is found.
  channels.forEach((ch, i) => {
    const where: Path = ['columns', 'channels', i];
    if (ch.media === 'exposure' && ch.exposure === undefined) {
      fail([...where, 'media'], `channel ${ch.name} is to be modelled on its exposure (media: exposure) but has no exposure column`, `add exposure: <its impressions, clicks or GRPs column> to the channel, or remove media: exposure`);
    }
    const otherName = seenNames.get(ch.name.toLowerCase());
    if (otherName !== undefined) fail([...where, 'name'], `channel name "${ch.name}" is already used by channels[${otherName}]`, 'give each channel its own name');
    seenNames.set(ch.name.toLowerCase(), i);
    const otherSpend = seenSpend.get(ch.spend);
    if (otherSpend !== undefined) fail([...where, 'spend'], `spend column "${ch.spend}" is already used by channels[${otherSpend}]`, 'each channel needs its own spend column');
    seenSpend.set(ch.spend, i);
    const family = ch.adstock ?? config.model?.adstock;
    const curve = ch.saturation ?? config.model?.saturation;
    if (family !== undefined) {
      const types: readonly AdstockType[] = family === 'auto' ? AUTO_ADSTOCK_FAMILIES : [family];
      checkBounds(ch.bounds?.adstock, types.flatMap(adstockBoundParams), `adstock ${family}`, [...where, 'bounds', 'adstock'], fail);
    }
    if (curve !== undefined) {
      const curves: readonly SaturationType[] = curve === 'auto' ? AUTO_SATURATION_FAMILIES : [curve];
      checkBounds(ch.bounds?.saturation, curves.flatMap(saturationBoundParams), `saturation ${curve}`, [...where, 'bounds', 'saturation'], fail);
    }
  });
  const controls = new Set<string>();
  config.columns.controls.forEach((c, i) => {
    if (controls.has(c.name)) fail(['columns', 'controls', i, 'name'], `control "${c.name}" is listed twice`, 'list each control once');
    controls.add(c.name);
  });
  const names = channels.map((c) => c.name);
  const liftTests = config.calibration?.lift_tests ?? [];
  liftTests.forEach((t, i) => {
    const where: Path = ['calibration', 'lift_tests', i];
    if (!names.includes(t.channel) && (config.columns.organic ?? []).includes(t.channel)) {
      const { message, hint } = organicLiftTestProblem(t.channel);
      fail([...where, 'channel'], message, hint);
    } else if (names.length > 0 && !names.includes(t.channel)) {
      fail([...where, 'channel'], `lift test for unknown channel "${t.channel}"`, `use one of the channels' names: ${names.join(', ')}`);
    }
    if (t.end < t.start) fail([...where, 'end'], `the test ends (${t.end}) before it starts (${t.start})`, 'swap start and end');
    if (t.measured_through !== undefined && t.measured_through < t.end) {
      fail([...where, 'measured_through'], `the lift is measured through ${t.measured_through}, before the test ends (${t.end})`, 'give the last date the lift was measured over (on or after end), or leave it out');
    }
  });
  for (const { first, repeat } of repeatedLiftTests(liftTests.map(liftTestFromConfig))) {
    fail(['calibration', 'lift_tests', repeat], `lift test ${repeat + 1} repeats lift test ${first + 1} (same channel, dates and lift): it would count twice`, REPEATED_LIFT_TEST_HINT);
  }
  if (config.data === undefined && config.sources === undefined) {
    fail([], 'the config names no data: give "data" or "sources"', 'add data: { path: FILE.csv } (a wide file), or a sources: key (long or B2B files, see docs/config.md)');
  } else if (config.data !== undefined && config.sources !== undefined) {
    fail(['sources'], 'the config gives both "data" and "sources"', 'keep one: data for a wide file, sources for long or B2B files');
  }
  const s = config.sources;
  if (s !== undefined) {
    const long = s.spend !== undefined || s.kpi !== undefined;
    const kinds = [long, s.b2b !== undefined, s.meridian !== undefined].filter(Boolean).length;
    // Point at the key that joins a second kind (the line to delete or move).
    if (kinds > 1) fail(['sources', s.meridian !== undefined ? 'meridian' : 'b2b'], 'sources mixes more than one kind of input (long files spend + kpi, b2b files, a meridian file)', 'keep one of the three');
    else if (kinds === 0) fail(['sources'], 'sources names no files', 'give spend and kpi (long files), b2b, or meridian (a Meridian geo file)');
    else if (long && s.spend === undefined) fail(['sources'], 'sources gives a kpi file but no spend file', 'add spend: FILE.csv (date, channel, spend)');
    else if (long && s.kpi === undefined) fail(['sources'], 'sources gives a spend file but no kpi file', 'add kpi: FILE.csv (date and one column per KPI)');
    // Controls and events files join long files only: the B2B and Meridian builds have their own.
    for (const key of ['controls', 'events'] as const) {
      if (s[key] !== undefined && !long) fail(['sources', key], `sources.${key} goes with long files (spend and kpi), not with ${s.b2b !== undefined ? 'b2b' : 'meridian'}`, `remove ${key}, or give the long spend and kpi files it belongs with`);
    }
  }
  checkGeoSize(config.columns, fail);
  const w = config.window;
  if (w?.start !== undefined && w.end !== undefined && w.end < w.start) {
    fail(['window', 'end'], `the window ends (${w.end}) before it starts (${w.start})`, 'swap start and end');
  }
}

/** columns.geo_size goes with columns.geo and names a column of its own (not the geo, KPI, date, a channel or control). */
function checkGeoSize(columns: ConfigShape['columns'], fail: (path: Path, message: string, hint: string) => void): void {
  const size = columns.geo_size;
  if (size === undefined) return;
  const where: Path = ['columns', 'geo_size'];
  if (columns.geo === undefined) {
    fail(where, 'geo_size sizes the geos of a geo-level model, and the config gives no columns.geo', 'add columns.geo (the column naming each row\'s geo), or remove geo_size');
    return;
  }
  const taken: [string, string | undefined][] = [['geo', columns.geo], ['target', columns.target], ['date', columns.date]];
  for (const [key, column] of taken) {
    if (column === size) fail(where, `geo_size names "${size}", which is also columns.${key}`, 'name the column that holds each geo\'s size (population, households…)');
  }
  const used = [...(columns.channels ?? []).map((c) => c.spend), ...(columns.controls ?? []).map((c) => c.column ?? c.name), ...(columns.events ?? [])];
  if (used.includes(size)) fail(where, `geo_size names "${size}", which the config also lists as a channel, control or event`, `a size column only sizes the geos: remove "${size}" from the other list`);
}

function checkBounds(
  bounds: Readonly<Record<string, number | readonly [number, number] | undefined>> | undefined,
  params: readonly BoundParam[],
  what: string,
  where: Path,
  fail: (path: Path, message: string, hint: string) => void,
): void {
  for (const [key, value] of Object.entries(bounds ?? {})) {
    if (value === undefined) continue;
    const param = params.find((p) => p.key === key);
    if (param === undefined) {
      const known = [...new Set(params.map((p) => p.key))].join(', ');
      fail([...where, key], `${what} has no parameter "${key}"`, `its parameters are: ${known}`);
    } else if (param.scale === 'log' && !((typeof value === 'number' ? value : value[0]) > 0)) {
      fail([...where, key], typeof value === 'number' ? `"${key}" must be above 0 (it is searched on a log scale)` : `the lower bound of "${key}" must be above 0 (it is searched on a log scale)`,
        typeof value === 'number' ? 'give a positive value' : 'use a small positive lower bound such as 0.05');
    }
  }
}

import { resolve } from 'node:path';
import { baselineTermColumn, refreshChannel, refreshWidth, type ChannelSpec, type CurveRanges, type FittedCurves, type ModelingTable, type ModelRefresh, type ModelSpec, type FitWarning } from '@mixwise/engine';
import type { ReadOutcome, TableRoles } from '@mixwise/data';
import { DataError } from '@mixwise/data';
import type { CliIo } from '../io.ts';
import { previousColumn, renamedRoles, type Renames } from './fit-refresh-rename.ts';
import { configOverInherited } from './fit-refresh-config.ts';
import { readRunFiles, type ComparedRunFiles } from './compare-read.ts';

/** A previous run a fit refreshes (`mixwise fit --refresh PREV_RUN`). */
export interface RefreshSource {
  /** PREV_RUN as the user typed it. */
  readonly shown: string;
  readonly run: ComparedRunFiles;
}

/** What runFit needs to record and report a refresh. */
export interface FitRefresh {
  readonly source: RefreshSource;
  /** model.json's record of it. */
  readonly record: ModelRefresh;
  /** The new run's folder as the user typed it (named in the comparison). */
  readonly out: string;
  /** Channels renamed with --rename (previous name → new name): compared under the new name. */
  readonly names?: Readonly<Record<string, string>>;
  /** Warnings on the new window against the previous one (refreshWindowWarnings), added to summary.json's. */
  readonly warnings?: readonly FitWarning[];
}

/**
 * Reads PREV_RUN (a complete run folder, as `mixwise compare` reads it).
 * @throws DataError from readRunFiles
 */
export function readRefreshSource(prev: string, io: CliIo): RefreshSource {
  return { shown: prev, run: readRunFiles(resolve(io.cwd, prev), prev) };
}

/** The fit flags refreshRoles reads. */
export interface RefreshRoleFlags {
  readonly target?: string;
  readonly rename?: Renames;
  readonly controls?: readonly string[];
  readonly events?: readonly string[];
  readonly autoControls?: boolean;
  readonly autoEvents?: boolean;
}

/**
 * The column roles of the previous run: its target (and kind), channels' spend (or exposure) columns,
 * controls with their signs, events, organic media and built-in holidays. Flags given to the fit
 * override each of them (fit.ts spreads the flags over these): --controls/--events replace the inherited
 * lists, and --no-auto-controls/--no-auto-events without them mean none (so a control the new data
 * lack can be dropped). --rename OLD=NEW puts a column under its new name. With --config, the roles
 * the config gives replace the inherited ones (configOverInherited; flags then override both).
 * @param config the config's roles and file name, with --config
 * @throws UsageError for a --rename OLD that is no column of the previous run
 * @throws DataError RUN_MISMATCH when --target (or the config's columns.target) names another KPI than the previous run's
 */
export function refreshRoles(source: RefreshSource, flags: RefreshRoleFlags, config?: { roles: TableRoles; file: string }): TableRoles {
  const target = flags.target ?? config?.roles.target;
  const m = source.run.model;
  if (target !== undefined && target !== m.target.name) {
    const [given, fix] = flags.target !== undefined ? [`--target ${target}`, 'leave --target out'] : [`columns.target: ${target} in the config ${config?.file ?? ''}`, `set columns.target: ${m.target.name}`];
    throw new DataError([{
      code: 'RUN_MISMATCH', severity: 'error', message: `${given} is not the KPI of the previous run ${source.shown}, which models ${m.target.name}`,
      hint: `${fix} to refresh ${m.target.name}, or fit ${target} without --refresh`, at: { file: source.shown },
    }]);
  }
  const holidayIds = new Set((m.baseline.flatMap((b) => (b.kind === 'event' && b.holidays !== undefined ? [b.name] : []))));
  const noControls = flags.controls === undefined && flags.autoControls === false;
  const controls = noControls ? [] : m.baseline.filter((b) => b.kind === 'control');
  // Controls by their column (a config may have named one otherwise), as channels are.
  const signs = Object.fromEntries(controls.map((c) => [baselineTermColumn(c), c.sign ?? 'free'] as const));
  const inherited = renamedRoles({
    target: m.target.name,
    targetKind: m.target.kind,
    channels: m.channels.map((c) => c.column),
    controls: controls.map(baselineTermColumn),
    controlSigns: signs,
    // Holiday events come back from the holiday calendar, not as columns of the file.
    events: flags.events === undefined && flags.autoEvents === false ? [] : m.baseline.filter((b) => b.kind === 'event' && !holidayIds.has(b.name)).map((b) => b.name),
    ...(m.organic !== undefined && m.organic.length > 0 ? { organic: m.organic.map((o) => o.column) } : {}),
    ...(m.holidayCalendar !== undefined ? { holidays: { ...m.holidayCalendar } } : {}),
  }, flags.rename, source);
  return config === undefined ? inherited : configOverInherited(inherited, config.roles);
}

/** Geo settings a refresh inherits from the previous run (geoSetting and geoSizeSetting name them as inherited). */
export interface InheritedGeo {
  readonly geo?: string;
  readonly geoSize?: string;
  /** PREV_RUN as the user typed it. */
  readonly shown: string;
}

/**
 * The geo panel settings a refresh inherits, when neither a flag nor the config gives them: the
 * previous model's geo column unless --geo (or columns.geo) is given, and its size column unless
 * --geo-size (or columns.geo_size) is given or the geo column used is another one.
 * @param given the geo and size columns of the flags, else of the config
 * @example refreshGeo(source, {}) // { geo: 'region', geoSize: 'population', shown: 'r104' } for a run fitted with --geo region --geo-size population
 */
export function refreshGeo(source: RefreshSource, given: { geo?: string | undefined; geoSize?: string | undefined }): InheritedGeo {
  const panel = source.run.model.panel;
  const geo = given.geo ?? panel?.column;
  const size = given.geoSize === undefined && panel !== undefined && geo === panel.column ? panel.sizeColumn : undefined;
  return { shown: source.shown, ...(given.geo === undefined && geo !== undefined ? { geo } : {}), ...(size === undefined ? {} : { geoSize: size }) };
}

/**
 * The exposure column each channel of the previous run was modelled on, under the new data's names
 * (--rename OLD=NEW renames spend and exposure columns alike): spend column → exposure column, which the
 * table pairs first (readCheckedTable's exposurePins), also a column a config had mapped under another name.
 * @param media the media basis a flag or the config sets: then nothing is inherited
 * @returns `{ exposurePins }` when the previous run modelled a channel on exposure and no basis is set, else {}
 * @example refreshExposurePins(source, undefined, { tv_impressions: 'tv_imps' }) // { exposurePins: { tv_spend: 'tv_imps' } }
 */
export function refreshExposurePins(source: RefreshSource, media: 'spend' | 'exposure' | undefined, renames: Renames | undefined): { exposurePins?: Record<string, string> } {
  const pins = exposureColumns(source, renames);
  return media !== undefined || Object.keys(pins).length === 0 ? {} : { exposurePins: pins };
}

/** Spend column → exposure column of each channel the previous run modelled on exposure, under their new names. */
function exposureColumns(source: RefreshSource, renames: Renames | undefined): Record<string, string> {
  const to = (c: string): string => renames?.[c] ?? c;
  return Object.fromEntries(source.run.model.channels.flatMap((c) => (c.media === undefined ? [] : [[to(c.column), to(c.media.column)] as const])));
}

/**
 * Refuses new data that lacks a column of the previous run (checked on the header, before validation),
 * exposure columns included unless `modelOnSpend` (--media spend). Each hint says how to drop the column.
 * @throws DataError MISSING_COLUMN naming the column, its role, the file and PREV_RUN
 */
export function checkRefreshColumns(source: RefreshSource, roles: TableRoles, read: ReadOutcome, modelOnSpend = false, renames?: Renames): void {
  if (read.csv === undefined) return;
  const have = new Set(read.csv.header);
  // A categorical event column's dummies are named <column>_<level>: ask for the column again.
  if (roles.events !== undefined) {
    const events = roles.events.map((e) => (have.has(e) ? e : read.csv?.header.find((h) => e.startsWith(`${h}_`)) ?? e));
    roles.events = [...new Set(events)];
  }
  // [role, the flag that lists it, its columns, the flag that drops them all]
  const wanted: [string, string, readonly string[], string | undefined][] = [
    ['target', '--target', [roles.target], undefined], ['channel', '--channels', roles.channels ?? [], undefined], ['control', '--controls', roles.controls ?? [], '--no-auto-controls'],
    ['event', '--events', roles.events ?? [], '--no-auto-events'], ['organic series', '--organic', roles.organic ?? [], undefined],
  ];
  // Only the previous run's columns (under their new names): those a flag or a config gives are checked as theirs.
  const previous = previousColumns(source, renames);
  const issues = wanted.flatMap(([role, flag, columns, none]) => columns.filter((c) => !have.has(c) && previous.has(c)).map((column) => {
    const others = columns.filter((c) => c !== column && have.has(c));
    const drop = role === 'target' ? '' : others.length > 0 ? `, or drop it: ${flag} ${others.join(',')}` : none !== undefined ? `, or drop it: ${none} (no ${role}s)` : `, or name the ${role}s yourself with ${flag}`;
    return {
      code: 'MISSING_COLUMN' as const, severity: 'error' as const,
      message: `column ${column} (${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role} of the previous run ${source.shown}) is not in the new data ${read.file}`,
      hint: `add ${column} to ${read.file} (the refresh keeps the previous run's columns)${drop}`,
      at: { file: read.file, column },
    };
  }));
  // Exposure columns under their new names (--rename).
  const exposure = Object.values(exposureColumns(source, renames)).filter((column) => !have.has(column));
  if (!modelOnSpend) {
    issues.push(...exposure.map((column) => ({
      code: 'MISSING_COLUMN' as const, severity: 'error' as const,
      message: `column ${column} (channel ${exposureOwner(source, column, renames)}'s exposure in the previous run ${source.shown}) is not in the new data ${read.file}`,
      hint: `add ${column} to ${read.file} (or --rename ${previousColumn(column, renames)}=NEW if it was renamed), or model the channels on spend with --media spend`, at: { file: read.file, column },
    })));
  }
  if (issues.length > 0) throw new DataError(issues);
}

/** Every column of the previous run a refresh inherits (target, spend, controls, events, organic), under its new name (--rename). */
function previousColumns(source: RefreshSource, renames: Renames | undefined): Set<string> {
  const m = source.run.model;
  const own = [m.target.name, ...m.channels.map((c) => c.column), ...m.baseline.filter((b) => b.kind === 'control' || b.kind === 'event').map(baselineTermColumn), ...(m.organic ?? []).map((o) => o.column)];
  return new Set(own.map((c) => renames?.[c] ?? c));
}

/** The previous run's channel whose exposure column is `column` (by its new name). */
function exposureOwner(source: RefreshSource, column: string, renames: Renames | undefined): string {
  const from = previousColumn(column, renames);
  return source.run.model.channels.find((c) => c.media?.column === from)?.name ?? from;
}

/**
 * The spec settings a refresh inherits, as a config would give them (runSpec's configSpec; flags still
 * override): each channel's and organic series' adstock family, max lag and saturation curve, with
 * search bounds narrowed around the previous values (refreshChannel, width refreshWidth of the new
 * periods), the seasonality order, trend and ROI prior. A channel new in the data keeps the defaults; one
 * whose column was renamed (--rename OLD=NEW) keeps the curves of the channel of OLD.
 * @param table the new modeling table
 * @param window the rows of the window
 * @param flags which curve families a flag sets (those are not inherited)
 * @param holdout final periods of the window held out
 * @returns the spec, model.json's record, and the channels renamed (--rename: previous name → new name)
 */
export function refreshSpec(source: RefreshSource, table: ModelingTable, window: { start: number; end: number }, flags: { adstock?: string; saturation?: string; rename?: Renames },
  holdout = 0): { spec: Partial<ModelSpec>; record: ModelRefresh; names: Record<string, string> } {
  const renames = flags.rename;
  const prev = source.run.model;
  const lastPrevDate = prev.dates[prev.window.end - 1];
  // Held-out periods are not fitted, so they neither count as new nor widen the search.
  const dates = table.dates.slice(window.start, Math.max(window.start, window.end - holdout));
  const newPeriods = dates.filter((d) => lastPrevDate === undefined || d > lastPrevDate).length;
  const width = refreshWidth(newPeriods, dates.length);
  const keep = { adstock: flags.adstock === undefined, saturation: flags.saturation === undefined };
  // Previous channel name → its name in the new data, for a column renamed with --rename.
  const names: Record<string, string> = {};
  // The full ranges narrowed, per new name: recorded so that the next refresh narrows them again, not the narrowed bounds.
  const ranges: Record<string, CurveRanges> = {};
  // A new series takes the curves of the previous one with its column (or the column it was renamed from), else of its name.
  const specs = (now: readonly { name: string; column: string }[], fitted: readonly { name: string; column: string }[] | undefined, prevSpecs: readonly ChannelSpec[] | undefined): ChannelSpec[] =>
    now.flatMap(({ name, column }) => {
      const from = previousColumn(column, renames);
      // By the renamed column, then by name, then by the same column under another name (a config had named the channel).
      const f = (fitted?.find((c) => c.column === from && from !== column) ?? fitted?.find((c) => c.name === name) ?? fitted?.find((c) => c.column === column)) as (FittedCurves & { column: string }) | undefined;
      if (f === undefined) return [];
      if (f.name !== name) names[f.name] = name;
      const prevSpec = prevSpecs?.find((c) => c.name === f.name);
      // Only recorded ranges of the same families apply (other families' parameter names are ignored).
      const refreshed = refreshChannel(f, prevSpec, width, keep, prev.refresh?.ranges?.[f.name]);
      ranges[name] = refreshed.ranges;
      return [{ ...refreshed.spec, name }];
    });
  const organic = specs(table.organic ?? [], prev.organic, prev.spec.organic);
  const spec: Partial<ModelSpec> = {
    channels: specs(table.channels, prev.channels, prev.spec.channels),
    ...(organic.length > 0 ? { organic } : {}),
    seasonalityOrder: prev.spec.seasonalityOrder,
    trend: prev.spec.trend,
    // A prior the previous fit was given (or none) is inherited; the default one is left to the default rule, so the
    // output keeps calling it the default and the new data's unit check still applies.
    ...(prev.spec.search.roiPrior !== undefined && prev.search.roiPriorSource !== 'default' ? { search: { roiPrior: prev.spec.search.roiPrior } as ModelSpec['search'] } : {}),
  };
  return { spec, record: { previous: source.shown, ...(prev.source !== undefined ? { previousSource: prev.source } : {}), newPeriods, boundWidth: width, ranges }, names };
}

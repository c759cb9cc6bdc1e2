import { resolve } from 'node:path';
import {
  compareRuns, refreshChannelSpec, refreshWidth, type ChannelSpec, type ModelingTable, type ModelRefresh, type ModelSpec, type SummaryRefresh, type SummaryResult,
} from '@mixwise/engine';
import type { ReadOutcome, TableRoles } from '@mixwise/data';
import { DataError } from '@mixwise/data';
import type { CliIo } from '../io.ts';
import { UsageError } from '../usage-error.ts';
import { formatComparison } from '../render/comparison.ts';
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
}

/**
 * Reads PREV_RUN (a complete run folder, as `mixwise compare` reads it).
 * @throws DataError from readRunFiles; UsageError with --config (the previous run is the configuration)
 */
export function readRefreshSource(prev: string, io: CliIo, config: string | undefined): RefreshSource {
  if (config !== undefined) throw new UsageError('--refresh takes its settings from the previous run; it cannot be combined with --config (override single settings with flags instead)', 'fit');
  return { shown: prev, run: readRunFiles(resolve(io.cwd, prev), prev) };
}

/**
 * The column roles of the previous run: its target (and kind), channels' spend (or exposure) columns,
 * controls with their signs, events, organic media and built-in holidays. Flags given to the fit
 * override each of them (fit.ts spreads the flags over these).
 * @throws DataError RUN_MISMATCH when --target names another KPI than the previous run's
 */
export function refreshRoles(source: RefreshSource, target: string | undefined): TableRoles {
  const m = source.run.model;
  if (target !== undefined && target !== m.target.name) {
    throw new DataError([{
      code: 'RUN_MISMATCH', severity: 'error', message: `--target ${target} is not the KPI of the previous run ${source.shown}, which models ${m.target.name}`,
      hint: `leave --target out to refresh ${m.target.name}, or fit ${target} without --refresh`, at: { file: source.shown },
    }]);
  }
  const holidayIds = new Set((m.baseline.flatMap((b) => (b.kind === 'event' && b.holidays !== undefined ? [b.name] : []))));
  const controls = m.baseline.filter((b) => b.kind === 'control');
  const signs = Object.fromEntries(controls.map((c) => [c.name, c.sign ?? 'free'] as const));
  return {
    target: m.target.name,
    targetKind: m.target.kind,
    channels: m.channels.map((c) => c.column),
    controls: controls.map((c) => c.name),
    controlSigns: signs,
    // Holiday events come back from the holiday calendar, not as columns of the file.
    events: m.baseline.filter((b) => b.kind === 'event' && !holidayIds.has(b.name)).map((b) => b.name),
    ...(m.organic !== undefined && m.organic.length > 0 ? { organic: m.organic.map((o) => o.column) } : {}),
    ...(m.holidayCalendar !== undefined ? { holidays: { ...m.holidayCalendar } } : {}),
  };
}

/**
 * Refuses new data that lacks a column of the previous run (checked on the header, before validation).
 * @throws DataError MISSING_COLUMN naming the column, the file and PREV_RUN
 */
export function checkRefreshColumns(source: RefreshSource, roles: TableRoles, read: ReadOutcome): void {
  if (read.csv === undefined) return;
  const have = new Set(read.csv.header);
  // A categorical event column's dummies are named <column>_<level>: ask for the column again.
  if (roles.events !== undefined) {
    const events = roles.events.map((e) => (have.has(e) ? e : read.csv?.header.find((h) => e.startsWith(`${h}_`)) ?? e));
    roles.events = [...new Set(events)];
  }
  const wanted = [roles.target, ...(roles.channels ?? []), ...(roles.controls ?? []), ...(roles.events ?? []), ...(roles.organic ?? [])].filter((c): c is string => c !== undefined);
  const missing = wanted.filter((c) => !have.has(c));
  if (missing.length === 0) return;
  throw new DataError(missing.map((column) => ({
    code: 'MISSING_COLUMN' as const, severity: 'error' as const,
    message: `column ${column} of the previous run ${source.shown} is not in the new data`,
    hint: `add ${column} to ${read.file} (the refresh keeps the previous run's columns), or name the roles yourself with --channels/--controls/--events`,
    at: { file: read.file, column },
  })));
}

/**
 * The spec settings a refresh inherits, as a config would give them (runSpec's configSpec; flags still
 * override): each channel's and organic series' adstock family, max lag and saturation curve, with
 * search bounds narrowed around the previous values (refreshChannelSpec, width refreshWidth of the new
 * periods), the seasonality order, trend and ROI prior. A channel new in the data keeps the defaults.
 * @param table the new modeling table
 * @param window the rows fitted
 * @param flags which curve families a flag sets (those are not inherited)
 */
export function refreshSpec(source: RefreshSource, table: ModelingTable, window: { start: number; end: number }, flags: { adstock?: string; saturation?: string }): { spec: Partial<ModelSpec>; record: ModelRefresh } {
  const prev = source.run.model;
  const lastPrevDate = prev.dates[prev.window.end - 1];
  const dates = table.dates.slice(window.start, window.end);
  const newPeriods = dates.filter((d) => lastPrevDate === undefined || d > lastPrevDate).length;
  const width = refreshWidth(newPeriods, dates.length);
  const keep = { adstock: flags.adstock === undefined, saturation: flags.saturation === undefined };
  const specs = (names: readonly string[], fitted: readonly { name: string }[] | undefined, prevSpecs: readonly ChannelSpec[] | undefined): ChannelSpec[] =>
    names.flatMap((name) => {
      const f = fitted?.find((c) => c.name === name) as Parameters<typeof refreshChannelSpec>[0] | undefined;
      return f === undefined ? [] : [refreshChannelSpec(f, prevSpecs?.find((c) => c.name === name), width, keep)];
    });
  const organic = specs((table.organic ?? []).map((o) => o.name), prev.organic, prev.spec.organic);
  const spec: Partial<ModelSpec> = {
    channels: specs(table.channels.map((c) => c.name), prev.channels, prev.spec.channels),
    ...(organic.length > 0 ? { organic } : {}),
    seasonalityOrder: prev.spec.seasonalityOrder,
    trend: prev.spec.trend,
    // A prior the previous fit was given (or none) is inherited; the default one is left to the default rule, so the
    // output keeps calling it the default and the new data's unit check still applies.
    ...(prev.spec.search.roiPrior !== undefined && prev.search.roiPriorSource !== 'default' ? { search: { roiPrior: prev.spec.search.roiPrior } as ModelSpec['search'] } : {}),
  };
  return { spec, record: { previous: source.shown, ...(prev.source !== undefined ? { previousSource: prev.source } : {}), newPeriods, boundWidth: width } };
}

/**
 * writeRunFiles' summary hook of a refresh: summary.json gets `refresh: { previous, new_periods,
 * bound_width, comparison }`, the comparison of PREV_RUN (A) with the new run (B).
 */
export function refreshSummary(refresh: FitRefresh): (summary: SummaryResult) => SummaryResult {
  return (summary) => ({ ...summary, refresh: refreshJson(refresh, summary) });
}

function refreshJson(refresh: FitRefresh, summary: SummaryResult): SummaryRefresh {
  const comparison = compareRuns({ run: refresh.source.shown, summary: refresh.source.run.summary }, { run: refresh.out, summary });
  return { previous: refresh.record.previous, new_periods: refresh.record.newPeriods, bound_width: refresh.record.boundWidth, comparison };
}

/** The comparison printed after a refreshed fit's summary. */
export function refreshText(refresh: FitRefresh, summary: SummaryResult): string {
  const c = compareRuns({ run: refresh.source.shown, summary: refresh.source.run.summary }, { run: refresh.out, summary });
  return `\nRefresh of ${refresh.source.shown}: ${refresh.record.newPeriods} new periods; each curve parameter searched over ${Math.round(refresh.record.boundWidth * 100)}% of its range around the previous value.\n`
    + formatComparison(c, ['before', 'after']);
}

// `mixwise validate --geo COL`: a long panel file checked as `mixwise fit --geo COL` checks it, without fitting.
import { resolve } from 'node:path';
import type { ReadOutcome, TableRoles, ValidationResult } from '@mixwise/data';
import { DataError, hasErrors } from '@mixwise/data';
import type { CliIo } from '../io.ts';
import { UsageError } from '../usage-error.ts';
import { checkGeoSizeDetected, geoSetting, geoSizeSetting } from './fit-geo.ts';
import { readCheckedTable } from './read-checked-table.ts';
import type { ValidateFlags } from './validate.ts';

/** The flags validateGeoPanel reads: validate's, without --json (the caller prints). */
export type ValidateGeoFlags = Omit<ValidateFlags, 'json'>;

/**
 * Runs the checks of `fit --geo` on a panel file: every geo on every date (panelRows), the national
 * rules of `mixwise validate` and the table's build on the geos' sums, the outlier check per geo, and
 * every problem named by its file line and geo (readCheckedTable with the geo, which fit uses). The
 * roles are resolved as fit resolves them (controls taken from the file unless --controls is given).
 * With --geo-size, the size column is checked as `fit --geo-size` checks it (panelSizes: one positive
 * number per geo, the same on all its rows; PANEL_SIZE naming line, column and geo) and is never taken
 * as a control.
 * @param data the file as typed
 * @param flags the validate flags (geo set)
 * @param io streams and working folder
 * @returns the issues found (errors included: ok false), as validateFile returns them
 * @throws UsageError (exit 2) without --target or with --organic, which a geo panel does not take
 * @example validateGeoPanel('panel.csv', { target: 'sales', geo: 'region' }, io).ok // true
 */
export function validateGeoPanel(data: string, flags: ValidateGeoFlags, io: CliIo): ValidationResult {
  const geo = geoSetting(flags, undefined, [], 'validate');
  if (geo === undefined) throw new Error('validateGeoPanel: no --geo');
  if (flags.target === undefined) throw new UsageError(`${geo.flag} needs --target: the panel is checked as fit reads it, which needs the KPI column`, 'validate');
  if (flags.organic !== undefined && flags.organic.length > 0) {
    throw new UsageError(`organic media (${flags.organic.join(', ')}) are not supported with ${geo.flag} yet: leave them out, or validate the summed file (--clean sum_panel in fit)`, 'validate');
  }
  const given = { date: flags.date, channels: flags.channels, controls: flags.controls };
  const roles: TableRoles = { ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)), target: flags.target };
  const size = geoSizeSetting(flags, undefined, geo, roles, 'validate');
  if (size !== undefined) roles.reserved = [size.column];
  const file = resolve(io.cwd, data);
  try {
    // The size column must not be the date column the file's roles detect (a usage error, as with --date).
    const beforeChecks = (r: ReadOutcome): void => { if (size !== undefined && r.csv !== undefined) checkGeoSizeDetected(size, r.csv, roles, 'validate'); };
    const read = readCheckedTable(file, roles, io, { name: data, steps: [{ type: 'sum-panel', column: geo.column }], hints: 'both', quiet: true, beforeChecks,
      geo: { ...geo, target: flags.target, ...(size === undefined ? {} : { size }) } });
    return { file: data, issues: read.warnings, ok: !hasErrors(read.warnings), skipped: [] };
  } catch (err) {
    if (err instanceof DataError) return { file: data, issues: err.issues, ok: false, skipped: [] };
    throw err;
  }
}

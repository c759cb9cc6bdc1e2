import type { Sign } from '@mixwise/engine';
import type { HolidayRequest } from './holiday-event-columns.ts';
import type { IssueCollector } from '../issue-collector.ts';
import type { CsvTable } from '../read/read-csv.ts';
import type { ChannelRef } from '../detect/detect-channels.ts';
import { resolveChannels } from '../detect/detect-channels.ts';
import { detectDateColumn, namedDateColumn } from '../detect/detect-date-column.ts';
import { availableColumns } from '../detect/available-columns.ts';
import { dateColumnHint, type RolesIn } from '../detect/role-hints.ts';
import { isNumericColumn } from './unused-numeric-columns.ts';
import { automaticControls } from './auto-roles.ts';

/** Which column plays which part. Only `target` is required. */
export interface TableRoles {
  /** The KPI column. */
  target: string;
  /** The date column; detected when left out (see detectDateColumn). */
  date?: string;
  /** Spend columns; by default every column ending in `_spend`. */
  channels?: string[];
  /**
   * Control columns. When left out, every spare numeric column that candidateControls accepts is a
   * control (see autoRoles), unless `autoControls` is false.
   */
  controls?: string[];
  /**
   * Organic media columns: exposure without spend (newsletter sends, organic impressions), modelled with
   * carryover and saturation against zero exposure, without ROI. Never detected: the user names them.
   */
  organic?: string[];
  /**
   * Event columns: 0/1 dummies, or categorical columns expanded to one dummy per level. When left out,
   * every otherwise unused column holding only 0 and 1 (in every row) is used as an event, unless
   * `autoEvents` is false.
   */
  events?: string[];
  /** Detect 0/1 columns as events when `events` is not given (default true). */
  autoEvents?: boolean;
  /** Take spare numeric columns as controls when `controls` is not given (default true). */
  autoControls?: boolean;
  /** Expected sign of each control's effect; 'free' when not given. */
  controlSigns?: Record<string, Sign>;
  /** KPI kind; guessed from the target's name when left out (see guessTargetKind). */
  targetKind?: 'revenue' | 'count';
  /** Built-in holidays added as events (holidayEventColumns): `--holidays us,retail`. */
  holidays?: HolidayRequest;
  /**
   * Columns with a role outside the modeling table (a geo panel's size column, --geo-size): never
   * detected as a channel (even when named like spend), control, event or exposure, nor listed as unused.
   */
  reserved?: string[];
}

/** Roles after detection, with every column checked to exist. */
export interface ResolvedRoles {
  target: string;
  date: string;
  channels: ChannelRef[];
  controls: string[];
  events: string[];
  /** Organic media columns (absent or empty without them). */
  organic?: string[];
}

/**
 * Checks that every column named in the roles exists, detects the date column (detectDateColumn, else
 * the column named like one: namedDateColumn) and channels when not given, and rejects a column given two roles. All problems are collected.
 * @param csv the table read from the file
 * @param roles what the user asked for (the target may be left out, e.g. by `mixwise validate`)
 * @param issues receives MISSING_COLUMN, NO_DATE_COLUMN, NO_CHANNELS, DUPLICATE_CHANNEL, ROLE_CONFLICT and
 *   UNKNOWN_CONTROL_SIGN errors
 * @param rolesIn where the user sets the roles, for the hints: the command line (default) or the config
 * @returns the resolved roles, or undefined for a missing target or date column (the other roles keep
 *   only existing columns, so their values can still be checked)
 * @example resolveRoles(csv, { target: 'sales' }, issues) // { target: 'sales', date: 'date', channels: [...], controls: [], events: [] }
 */
export function resolveRoles(
  csv: CsvTable,
  roles: Omit<TableRoles, 'target'> & { target?: string },
  issues: IssueCollector,
  rolesIn: RolesIn = 'flags',
): Partial<ResolvedRoles> {
  const { header } = csv;
  const exists = (column: string, role: string): boolean => {
    if (header.includes(column)) return true;
    issues.error('MISSING_COLUMN', `the ${role} column "${column}" is not in the file`,
      `check the spelling (names are case-sensitive); ${availableColumns(header)}`, { column });
    return false;
  };
  const target = roles.target !== undefined && exists(roles.target, 'target') ? roles.target : undefined;
  let date: string | undefined;
  if (roles.date !== undefined) {
    date = exists(roles.date, 'date') ? roles.date : undefined;
  } else {
    // A column named like the date column whose values cannot be read is the date column: its
    // dates' errors (as with --date) say what is wrong, where NO_DATE_COLUMN would blame the names.
    date = detectDateColumn(header, csv.rows) ?? namedDateColumn(header, csv.rows);
    if (date === undefined) {
      issues.error('NO_DATE_COLUMN', 'no column looks like dates', dateColumnHint(header, rolesIn));
    }
  }
  // A reserved column (a geo panel's size, --geo-size) is never detected as a channel, even named like
  // spend (`pop_spend`); one named in the channels is refused by the setting that reserves it.
  const reserved = new Set(roles.reserved ?? []);
  const detectable = roles.channels === undefined && reserved.size > 0 ? header.filter((h) => !reserved.has(h)) : header;
  const channels = resolveChannels(detectable, roles.channels, issues, (c) => isNumericColumn(csv, c), rolesIn, header);
  const controls = (roles.controls ?? []).filter((c) => exists(c, 'control'));
  const events = (roles.events ?? []).filter((c) => exists(c, 'event'));
  const organic = (roles.organic ?? []).filter((c) => exists(c, 'organic media'));
  // With automatic controls, a column given a sign is a control (autoRoles adds it).
  const autoControls = automaticControls(roles);
  for (const name of Object.keys(roles.controlSigns ?? {})) {
    if (autoControls) {
      exists(name, 'control');
    } else if (!(roles.controls ?? []).includes(name)) {
      issues.error('UNKNOWN_CONTROL_SIGN', `a sign was given for "${name}", which is not among the controls`,
        'add it to the controls, or remove its sign', { column: name });
    }
  }
  checkConflicts(issues, [
    ['target', target === undefined ? [] : [target]],
    ['date', date === undefined ? [] : [date]],
    ['channel', channels.map((c) => c.column)],
    ['control', controls],
    ['event', events],
    ['organic media', organic],
  ]);
  return { target, date, channels, controls, events, ...(organic.length > 0 ? { organic } : {}) };
}

function checkConflicts(issues: IssueCollector, groups: [string, string[]][]): void {
  const roleOf = new Map<string, string>();
  for (const [role, columns] of groups) {
    for (const column of columns) {
      const other = roleOf.get(column);
      if (other === undefined) {
        roleOf.set(column, role);
      } else {
        issues.error('ROLE_CONFLICT', other === role
          ? `the column "${column}" is listed twice among the ${role}s`
          : `the column "${column}" is given two roles: ${other} and ${role}`,
        other === role ? `list each ${role} once` : 'give each column one role', { column });
      }
    }
  }
}

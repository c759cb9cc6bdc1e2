import type { CleaningChoice, CleaningStepSummary, Issue, Roles, RoleMappingResponse } from '@mixwise/contracts';
import type { ModelingTable } from '@mixwise/engine';
import type { CleaningResult, GeoOption, Issue as DataIssue, TableRoles } from '@mixwise/data';
import { DataError, changeLogSummary, checkAndClean, holidaysNote, namingGeos, panelAfterBuild, panelBeforeBuild, readOutcome, tableFromCsv, withoutRollUp } from '@mixwise/data';
import { geoPanelIssues } from './geo-panel-issues.ts';
import { cleaningChoiceFor, cleaningStepsOf } from './cleaning-choices.ts';
import { plainIssue } from './inspect-csv.ts';
import { apiIssues } from './api-hints.ts';

/**
 * The roles of a fit as @mixwise/data takes them (explicit: no automatic events or controls; the column
 * table shows the suggestions), organic media as `mixwise fit --organic` passes them, holidays as `--holidays`.
 */
export function tableRoles(roles: Roles): TableRoles {
  return {
    target: roles.target, date: roles.date, channels: roles.channels, controls: roles.controls, events: roles.events,
    ...(roles.organic.length > 0 ? { organic: roles.organic } : {}), autoEvents: false, autoControls: false,
    // The geos' size column sizes the geos only: never a control or event of the table.
    ...(roles.geoSize === undefined ? {} : { reserved: [roles.geoSize] }),
    ...(roles.holidays === undefined || roles.holidays.length === 0 ? {} : {
      holidays: {
        names: roles.holidays,
        ...(roles.weekLabel === undefined ? {} : { weekLabel: roles.weekLabel }),
        ...(roles.holidayColumns === undefined ? {} : { columns: roles.holidayColumns }),
      },
    }),
  };
}

/** The outcome of checking roles: the modeling table when usable, and every issue. */
export interface RolesCheck {
  readonly response: RoleMappingResponse;
  readonly table?: ModelingTable;
  /** The change log, when any cleaning ran (for the run's changes.csv). */
  readonly cleaning?: CleaningResult;
}

/**
 * Checks column roles against an uploaded file the way `mixwise fit` does before fitting: every
 * validation rule on these roles after the cleaning steps (cleaningStepsOf; checkAndClean), then
 * tableFromCsv. Each issue a dashboard cleaning step would fix names it in `fix`; hints are worded for the
 * column table and the request, and a flood of one code is cut to a few (apiIssues).
 * @param csvPath the upload's data.csv
 * @param fileName the name shown in issues
 * @param roles the chosen roles
 * @param cleaning the chosen cleaning steps (default none)
 * @returns ok, issues, a table summary and what cleaning changed (plus the table and change log, for a fit)
 * @example checkRoles('/data/u/data.csv', 'd.csv', roles, ['negatives_clip']).response.cleaning // [{ step: 'negatives', changes: 1, … }]
 */
export function checkRoles(csvPath: string, fileName: string, roles: Roles, cleaning: readonly CleaningChoice[] = [], options: { pairExposure?: boolean } = {}): RolesCheck {
  const r = tableRoles(roles);
  const geo = geoOption(roles);
  // The Panel role names one column: a panel keyed on several (geo and product) keeps the roll-up query of its hint.
  const panelRole = (i: DataIssue): boolean => i.code === 'PANEL_DATA' && i.details?.panelColumns === undefined;
  // A geo panel's issues name their geo, and no cleaning tick is offered: the steps are not applied per geo.
  const issue = (i: DataIssue): Issue => (geo !== undefined ? plainIssue(i) : withFix(panelRole(i) ? { ...i, hint: PANEL_HINT(i.at.column ?? 'geo') } : i, roles));
  try {
    const steps = cleaningStepsOf(roles, cleaning);
    if (geo !== undefined) {
      const refused = geoPanelIssues(roles, cleaning, fileName);
      if (refused.length > 0) throw new DataError(refused);
    }
    const read = readOutcome(csvPath, { name: fileName });
    // A geo panel's own checks come first: a missing or repeated (date, geo) is named by geo, date and line.
    const rows = panelBeforeBuild(read, roles.date, geo, undefined);
    const { checked, national } = namingGeos(read, rows, () => {
      // fill_gaps fills the exposure columns --media exposure pairs, as the CLI does.
      const checked = checkAndClean(read, r, { steps, hints: 'none', ...(options.pairExposure === true ? { pairExposure: true } : {}) });
      // A fit on exposure pairs each channel's exposure column by name, as `mixwise fit --media exposure` does.
      return { checked, national: tableFromCsv(checked.csv, r, options.pairExposure === true ? { pairExposure: true } : {}) };
    });
    // With the geo-level model, the panel's table (the roll-up only gave the national checks and build).
    const { built, name } = panelAfterBuild(read, rows, geo, undefined, national);
    const t = built.table;
    const issues = apiIssues(merge(name(built.warnings).map(issue), name(checked.validation.issues).map(issue)), 'roles');
    // The roll-up behind a geo panel's national table is not a change to the data: not logged.
    const changes = geo === undefined || checked.cleaning === undefined ? checked.cleaning : withoutRollUp(checked.cleaning);
    const summary: CleaningStepSummary[] = changes === undefined ? [] : changeLogSummary(changes).steps;
    return {
      table: t,
      ...(changes === undefined ? {} : { cleaning: changes }),
      response: {
        ok: true, issues,
        table: {
          periods: t.dates.length, frequency: t.frequency, firstDate: t.dates[0], lastDate: t.dates[t.dates.length - 1], channels: t.channels.map((c) => c.name),
          ...(t.panel === undefined ? {} : { geos: [...t.panel.geos] }),
        },
        cleaning: summary,
        // The holiday events added, merged or left out, as `mixwise fit` notes them.
        ...(built.holidays === undefined ? {} : { holidays: {
          note: holidaysNote(built.holidays, t.dates.length, 'api').trimEnd(),
          ...(built.holidays.weekLabel === undefined ? {} : { weekLabel: built.holidays.weekLabel }),
          added: built.holidays.added.map((a) => ({ name: a.name, holidays: [...a.holidays], ...(a.set === undefined ? {} : { set: a.set }) })),
          sameAsEvent: built.holidays.sameAsEvent.map((s) => ({ ...s })),
          absent: [...built.holidays.absent],
        } }),
      },
    };
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    return { response: { ok: false, issues: apiIssues(err.issues.map(issue), 'roles'), table: null, cleaning: [] } };
  }
}

/**
 * The geo panel of roles asking for the geo-level model (panelMode 'geo'), named in messages by its
 * role, with the geos' size column (roles.geoSize) when one has that role: its cells are checked as
 * `mixwise fit --geo-size` checks them (PANEL_SIZE naming line, column and geo).
 */
function geoOption(roles: Roles): GeoOption | undefined {
  if (roles.panelMode !== 'geo' || roles.panel === undefined) return undefined;
  const size = roles.geoSize === undefined ? {} : { size: { column: roles.geoSize, flag: `the Geo size column "${roles.geoSize}"` } };
  return { column: roles.panel, flag: `the Panel column "${roles.panel}" (geo-level model)`, target: roles.target, ...size };
}

/** The fix for a panel in the dashboard: a role, not the command line's query or flag. */
const PANEL_HINT = (column: string): string => `set the role of "${column}" to Panel: the rows of each date are then added up into one (spend and the KPI summed, controls averaged, events by their largest value)`;

/** The issue as JSON, with the dashboard step that fixes it (the same rule as the CLI's --clean hints). */
function withFix(i: Parameters<typeof plainIssue>[0], roles: Roles): Issue {
  const plain = plainIssue(i);
  // Organic exposure is cleaned like spend: an empty cell is filled with 0 (fill_gaps), a negative one clipped (negatives).
  const fix = cleaningChoiceFor(plain, { target: roles.target, controls: roles.controls, channels: roles.channels.map((column) => ({ column })), organic: roles.organic });
  return fix === undefined ? plain : { ...plain, fix };
}

function merge(first: Issue[], more: Issue[]): Issue[] {
  const key = (i: Issue): string => `${i.code}|${i.at.row ?? ''}|${i.at.column ?? ''}`;
  const seen = new Set(first.map(key));
  return [...first, ...more.filter((i) => !seen.has(key(i)))];
}

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { DataError, type Issue } from '../issue.ts';
import { parseCsvText } from '../read/read-csv.ts';
import { makeIssue } from '../validate/make-issue.ts';
import type { SourceFile } from './sources-schema.ts';
import { expandEventRanges, isEventRangeHeader } from './event-ranges.ts';
import { fillMissingKpiDays } from './kpi-missing-days.ts';

/** The long sources as the datamart reads them: paths of files whose headers carry the names it reads. */
export interface PreparedSources {
  spend: string;
  kpi: string;
  controls?: string;
  events?: string;
  /** Warnings of the preparation: KPI_DAYS_FILLED when kpi_missing_days: zero filled days. */
  warnings: Issue[];
  /** An issue of the build with each mapped column named by the file's own header again. */
  located: (issue: Issue) => Issue;
  /** Removes the temporary copies (a no-op when none was made). */
  dispose: () => void;
}

/** Which long source a file is: the spend, KPI, controls or events file. */
type Role = 'spend' | 'kpi' | 'controls' | 'events';

/**
 * Resolves the long sources of a config (`sources: { spend, kpi, controls, events }`) to the files the
 * datamart reads. A source given as `{ path, columns }` whose mapping renames headers (`{ date: Day,
 * spend: Cost }`) is copied to a temporary folder under its own base name with only its header line
 * rewritten, so the lines (and the file name in every issue) stay those of the user's file; `located`
 * then names each mapped column by the file's own header (Cost, not spend). An events file of date
 * ranges (start, end, event) is expanded to one line per day (expandEventRanges) after its cells are
 * checked. With `kpi_missing_days: zero`, the days a daily KPI file has no row for are added as 0
 * (fillMissingKpiDays), with a KPI_DAYS_FILLED warning. A path alone is otherwise used as it is.
 * @param sources the long sources as the config gives them (spend and kpi required)
 * @param dir the config file's folder (relative paths start there)
 * @returns the paths to read, the issue mapper and dispose (call it when the build is done)
 * @throws DataError MISSING_COLUMN for a mapped header the file does not have, ROLE_CONFLICT for a
 *   mapping onto a name the file already has as another column, and the located errors of an events
 *   file of ranges (expandEventRanges)
 * @example prepareSources({ spend: { path: 'ads.csv', columns: { date: 'Day', spend: 'Cost' } }, kpi: 'kpi.csv' }, '/p').spend // '/tmp/mixwise-sources-…/ads.csv'
 */
export function prepareSources(
  sources: { spend: SourceFile; kpi: SourceFile; controls?: SourceFile; events?: SourceFile; kpi_missing_days?: 'error' | 'zero' },
  dir: string,
): PreparedSources {
  let temp: string | undefined;
  const warnings: Issue[] = [];
  const fillKpi = sources.kpi_missing_days === 'zero';
  const folder = (): string => (temp ??= mkdtempSync(join(tmpdir(), 'mixwise-sources-')));
  const back = new Map<string, Map<string, string>>();
  const dispose = (): void => { if (temp !== undefined) rmSync(temp, { recursive: true, force: true }); };
  const prepare = (role: Role, given: SourceFile): string => {
    const path = typeof given === 'string' ? given : given.path;
    const at = isAbsolute(path) ? path : resolve(dir, path);
    const columns = typeof given === 'string' ? {} : given.columns ?? {};
    const renames = Object.entries(columns).flatMap(([name, own]) => (own === undefined || own === name ? [] : [[name, own] as const]));
    if (renames.length === 0 && !(role === 'events' && isRangeFile(at)) && !(role === 'kpi' && fillKpi)) return at;
    const text = readFileSync(at, 'utf8');
    const name = basename(at);
    const renamed = renames.length === 0 ? text : renameHeader(text, name, role, renames);
    back.set(name, new Map(renames.map(([to, from]) => [to, from])));
    const out = join(folder(), role, name);
    if (role === 'kpi') {
      const filled = fillMissingKpiDays(parseCsvText(renamed, name), renamed);
      if (filled.warning !== undefined) warnings.push(filled.warning);
      writeFileSafely(out, filled.text);
      return out;
    }
    writeFileSafely(out, role === 'events' && isRangeText(renamed, name) ? expandEventRanges(parseCsvText(renamed, name), mappedLocate(back.get(name))) : renamed);
    return out;
  };
  try {
    const prepared = {
      spend: prepare('spend', sources.spend), kpi: prepare('kpi', sources.kpi),
      ...(sources.controls === undefined ? {} : { controls: prepare('controls', sources.controls) }),
      ...(sources.events === undefined ? {} : { events: prepare('events', sources.events) }),
    };
    const located = (issue: Issue): Issue => {
      const own = issue.at.file === undefined || issue.at.column === undefined ? undefined : back.get(basename(issue.at.file))?.get(issue.at.column);
      return own === undefined ? issue : { ...issue, at: { ...issue.at, column: own } };
    };
    return { ...prepared, warnings: warnings.map(located), located, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}

/** A locator for the events file's issues: a mapped name back to the file's header. */
function mappedLocate(back: ReadonlyMap<string, string> | undefined): (column: string) => string {
  return (column) => back?.get(column) ?? column;
}

/** Whether a file's header is that of date ranges (start, end; no date). */
function isRangeFile(path: string): boolean {
  return isRangeText(readFileSync(path, 'utf8'), basename(path));
}

function isRangeText(text: string, name: string): boolean {
  return isEventRangeHeader(parseCsvText(text, name).header);
}

/** Writes a file, creating its folder (each role has its own, so two sources with one base name do not clash). */
function writeFileSafely(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/**
 * The text with its header line rewritten: each mapped header (Cost) becomes the name the build reads
 * (spend); the other lines are kept byte for byte.
 * @throws DataError MISSING_COLUMN for a mapped header not in the file (listing its columns), ROLE_CONFLICT for a name the file already has as another column
 */
function renameHeader(text: string, file: string, role: Role, renames: readonly (readonly [string, string])[]): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const end = body.search(/\r?\n/);
  const line = end < 0 ? body : body.slice(0, end);
  // The delimiter as the reader detects it on the whole file (a header alone would be HEADER_ONLY); the
  // header's own cells, every one of them (the reader drops an unnamed index column, the copy must not).
  const d = parseCsvText(text, file).delimiter;
  const header = headerCells(line, d);
  const issues: Issue[] = [];
  for (const [name, own] of renames) {
    if (!header.includes(own)) {
      issues.push(makeIssue('MISSING_COLUMN', 'error', `sources.${role}.columns maps ${name} to "${own}", which is not a column of ${file} (columns: ${header.join(', ')})`,
        `write the header as it is in the file (case and punctuation included), e.g. ${name}: ${header[0] ?? 'COLUMN'}`, { file, column: own }));
    } else if (header.includes(name) && !renames.some(([, o]) => o === name)) {
      issues.push(makeIssue('ROLE_CONFLICT', 'error', `sources.${role}.columns maps ${name} to "${own}", but ${file} already has a column named ${name}`,
        `map ${name} to one column: remove the mapping to read "${name}" as it is, or rename the file's "${name}" column`, { file, column: name }));
    }
  }
  if (issues.length > 0) throw new DataError(issues);
  const to = new Map(renames.map(([name, own]) => [own, name]));
  const quote = (cell: string): string => (/["\r\n]/.test(cell) || cell.includes(d) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return bom + header.map((h) => quote(to.get(h) ?? h)).join(d) + (end < 0 ? '' : body.slice(end));
}

/** The cells of a header line split on the delimiter, double quotes honoured, each trimmed and unquoted. */
function headerCells(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) { cells.push(cell.trim()); cell = ''; } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

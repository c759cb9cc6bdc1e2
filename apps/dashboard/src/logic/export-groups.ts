/** A downloadable file of a run, as GET /api/runs/:id/exports lists it. */
export interface ExportFile {
  readonly name: string;
  readonly bytes: number;
  readonly href: string;
}

/** Files of one folder of the run's exports: '' for the run folder, else e.g. 'csv' or 'parquet'. */
export interface ExportGroup {
  readonly folder: string;
  readonly files: readonly (ExportFile & { readonly testId: string })[];
}

/**
 * Group export files by the folder in their href (`…/exports/csv/x.csv` → 'csv'), run folder first,
 * and give each a unique test id (`export-x.csv`, `export-csv-x.csv`).
 * @example groupExports([{ name: 'a.csv', bytes: 1, href: '/api/runs/r/exports/csv/a.csv' }])[0].folder // 'csv'
 */
export function groupExports(files: readonly ExportFile[]): ExportGroup[] {
  const groups = new Map<string, (ExportFile & { testId: string })[]>();
  for (const f of files) {
    const rest = f.href.split('/exports/')[1] ?? f.name;
    const slash = rest.lastIndexOf('/');
    const folder = slash >= 0 ? rest.slice(0, slash) : '';
    const list = groups.get(folder) ?? [];
    list.push({ ...f, testId: `export-${folder ? `${folder.replace(/\//g, '-')}-` : ''}${f.name}` });
    groups.set(folder, list);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))).map(([folder, list]) => ({ folder, files: list }));
}

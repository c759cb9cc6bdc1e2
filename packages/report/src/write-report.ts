import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '@mixwise/data';
import { readRun } from './read-run.ts';
import { renderReport } from './render-report.ts';
import type { ReportOptions } from './report-run.ts';

/** The report's file name inside a run folder. */
export const REPORT_FILE = 'report.html';

/**
 * Read the run in `dir`, render its report and write it atomically (temp file + rename), creating
 * the file's folder when it is missing (after rendering, so a run that cannot be read leaves no folder).
 * @param dir the run folder
 * @param outFile where to write (default DIR/report.html)
 * @param options passed to renderReport
 * @returns the path written
 * @throws DataError from readRun; the file-system error from the write
 * @example await writeReport('out/demo') // 'out/demo/report.html'
 */
export async function writeReport(dir: string, outFile: string = join(dir, REPORT_FILE), options: ReportOptions = {}): Promise<string> {
  const html = renderReport(readRun(dir), options);
  await mkdir(dirname(outFile), { recursive: true });
  await writeFileAtomic(outFile, html);
  return outFile;
}

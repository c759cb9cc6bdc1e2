import { open } from 'node:fs/promises';

/** @mixwise/report's package version (package.json; a test keeps them equal). */
export const REPORT_VERSION = '0.1.0';

/**
 * The layout of the rendered HTML: bump it whenever renderReport's output changes (a section, its
 * wording, a chart), so a report.html written by an older generator is rendered again, not served.
 */
export const REPORT_FORMAT = 5;

/**
 * SHA-256 of renderReport's output for the fixed runs of test/report-hash.test.ts (stamp line left out).
 * Much of a report's text and charts comes from other packages (engine sentences, @mixwise/charts
 * formatters and ECharts options), so that test fails whenever the output moves: then bump REPORT_FORMAT
 * and record here the hash the test prints.
 */
export const REPORT_OUTPUT_HASH = 'f3e2d7ae8f888ff8eefd1592c0a64acafd29769ec842b30aeebe3d7e18277462';

/** Who rendered a report, as its generator meta tag says: the package version and REPORT_FORMAT. */
export const REPORT_GENERATOR = `mixwise-report ${REPORT_VERSION} format ${REPORT_FORMAT}`;

/** The meta tag renderReport puts first in the head (right after the charset), so a short read finds it. */
export const REPORT_STAMP = `<meta name="generator" content="${REPORT_GENERATOR}">`;

/** Bytes read from the start of a report.html to find its stamp (the head's first lines). */
const STAMP_BYTES = 512;

/**
 * Whether a report.html on disk was rendered by this generator (its head carries REPORT_STAMP). A file
 * of an older generator, or none stamped at all, is not current: its sections may be out of date.
 * @param file the report.html path
 * @returns false also when the file cannot be read
 * @example await isCurrentReport('out/demo/report.html') // true right after writeReport('out/demo')
 */
export async function isCurrentReport(file: string): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (handle === undefined) return false;
  try {
    const buffer = Buffer.alloc(STAMP_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, STAMP_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').includes(REPORT_STAMP);
  } finally {
    await handle.close();
  }
}

import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunComparison } from '@mixwise/engine';
import { roiComparison, roiComparisonHeight, type KpiKind } from '@mixwise/charts';
import { toJson, writeFileAtomic } from '@mixwise/data';
import { renderSvg } from '@mixwise/report';

/** The files `mixwise compare --out DIR` writes. */
export const COMPARISON_FILES = { json: 'comparison.json', svg: 'comparison.svg' } as const;

/** Width of comparison.svg in px (the report's chart width). */
const SVG_WIDTH = 760;

/**
 * Writes the comparison as `DIR/comparison.json` (the object `--json` prints) and `DIR/comparison.svg`
 * (ROI per channel, A ● → B ◆ with both 90% intervals: roiComparison, the chart of the report's and
 * dashboard's refresh section, labelled A and B), each atomically (temp + rename); the folder is
 * created when missing. Runs sharing no channel get no chart: only the JSON is written (and an earlier
 * comparison.svg in DIR is removed, so the folder never holds a chart of other runs).
 * @param dir the output folder (absolute; checkOutDir has refused a file in the way)
 * @param c the comparison
 * @param kind the KPI's kind (a revenue KPI's chart gets the break-even line)
 * @returns the files written (absolute paths)
 * @throws the file-system error (EACCES…)
 */
export async function writeComparison(dir: string, c: RunComparison, kind: KpiKind): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files = [join(dir, COMPARISON_FILES.json)];
  await writeFileAtomic(files[0], toJson(c));
  if (c.channels.length > 0) {
    // An opaque background: the file is opened on its own, often on a dark viewer.
    const svg = renderSvg({ ...roiComparison(c, { labels: ['A', 'B'], kpiKind: kind }), backgroundColor: '#ffffff' }, { width: SVG_WIDTH, height: roiComparisonHeight(c.channels.length) });
    files.push(join(dir, COMPARISON_FILES.svg));
    await writeFileAtomic(files[1], svg + '\n');
  } else {
    await rm(join(dir, COMPARISON_FILES.svg), { force: true });
  }
  return files;
}

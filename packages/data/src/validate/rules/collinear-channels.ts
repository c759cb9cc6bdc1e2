import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleRoles } from '../rule-types.ts';
import { columnValues } from '../numeric-columns.ts';
import { makeIssue } from '../make-issue.ts';

/** |r| from which two channels' spends count as moving together (a copy, or one budget split by a fixed ratio). */
export const COLLINEAR_THRESHOLD = 0.99;

/**
 * Rule: no two channels spend in lockstep. When the Pearson correlation of two channels' spend
 * over the rows is |r| ≥ COLLINEAR_THRESHOLD (a duplicated column, or one budget split between two
 * channels by a fixed ratio), the data cannot tell their effects apart: any split of their joint
 * effect fits equally well, so the fit's split and the ROIs built on it are arbitrary (collinear
 * media, one of the challenges listed by Chan & Perry 2017, *Challenges and Opportunities in Media
 * Mix Modeling*, Google). A COLLINEAR_CHANNELS warning names both columns
 * and r. Rows with an unreadable cell in either column are left out; constant columns are skipped
 * (constantColumns' and channelNoSpend's).
 * @param csv the parsed cells
 * @param roles resolved roles (the channels' spend columns)
 * @example collinearChannels(csv, roles)[0].message // 'channels "tv" and "tv_copy" spend in lockstep (correlation 1.000) …'
 */
export function collinearChannels(csv: CsvTable, roles: RuleRoles): Issue[] {
  const channels = (roles.channels ?? []).map((c) => ({ name: c.name, column: c.column, values: columnValues(csv, c.column) }));
  const out: Issue[] = [];
  for (let i = 0; i < channels.length; i++) {
    for (let j = i + 1; j < channels.length; j++) {
      const a = channels[i], b = channels[j];
      if (a.values === undefined || b.values === undefined) continue;
      const r = correlation(a.values, b.values);
      if (!(Math.abs(r) >= COLLINEAR_THRESHOLD)) continue;
      out.push(makeIssue('COLLINEAR_CHANNELS', 'warning',
        `channels "${a.name}" and "${b.name}" spend in lockstep (correlation ${r.toFixed(3)} between ${a.column} and ${b.column}): the data cannot tell their effects apart, so how the model splits their joint effect, and their ROIs, are arbitrary`,
        `if one is a copy of the other, drop it; if they are one budget split by a fixed ratio, add them into one channel; otherwise give the model a test that moves one without the other (a lift test, --lift-tests)`,
        { file: csv.file, column: b.column }));
    }
  }
  return out;
}

/** Pearson correlation over the rows where both values are readable; NaN for fewer than 3 or no variance. */
function correlation(x: Float64Array, y: Float64Array): number {
  let n = 0, sx = 0, sy = 0;
  for (let t = 0; t < x.length; t++) if (!Number.isNaN(x[t]) && !Number.isNaN(y[t])) { n++; sx += x[t]; sy += y[t]; }
  if (n < 3) return Number.NaN;
  const mx = sx / n, my = sy / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let t = 0; t < x.length; t++) {
    if (Number.isNaN(x[t]) || Number.isNaN(y[t])) continue;
    const dx = x[t] - mx, dy = y[t] - my;
    sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}

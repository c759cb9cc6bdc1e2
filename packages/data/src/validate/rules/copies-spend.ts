import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleRoles } from '../rule-types.ts';
import { CHANNEL_COPY_R, spendCopy } from '../../detect/candidate-controls.ts';
import { makeIssue } from '../make-issue.ts';

/**
 * Rule: organic media and controls the user named do not move with a channel's spend. Automatic
 * controls already leave out a near-copy of a spend column (|r| > CHANNEL_COPY_R, candidateControls);
 * a named one is kept, as asked, but warned about: an organic series or a control that is a copy of a
 * channel's spend (or its impressions or clicks) takes part of that channel's effect, so the channel's
 * ROI drops (a copy of Robyn's tv_S as organic media halved tv's ROI) and the split between the two is
 * arbitrary. One ORGANIC_MOVES_WITH_SPEND or CONTROL_MOVES_WITH_SPEND warning per column, naming it,
 * the spend column and |r|. A warning, not an error: a series may genuinely follow the spend.
 * @param csv the parsed cells
 * @param roles resolved roles: the channels, and the organic media and controls to check
 * @example copiesSpend(csv, roles)[0].message // 'organic column "org_tv" moves with the spend column tv_S (|r| = 1.00) …'
 */
export function copiesSpend(csv: CsvTable, roles: RuleRoles): Issue[] {
  const spend = (roles.channels ?? []).map((c) => c.column);
  if (spend.length === 0) return [];
  const out: Issue[] = [];
  const check = (column: string, role: 'organic' | 'control'): void => {
    if (!csv.header.includes(column)) return;
    const copy = spendCopy(csv, column, spend);
    if (copy === undefined) return;
    const what = role === 'organic' ? 'organic column' : 'control';
    out.push(makeIssue(role === 'organic' ? 'ORGANIC_MOVES_WITH_SPEND' : 'CONTROL_MOVES_WITH_SPEND', 'warning',
      `${what} "${column}" moves with the spend column ${copy.column} (|r| = ${copy.r.toFixed(2)}, above ${CHANNEL_COPY_R}): the model cannot tell their effects apart, `
        + `so it takes part of that channel's effect and the channel's ROI comes out lower, by an arbitrary amount`,
      `if "${column}" measures that channel (a copy of its spend, its impressions or clicks), leave it out of the ${role === 'organic' ? 'organic media (--organic, columns.organic)' : 'controls (--controls, columns.controls)'}; `
        + `keep it only if it is a separate driver, and then read both results with care (a lift test on the channel settles the split)`,
      { file: csv.file, column }));
  };
  for (const column of roles.organic ?? []) check(column, 'organic');
  // Automatic controls were chosen without such copies, so only named ones can be warned about here.
  for (const column of roles.controls ?? []) check(column, 'control');
  return out;
}

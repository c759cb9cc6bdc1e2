import { createColors } from 'picocolors';
import type { Issue } from '@mixwise/data';
import { formatLocation } from '@mixwise/data';

/**
 * Renders data issues for people: errors first, then warnings, each group under a count line; every
 * issue on one line (location, message) with its fix on the next. Colored when `color` is true.
 * @param issues the issues, in the order found
 * @param options color: use ANSI colors (see useColor)
 * @returns text ending in a newline, or '' for no issues
 * @example renderIssues([{ code: 'NOT_A_NUMBER', severity: 'error', message: 'value "abc" is not a number',
 *   hint: 'write plain numbers such as 1234.5', at: { file: 'data.csv', row: 14, column: 'tv_spend' } }], { color: false })
 * // '✖ 1 error\n  data.csv:14 column "tv_spend": value "abc" is not a number\n    fix: write plain numbers such as 1234.5\n'
 */
export function renderIssues(issues: readonly Issue[], options: { color: boolean }): string {
  const c = createColors(options.color);
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const lines: string[] = [];
  const group = (list: readonly Issue[], title: string, mark: (s: string) => string): void => {
    if (list.length === 0) return;
    lines.push(mark(title));
    for (const issue of list) {
      const place = formatLocation(issue.at);
      lines.push(`  ${place === '' ? '' : c.bold(place) + ': '}${issue.message}`);
      if (issue.hint !== '') lines.push(c.dim(`    fix: ${issue.hint}`));
    }
  };
  group(errors, `✖ ${plural(errors.length, 'error')}`, (s) => c.red(c.bold(s)));
  group(warnings, `! ${plural(warnings.length, 'warning')}`, (s) => c.yellow(c.bold(s)));
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

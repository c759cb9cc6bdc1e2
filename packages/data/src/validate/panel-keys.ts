import { listText } from '@mixwise/engine';

/**
 * The key of a panel row: the cells of the panel's key columns (geo; or geo and product), one value
 * for a one-column panel, the values joined by " × " for several (NA × platform).
 * @param row the row's cells
 * @param indices the key columns' indices in the header
 * @example panelKey(['2024-01-01', 'NA', 'platform', '10'], [1, 2]) // 'NA × platform'
 */
export function panelKey(row: readonly string[], indices: readonly number[]): string {
  return indices.map((j) => row[j] ?? '').join(' × ');
}

/**
 * The items of one date's rows that repeat the key of an earlier one, each with that earlier item
 * (the first with its key), in order: the duplicate rows of a panel date.
 * @param items one date's rows, in file order
 * @param key an item's panel key (panelKey)
 * @example repeatedKeys(['a', 'b', 'a'], (x) => x) // [{ item: 'a', first: 'a' }]
 */
export function repeatedKeys<T>(items: readonly T[], key: (item: T) => string): { item: T; first: T }[] {
  const first = new Map<string, T>();
  const out: { item: T; first: T }[] = [];
  for (const item of items) {
    const k = key(item);
    const seen = first.get(k);
    if (seen === undefined) first.set(k, item);
    else out.push({ item, first: seen });
  }
  return out;
}

/**
 * The key columns of a panel in words, quoted: `"geo"`, or `"geo" and "product"`.
 * @example keyColumnsText(['geo', 'product']) // '"geo" and "product"'
 */
export function keyColumnsText(columns: readonly string[]): string {
  return listText(columns.map((c) => `"${c}"`));
}

/**
 * What a panel has one row per, in words: `date and "geo"`, or `date, "geo" and "product"`.
 * @example perDateText(['geo', 'product']) // 'date, "geo" and "product"'
 */
export function perDateText(columns: readonly string[]): string {
  return listText(['date', ...columns.map((c) => `"${c}"`)]);
}

/**
 * What a panel's rows are per date, unquoted for running text: `geo`, or `geo × product`.
 * @example keyName(['geo', 'product']) // 'geo × product'
 */
export function keyName(columns: readonly string[]): string {
  return columns.join(' × ');
}

/** The sum_panel step that names a panel's key columns: as written after `fit --clean` and in mixwise.yaml. */
export interface SumPanelSetting {
  flag: string;
  yaml: string;
}

/**
 * The sum_panel step naming the key columns: `sum_panel=geo` / `{ sum_panel: { column: geo } }` for
 * one, `sum_panel=geo+product` / `{ sum_panel: { column: [geo, product] } }` for several. A name that
 * is not a plain word is quoted in the YAML, and the flag is then in shell quotes (shellWord), so the
 * command can be pasted as it is.
 * @example sumPanelSetting(['geo', 'product']) // { flag: 'sum_panel=geo+product', yaml: '{ sum_panel: { column: [geo, product] } }' }
 * @example sumPanelSetting(['geo', 'product line']).flag // "'sum_panel=geo+product line'"
 */
export function sumPanelSetting(columns: readonly string[]): SumPanelSetting {
  const names = columns.map((c) => (/^\w+$/.test(c) ? c : JSON.stringify(c)));
  const column = names.length === 1 ? names[0] : `[${names.join(', ')}]`;
  return { flag: shellWord(`sum_panel=${columns.join('+')}`), yaml: `{ sum_panel: { column: ${column} } }` };
}

/**
 * A command-line argument as typed in a POSIX shell: as it is when made of letters, digits and
 * `_ . - = +` only, else in single quotes (a quote inside written '\'').
 * @example shellWord('sum_panel=geo') // 'sum_panel=geo'
 * @example shellWord("sum_panel=geo+o'hara") // `'sum_panel=geo+o'\''hara'`
 */
export function shellWord(arg: string): string {
  return /^[\w.=+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

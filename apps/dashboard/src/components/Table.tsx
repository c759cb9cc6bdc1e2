import type { ReactNode } from 'react';

/** One column: header, cell renderer, and whether it holds numbers (right-aligned). */
export interface Column<T> {
  readonly key: string;
  readonly header: ReactNode;
  readonly cell: (row: T, index: number) => ReactNode;
  readonly numeric?: boolean;
}

interface Props<T> {
  readonly columns: readonly Column<T>[];
  readonly rows: readonly T[];
  readonly testId?: string;
  readonly rowKey?: (row: T, index: number) => string;
  readonly rowClass?: (row: T, index: number) => string | undefined;
  readonly caption?: string;
  /** The table's accessible name when it has no caption (a screen reader's table list shows it). */
  readonly label?: string;
  readonly empty?: string;
}

/** A plain, readable data table. */
export function Table<T>({ columns, rows, testId, rowKey, rowClass, caption, label, empty = 'Nothing to show.' }: Props<T>) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId} aria-label={caption ? undefined : label}>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>{columns.map((c) => <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>{c.header}</th>)}</tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr><td colSpan={columns.length} className="muted">{empty}</td></tr>
          ) : rows.map((r, i) => (
            <tr key={rowKey ? rowKey(r, i) : i} className={rowClass?.(r, i)}>
              {columns.map((c) => <td key={c.key} className={c.numeric ? 'num' : undefined}>{c.cell(r, i)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

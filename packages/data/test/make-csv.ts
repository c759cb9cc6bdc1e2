// Test helpers: a small valid weekly table that tests edit cell by cell to produce each error.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoFromDays } from '../src/read/date.ts';

/** Header of the base table. */
export const BASE_HEADER = ['date', 'sales', 'tv_spend', 'search_spend', 'price', 'promo'];

/**
 * The base table's cells: `n` weeks from Monday 2024-01-01 (day 19723 since 1970-01-01).
 * Row i (0-based; file line i + 2): sales 1000 + 10·i, tv 100 + 5·i, search 50 + 10·(i mod 3),
 * price 9.99 on even rows and 10.49 on odd rows, promo 1 on every 4th row.
 */
export function baseCells(n = 30): string[][] {
  const rows: string[][] = [BASE_HEADER];
  for (let i = 0; i < n; i++) {
    rows.push([
      isoFromDays(19723 + 7 * i),
      String(1000 + 10 * i),
      String(100 + 5 * i),
      String(50 + 10 * (i % 3)),
      i % 2 === 0 ? '9.99' : '10.49',
      i % 4 === 0 ? '1' : '0',
    ]);
  }
  return rows;
}

/** Joins cells into CSV text (no quoting: test cells must not need it). */
export function toText(cells: string[][], delimiter = ',', eol = '\n'): string {
  return cells.map((r) => r.join(delimiter)).join(eol) + eol;
}

/** Writes content to a new temporary folder and returns the file's path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-data-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

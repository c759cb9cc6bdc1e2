/**
 * Cell-level helpers of the streaming source scan (source-scan.ts): a record's cell boundaries and row
 * hash in one pass over its char codes, and the kinds of number a column's first cells are kept for.
 * Working on offsets into the record spares a string per cell on the ten million clean rows of a
 * large export; every test here gives what the scan's regular expressions give on the cell's text.
 */
import { mix53, HASH_SEED1, HASH_SEED2 } from './scan-record.ts';

/** Kinds of number cells (flags per column): small/large whole number, decimal, comma grouping, decimal comma. */
export const KINDS = 5;
export const SMALL = 0, LARGE = 1, DECIMAL = 2, COMMA_GROUP = 3, COMMA_DEC = 4;
/** A cell that makes its row suspect (kept for the reader's checks). */
export const SUSPECT = -2;

/** A record's cells as [starts[k], ends[k]) ranges of `text`, and its row hash (see hash53). */
export class RecordCells {
  text = '';
  starts = new Int32Array(16);
  ends = new Int32Array(16);
  count = 0;
  hash = 0;

  /**
   * Reads an unquoted record whose cells need no trimming; false (nothing read) when it holds a quote,
   * a CR, a space or a tab (the general path's: splitRecord, trimmed cells). The hash equals
   * hash53(record, delimiter), as the general path computes it for such a record.
   */
  read(record: string, delimiter: number): boolean {
    let h1 = HASH_SEED1, h2 = HASH_SEED2;
    let k = 0;
    let start = 0;
    for (let i = 0; i < record.length; i++) {
      let c = record.charCodeAt(i);
      if (c === delimiter) {
        this.push(k++, start, i);
        start = i + 1;
        c = 0;
      } else if (c <= 34 && (c === 34 || c === 13 || c === 32 || c === 9)) {
        return false;
      }
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.push(k++, start, record.length);
    this.text = record;
    this.count = k;
    this.hash = mix53(h1, h2);
    return true;
  }

  /** Takes cells already split (quoted or padded records); the hash is the caller's. */
  fromCells(cells: readonly string[], hash: number): void {
    let at = 0;
    cells.forEach((c, k) => {
      this.push(k, at, at + c.length);
      at += c.length;
    });
    this.text = cells.join('');
    this.count = cells.length;
    this.hash = hash;
  }

  /** Cell k's text (untrimmed). */
  cell(k: number): string {
    return this.text.slice(this.starts[k], this.ends[k]);
  }

  /** Whether cell k is `value` (compared in place: a repeat of the previous row's value costs no string). */
  equals(k: number, value: string | undefined): boolean {
    const s = this.starts[k];
    if (value === undefined || this.ends[k] - s !== value.length) return false;
    for (let i = 0; i < value.length; i++) if (this.text.charCodeAt(s + i) !== value.charCodeAt(i)) return false;
    return true;
  }

  private push(k: number, start: number, end: number): void {
    if (k >= this.starts.length) {
      const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    this.starts[k] = start;
    this.ends[k] = end;
  }
}

/**
 * The kind of a numeric cell text[s, e): SUSPECT unless it reads /^-?\d+(?:\.\d+)?$/ and is not one
 * dot group such as 1.234 (/^[+-]?[1-9]\d{0,2}\.\d{3}$/, dot thousands or a decimal?), else DECIMAL
 * or wholeKind's SMALL / LARGE.
 */
export function plainNumberKind(text: string, s: number, e: number): number {
  let i = s;
  if (i < e && text.charCodeAt(i) === 45) i++;
  const d0 = i;
  while (i < e && isDigit(text.charCodeAt(i))) i++;
  const whole = i - d0;
  if (whole === 0) return SUSPECT;
  if (i === e) return wholeKind(text, s, e);
  if (text.charCodeAt(i) !== 46) return SUSPECT;
  const f0 = ++i;
  while (i < e && isDigit(text.charCodeAt(i))) i++;
  if (i === f0 || i !== e) return SUSPECT;
  if (i - f0 === 3 && whole <= 3 && text.charCodeAt(d0) !== 48) return SUSPECT;
  return DECIMAL;
}

/**
 * Whether a whole number text[s, e) is below 1000 in size (dotThousandsRows' "plain whole numbers
 * below 1000"): SMALL or LARGE.
 */
export function wholeKind(text: string, s = 0, e = text.length): number {
  const c = text.charCodeAt(s);
  const sign = c === 43 || c === 45 ? 1 : 0;
  if (e - s - sign <= 3) return SMALL;
  if (text.charCodeAt(s + sign) !== 48) return LARGE;
  return Math.abs(Number(text.slice(s, e))) < 1000 ? SMALL : LARGE;
}

/** Whether text[s, e) holds a '.'. */
export function hasDot(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (text.charCodeAt(i) === 46) return true;
  return false;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

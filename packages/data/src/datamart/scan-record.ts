/** Record-level helpers of the streaming source scan (source-scan.ts): hashing, line endings, field splitting. */

/**
 * A 53-bit hash of a record's cells (cyrb53), the delimiter (or the NUL joining trimmed cells) read as
 * the cell separator, so that a row written with and without quotes or spaces hashes alike.
 */
export function hash53(text: string, delimiter: number): number {
  let h1 = HASH_SEED1, h2 = HASH_SEED2;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c === delimiter) c = 0;
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  return mix53(h1, h2);
}

/** hash53's starting states (RecordCells.read runs the same loop while it splits a record). */
export const HASH_SEED1 = 0xdeadbeef, HASH_SEED2 = 0x41c6ce57;

/** hash53's final mixing of its two 32-bit states into 53 bits. */
export function mix53(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A record without its line ending (CRLF or LF). @example stripEnding('a,b\r\n') // 'a,b' */
export function stripEnding(record: string): string {
  return record.endsWith('\r\n') ? record.slice(0, -2) : record.endsWith('\n') ? record.slice(0, -1) : record;
}

/**
 * A record's fields (RFC 4180 quotes), or undefined when its quoting is irregular (the reader's to judge).
 * @example splitRecord('a,"b,c",d', ',') // ['a', 'b,c', 'd']
 */
export function splitRecord(record: string, delimiter: string): string[] | undefined {
  if (!record.includes('"')) return record.split(delimiter);
  const out: string[] = [];
  let cell = '';
  let i = 0;
  while (i <= record.length) {
    if (record[i] === '"') {
      i++;
      for (;;) {
        if (i >= record.length) return undefined;
        if (record[i] === '"') {
          if (record[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += record[i++];
      }
      if (i < record.length && record[i] !== delimiter) return undefined;
    } else {
      const end = record.indexOf(delimiter, i);
      const stop = end < 0 ? record.length : end;
      const part = record.slice(i, stop);
      if (part.includes('"')) return undefined;
      cell += part;
      i = stop;
    }
    out.push(cell);
    cell = '';
    if (i >= record.length) break;
    i++; // the delimiter
    if (i === record.length) {
      out.push('');
      break;
    }
  }
  return out;
}

import { DataError } from '../issue.ts';
import { IssueCollector } from '../issue-collector.ts';

/**
 * Decodes a CSV file's bytes as UTF-8 text, dropping a UTF-8 byte-order mark, and rejects what is
 * not text: empty files, binary data (NUL bytes), spreadsheets saved in a binary format, UTF-16 and
 * invalid UTF-8 (e.g. Windows-1252 exports), each as a located Issue.
 * @param bytes the raw file content
 * @param file the file name used in issue locations
 * @returns the text, without BOM
 * @throws DataError with EMPTY_FILE, BINARY_FILE or BAD_ENCODING
 * @example decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0a]), 'x.csv') // 'a\n'
 */
export function decodeCsvBytes(bytes: Uint8Array, file: string): string {
  const issues = new IssueCollector(file);
  const saveAsCsv = 'open it in your spreadsheet program and use Save As › "CSV UTF-8 (comma delimited)"';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    issues.error('BINARY_FILE', 'this looks like an Excel workbook (.xlsx/.xls), not a CSV file', saveAsCsv);
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    issues.error('BAD_ENCODING', 'the file is encoded as UTF-16, not UTF-8', saveAsCsv);
  } else {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      issues.error('BINARY_FILE', 'the file contains binary data (a NUL byte), so it is not a text CSV file',
        `check that this is the right file; ${saveAsCsv}`, { row: lineOfByte(bytes, nul) });
    }
  }
  issues.throwIfErrors();
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const bad = lossy.indexOf('\uFFFD');
    issues.error('BAD_ENCODING', 'the file is not valid UTF-8 text (often a Windows-1252 or Latin-1 export)',
      saveAsCsv, { row: countNewlines(lossy, Math.max(bad, 0)) + 1 });
    throw new DataError(issues.list());
  }
  if (text.trim() === '') issues.error('EMPTY_FILE', 'the file is empty', 'export the data again with a header row and one row per period');
  issues.throwIfErrors();
  return text;
}

/** Strict UTF-8 decoding (the BOM is dropped); undefined when the bytes are not valid UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function lineOfByte(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** The field delimiters Mixwise recognises. */
export type CsvDelimiter = ',' | ';' | '\t';

/** Candidates in order of preference when the evidence is tied. */
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * Guesses a CSV file's delimiter among comma, semicolon and tab. Delimiters are counted outside
 * quoted fields in the first `sampleLines` records. A candidate that appears in the header the same
 * number of times in every sampled record wins over one whose count varies; among those, the one
 * with most fields wins, and a tie goes to the earlier of `,` `;` `\t`. A file with none of them
 * (a single column) is read as comma-separated.
 * @param text CSV text (BOM already removed)
 * @param sampleLines how many records to inspect (default 20)
 * @returns the delimiter
 * @example detectDelimiter('date;tv_spend\n2024-01-01;1,5\n') // ';'
 */
export function detectDelimiter(text: string, sampleLines = 20): CsvDelimiter {
  const counts = countPerRecord(text, sampleLines);
  const header = counts[0];
  if (header === undefined) return ',';
  let best: CsvDelimiter = ',';
  let bestScore = -1;
  CSV_DELIMITERS.forEach((d, k) => {
    const inHeader = header[k];
    if (inHeader === 0) return;
    const consistent = counts.every((c) => c[k] === inHeader);
    const score = (consistent ? 1e9 : 0) + inHeader;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  });
  return best;
}

/** For each of the first `maxRecords` non-empty records: occurrences of each delimiter outside quotes. */
function countPerRecord(text: string, maxRecords: number): number[][] {
  const out: number[][] = [];
  let current = [0, 0, 0];
  let inQuotes = false;
  let nonEmpty = false;
  for (let i = 0; i < text.length && out.length < maxRecords; i++) {
    const ch = text[i];
    if (ch === '"') {
      inQuotes = !inQuotes;
      nonEmpty = true;
    } else if (inQuotes) {
      continue;
    } else if (ch === '\n' || ch === '\r') {
      if (nonEmpty) out.push(current);
      current = [0, 0, 0];
      nonEmpty = false;
    } else {
      const k = CSV_DELIMITERS.indexOf(ch as CsvDelimiter);
      if (k >= 0) current[k]++;
      if (ch !== ' ') nonEmpty = true;
    }
  }
  if (nonEmpty && out.length < maxRecords) out.push(current);
  return out;
}

import type { CsvDelimiter } from './detect-delimiter.ts';

/** Why a cell is not a usable number. */
export type NumberFailure =
  | 'empty'
  | 'missing'
  | 'non-finite'
  | 'currency'
  | 'percent'
  | 'decimal-comma'
  | 'dot-thousands'
  | 'not-number';

/** The result of reading one numeric cell. */
export type NumberParse = { ok: true; value: number } | { ok: false; reason: NumberFailure };

const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Comma grouping in groups of three; a first group starting with 0 (`0,125`) is never thousands. */
const GROUPED = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?(?:\d+|\d{1,3}(?:\.\d{3})+),\d+$/;
const DOT_GROUPED = /^[+-]?[1-9]\d{0,2}(?:\.\d{3}){2,}$/;
const MISSING = new Set(['na', 'n/a', '#n/a', 'null', 'none', 'nil', '-']);
const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;
const CURRENCY = /[$€£¥₹₩₽¢]|^[A-Z]{3}\s*[+-]?[\d.,]+$|^[+-]?[\d.,]+\s*[A-Z]{3}$/;

/**
 * Reads a numeric cell strictly. Accepted: plain decimals with `.` as the decimal point and optional
 * exponent (`1234.5`, `-3`, `.5`, `1e6`). Comma thousands separators (`1,234.5`) are accepted in exact
 * groups of three digits after a first group that does not start with 0 (`0,125` is a decimal comma), whatever the delimiter (in a comma-separated file such a cell can only have
 * been quoted, so it is unambiguous); `1,234` reads as 1234 (in a semicolon file parseColumn refuses it as a decimal comma), while `12,5` and `0,125` are refused as a decimal comma
 * (the commaNumbers rule warns about a column whose every comma is a single `,ddd`). Everything else is refused
 * with a reason: empty, NA-like markers (NA, N/A, #N/A, null, none, -), NaN/Infinity, currency
 * symbols or codes, percent signs, decimal commas, dots as thousands separators (`1.856.920`; a
 * single group such as `9.388` is a decimal here: parseColumn refuses it when its column says so).
 * @param text the cell text
 * @param _delimiter the file's delimiter (the reading no longer depends on it; kept so every caller passes it, as parseColumn needs it)
 * @returns `{ ok: true, value }` or `{ ok: false, reason }`
 * @example parseNumber('1,234.5', ';') // { ok: true, value: 1234.5 }
 * @example parseNumber('2,495,881.62', ',') // { ok: true, value: 2495881.62 }
 */
export function parseNumber(text: string, _delimiter: CsvDelimiter): NumberParse {
  const s = text.trim();
  if (s === '') return { ok: false, reason: 'empty' };
  if (PLAIN.test(s)) return finite(Number(s));
  if (GROUPED.test(s)) {
    return finite(Number(s.replaceAll(',', '')));
  }
  if (MISSING.has(s.toLowerCase())) return { ok: false, reason: 'missing' };
  if (NON_FINITE.test(s)) return { ok: false, reason: 'non-finite' };
  if (CURRENCY.test(s)) return { ok: false, reason: 'currency' };
  if (s.endsWith('%')) return { ok: false, reason: 'percent' };
  if (DECIMAL_COMMA.test(s)) return { ok: false, reason: 'decimal-comma' };
  if (DOT_GROUPED.test(s)) return { ok: false, reason: 'dot-thousands' };
  return { ok: false, reason: 'not-number' };
}

function finite(value: number): NumberParse {
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'non-finite' };
}

/**
 * Whether a cell is written NaN (any case, e.g. `nan`, as Python's csv module writes a missing float):
 * unlike Infinity, most likely a value that is missing rather than one computed wrong.
 * @example isNanText(' nan ') // true
 * @example isNanText('inf') // false
 */
export function isNanText(text: string): boolean {
  return /^[+-]?nan$/i.test(text.trim());
}

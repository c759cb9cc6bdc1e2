/**
 * Read an amount typed by a person: digits with an optional decimal point, thousands separated by
 * commas, spaces or underscores in groups of three (1,250,000 or 1 250 000), and an optional k, M or
 * B suffix (45k, 1.2M), or scientific notation (1e6). A comma that is not a thousands separator ("1,5") is refused rather than
 * guessed at, because it means 1.5 in some locales and 15 in none.
 * @param text the text typed (a dashboard field, a CLI option such as --budget)
 * @returns the amount, or null when the text is not one (empty, negative, a stray comma, letters)
 * @example parseAmount('1,250,000') // 1250000
 * @example parseAmount('45k') // 45000
 * @example parseAmount('4.1M') // 4100000, exactly: the decimal digits are scaled, not the float 4.1
 */
export function parseAmount(text: string): number | null {
  // Scientific notation (1e6, 2.5E-7), as a spreadsheet or the dashboard's own tiny amounts write it.
  if (/^[0-9]*\.?[0-9]+e[+-]?[0-9]+$/i.test(text.trim())) {
    const v = Number(text.trim());
    return Number.isFinite(v) ? v : null; // 1e400 overflows to Infinity: not an amount
  }
  const m = /^([0-9][0-9,_ \u00a0\u202f]*)?(\.[0-9]*)?\s*([kmb]?)$/i.exec(text.trim());
  if (!m || !/[0-9]/.test(text)) return null;
  const groups = (m[1] ?? '').trimEnd().split(/[,_ \u00a0\u202f]/);
  // Separators, when present, must split the whole part into 1–3 leading digits and groups of three.
  if (groups.length > 1 && !(/^[0-9]{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^[0-9]{3}$/.test(g)))) return null;
  // The suffix as a decimal exponent of the digit string, so the one rounding is Number's: 4.1M reads
  // 4100000, where 4.1 × 1e6 would be 4099999.9999999995.
  const v = Number(`${groups.join('')}${m[2] ?? ''}e${EXPONENT[m[3].toLowerCase()]}`);
  return Number.isFinite(v) ? v : null;
}

const EXPONENT: Record<string, number> = { '': 0, k: 3, m: 6, b: 9 };

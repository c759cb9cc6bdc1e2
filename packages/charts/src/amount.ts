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
  return dotThousandsProblem(text) !== null ? null : readAmount(text);
}

/**
 * Read a ratio typed by a person (a return on spend, a marginal return, a gross margin): a plain
 * number with a decimal point (1.5, 0.3, 120, 2.5e-1), as `mixwise optimize` reads --target-roi and
 * --margin. A dot is always the decimal point, so "1.125" is 1.125 where parseAmount refuses it as
 * possibly German 1125; and a comma or a k/M suffix is refused, because "1,125" is 1.125 to a German
 * reader and 1125 to parseAmount — a ratio is never big enough to need either.
 * @param text the text typed (the dashboard's ROI, mROI and margin fields)
 * @returns the number, or null when the text is not one
 * @example parseRatioAmount('1.125') // 1.125
 * @example parseRatioAmount('1,125') // null
 */
export function parseRatioAmount(text: string): number | null {
  const t = text.trim();
  if (!/^(\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** parseAmount's reading, without the dot-thousands refusal. */
function readAmount(text: string): number | null {
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

/**
 * Why a text that groups thousands with dots (150.000, 1.500, 1.500.000, as German and French users
 * type them) is not read as an amount: "1.500" is 1500 in those locales and 1.5 where the dot is a
 * decimal point, so it is refused rather than guessed at (the CSV reader's DOT_THOUSANDS rule). A
 * leading sign or currency symbol and a trailing decimal comma (150.000,50) are recognised too, so the
 * message names the problem rather than a generic one. A suffix (1.500k) or another number of
 * decimals (1.5, 1.50, 1.5000) is a plain decimal and not this problem.
 * @param text the text typed
 * @returns the message to show, or null when the text does not group thousands with dots
 * @example dotThousandsProblem('150.000') // '"150.000" looks like "." separating thousands: read as a decimal it would be 150, 1000× too small; type 150000 or 150,000 (or 150 if you meant the decimal).'
 */
export function dotThousandsProblem(text: string): string | null {
  const m = /^([+-]?)\s*[€$£]?\s*([1-9][0-9]{0,2}(?:\.[0-9]{3})+)(,[0-9]*)?\s*[€$£]?$/.exec(text.trim());
  if (!m) return null;
  // A minus is kept in every suggestion (a plus adds nothing); the field's own check then says whether a negative is allowed.
  const sign = m[1] === '-' ? '-' : '';
  const groups = m[2].split('.');
  const whole = groups.join('');
  const decimals = m[3] !== undefined && m[3].length > 1 ? `.${m[3].slice(1)}` : '';
  const grouped = `${groups[0]}${groups.slice(1).map((g) => `,${g}`).join('')}`;
  const typed = JSON.stringify(text.trim());
  const single = groups.length === 2 && m[3] === undefined;
  const value = `${sign}${Number(m[2])}`;
  const asDecimal = single ? `: read as a decimal it would be ${value}, 1000× too small; ` : '; ';
  const decimalAlt = single ? ` (or ${decimalText(value)} if you meant the decimal)` : '';
  return `${typed} looks like "." separating thousands${asDecimal}type ${sign}${whole}${decimals} or ${sign}${grouped}${decimals}${decimalAlt}.`;
}

/**
 * A decimal written so that it is not itself read as dot thousands: 1.125 has three decimals, as
 * 1.125 thousands would, so a trailing 0 makes it 1.1250 (the same number, never grouping).
 * @example decimalText('1.125') // '1.1250'
 * @example decimalText('1.5') // '1.5'
 */
export function decimalText(text: string): string {
  return /\.[0-9]{3}$/.test(text) ? `${text}0` : text;
}

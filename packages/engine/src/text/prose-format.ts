import { formatMoney, isPlainMoney, type MoneyFormat, type MoneyStyle } from './money-format.ts';

/** From this size on, numbers in prose are written as 1.23e+18: more digits than anyone reads. */
export const HUGE_NUMBER = 1e15;

/**
 * A number too large to read digit by digit, with three significant digits and its power of ten.
 * @example hugeNumber(2.6315e296) // '2.63e+296'
 */
export function hugeNumber(v: number): string {
  return v.toExponential(2);
}

/**
 * The minus sign of every number in prose: U+2212, as in the charts, the report's tables and the
 * dashboard (@mixwise/charts groupDigits), so one paragraph never mixes '-5,070' and '−20.1%'.
 */
export const MINUS = '\u2212';

/** A leading hyphen-minus (from toLocaleString / toFixed) as MINUS. */
function minus(text: string): string {
  return text.startsWith('-') ? MINUS + text.slice(1) : text;
}

/**
 * Amounts for prose (not normalise-bounds' formatAmount, whose 6 significant digits suit limits in
 * messages): whole units from 100 up, at most two decimals above 1, three significant digits below;
 * from HUGE_NUMBER up, 1.23e+18; negatives with MINUS. With a currency or a locale (`money`, not plain), the
 * same digits written by formatMoney: '€1,235', '1.235 €', '€12.50', '1.00e+18 EUR'.
 * @example proseAmount(1234.5) // '1,235' ; proseAmount(12.5) // '12.5' ; proseAmount(-0.01234) // '−0.0123' ; proseAmount(1e300) // '1.00e+300'
 * @example proseAmount(-1234.5, { currency: 'EUR', locale: 'de-DE' }) // '−1.235 €'
 */
export function proseAmount(v: number, money?: MoneyFormat): string {
  if (!Number.isFinite(v)) return minus(String(v));
  const a = Math.abs(v);
  if (a >= HUGE_NUMBER) return minus(hugeNumber(v)) + (money?.currency === undefined ? '' : ` ${money.currency}`);
  if (money !== undefined && !isPlainMoney(money)) return formatMoney(v, money, proseMoneyStyle(a));
  const opts: Intl.NumberFormatOptions = a >= 100 ? { maximumFractionDigits: 0 } : a >= 1 ? { maximumFractionDigits: 2 } : { maximumSignificantDigits: 3 };
  return minus(v.toLocaleString('en-US', opts));
}

/** How proseAmount writes an amount of size `a` with a currency or locale. */
function proseMoneyStyle(a: number): MoneyStyle {
  return { decimals: a >= 100 ? 0 : 2, significant: 3, unicodeMinus: true };
}

/** Prefix '+' unless the text already shows a minus (anywhere: CHF−5.00); a minus before nothing but zeros is dropped for '+'. */
function withSign(text: string): string {
  if (/^−0(\.0*)?$/.test(text)) return `+${text.slice(1)}`;
  return text.includes(MINUS) ? text : `+${text}`;
}

/**
 * A share as a signed percentage with one decimal; a change that rounds to zero is '+0.0%', never '−0.0%'.
 * From 10,000% up, whole percents with thousands separators (from HUGE_NUMBER up, 1.23e+18%).
 * @example signedPercent(0.123) // '+12.3%' ; signedPercent(-0.05) // '−5.0%' ; signedPercent(-1e-9) // '+0.0%' ; signedPercent(2.6e8) // '+26,000,000,000%'
 */
export function signedPercent(v: number): string {
  if (!Number.isFinite(v)) return minus(String(v));
  const p = 100 * v;
  const a = Math.abs(p);
  return `${withSign(minus(a >= HUGE_NUMBER ? hugeNumber(p) : a >= 10_000 ? p.toLocaleString('en-US', { maximumFractionDigits: 0 }) : p.toFixed(1)))}%`;
}

/**
 * An amount for prose (proseAmount, with `money` when given) with its sign; zero is '+0', never '−0' or '+−0' (for −0).
 * @example signedAmount(1234.5) // '+1,235' ; signedAmount(-12.5) // '−12.5' ; signedAmount(-0) // '+0' ; signedAmount(5, { currency: 'GBP' }) // '+£5.00'
 * @example signedAmount(-5, { currency: 'CHF', locale: 'de-CH' }) // 'CHF−5.00'
 */
export function signedAmount(v: number, money?: MoneyFormat): string {
  if (!Number.isFinite(v)) return minus(String(v));
  // With a currency or locale the sign goes where the locale puts it (de-CH: CHF+5.00, CHF−5.00): Intl's own.
  if (money !== undefined && !isPlainMoney(money) && Math.abs(v) < HUGE_NUMBER) return formatMoney(v, money, { ...proseMoneyStyle(Math.abs(v)), signed: true });
  return withSign(proseAmount(v, money));
}

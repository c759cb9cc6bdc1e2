/**
 * How amounts of money (spend, budgets, a revenue KPI's contributions, CPA, margin) are written for
 * people: with an ISO 4217 currency and a BCP 47 locale's grouping and decimal marks. One rule for the
 * CLI, the report, the charts, the dashboard and the engine's sentences; Intl only, so it stays pure.
 * Without a currency and a locale other than en-US (isPlainMoney) every surface keeps its own
 * locale-independent formatter, so output without --currency is exactly what it was.
 */

/** The currency and locale of a model's amounts (MmmModel.money, --currency, --locale). */
export interface MoneyFormat {
  /** ISO 4217 code, upper case (EUR, USD, GBP, JPY); absent: amounts without a symbol. */
  readonly currency?: string;
  /** BCP 47 tag (de-DE, en-GB) for grouping and decimal marks; absent: en-US. */
  readonly locale?: string;
}

/** The locale of every number when none is given: `,` for thousands, `.` for decimals. */
export const DEFAULT_LOCALE = 'en-US';

/**
 * Why `code` is not a currency Intl knows (a sentence naming the code), or null when it is. Intl
 * formats any three letters, so the code is checked against Intl.supportedValuesOf('currency').
 * @example currencyProblem('EUR') // null
 * @example currencyProblem('EURO') // '"EURO" is not an ISO 4217 currency code (three letters such as EUR, USD, GBP, JPY)'
 */
export function currencyProblem(code: string): string | null {
  const known = /^[A-Za-z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code.toUpperCase());
  return known ? null : `"${code}" is not an ISO 4217 currency code (three letters such as EUR, USD, GBP, JPY)`;
}

/**
 * Why `tag` is not a BCP 47 locale this runtime formats numbers in, or null when it is.
 * @example localeProblem('de-DE') // null
 * @example localeProblem('german') // '"german" is not a BCP 47 locale tag this runtime knows (such as en-US, en-GB, de-DE, fr-FR)'
 */
export function localeProblem(tag: string): string | null {
  const problem = `"${tag}" is not a BCP 47 locale tag this runtime knows (such as en-US, en-GB, de-DE, fr-FR)`;
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length === 1 ? null : problem;
  } catch {
    return problem;
  }
}

/**
 * The checked MoneyFormat of a currency code and a locale tag as a person typed them (EUR from eur,
 * de-DE from de-de); fields not given are left out.
 * @throws RangeError naming the bad value (currencyProblem, localeProblem)
 * @example moneyFormat('eur', 'de-de') // { currency: 'EUR', locale: 'de-DE' }
 */
export function moneyFormat(currency: string | undefined, locale: string | undefined): MoneyFormat {
  const c = currency === undefined ? null : currencyProblem(currency);
  if (c !== null) throw new RangeError(c);
  const l = locale === undefined ? null : localeProblem(locale);
  if (l !== null) throw new RangeError(l);
  return {
    ...(currency === undefined ? {} : { currency: currency.toUpperCase() }),
    ...(locale === undefined ? {} : { locale: Intl.getCanonicalLocales(locale)[0] }),
  };
}

/**
 * Whether amounts are written as before currencies existed: no currency and the default locale.
 * @example isPlainMoney(undefined) // true ; isPlainMoney({ locale: 'en-US' }) // true ; isPlainMoney({ currency: 'EUR' }) // false
 */
export function isPlainMoney(money: MoneyFormat | undefined): boolean {
  return money === undefined || (money.currency === undefined && (money.locale === undefined || money.locale === DEFAULT_LOCALE));
}

/** How formatMoney writes a value. */
export interface MoneyStyle {
  /** Digits after the decimal mark (default 0), at most the currency's own (JPY: 0) for values of 1 or more. */
  readonly decimals?: number;
  /** Below 1, keep this many significant digits instead (a spend on a 0–1 scale must not read €0). */
  readonly significant?: number;
  /** 1.23M, 45.6k with three significant digits (the locale's words: 1,23 Mio. € in de-DE). */
  readonly compact?: boolean;
  /** Write a leading minus as U+2212, as the charts and prose do (Intl writes '-'). */
  readonly unicodeMinus?: boolean;
  /** '+' before zero and positive values. */
  readonly signed?: boolean;
}

/** The currency's own number of decimals (2 for EUR, 0 for JPY). */
function currencyDigits(locale: string, currency: string): number {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * An amount with the currency's symbol placed as the locale places it, and the locale's grouping and
 * decimal marks. A value that rounds to zero has no minus ('€0', not '-€0'); a non-finite one is '–'.
 * @param value the amount
 * @param money currency and locale (no currency: the number in the locale's marks)
 * @param style decimals, compact form, sign
 * @example formatMoney(1234567.4, { currency: 'EUR', locale: 'de-DE' }) // '1.234.567 €' (U+00A0 before €)
 * @example formatMoney(1234567.4, { currency: 'GBP', locale: 'en-GB' }) // '£1,234,567'
 * @example formatMoney(12.345, { currency: 'JPY' }, { decimals: 2 }) // '¥12'
 * @example formatMoney(24960000, { currency: 'EUR' }, { compact: true }) // '€25.0M'
 */
export function formatMoney(value: number, money: MoneyFormat, style: MoneyStyle = {}): string {
  if (!Number.isFinite(value)) return '–';
  const locale = money.locale ?? DEFAULT_LOCALE;
  const currency = money.currency;
  const base: Intl.NumberFormatOptions = {
    ...(currency === undefined ? {} : { style: 'currency', currency }),
    signDisplay: style.signed === true ? 'exceptZero' : 'negative',
  };
  const a = Math.abs(value);
  let digits: Intl.NumberFormatOptions;
  if (style.compact === true && a >= 1000) digits = { notation: 'compact', minimumSignificantDigits: 3, maximumSignificantDigits: 3 };
  else if (a > 0 && a < 1 && style.significant !== undefined) digits = { maximumSignificantDigits: style.significant };
  else {
    const own = currency === undefined ? 20 : currencyDigits(locale, currency);
    const d = Math.max(0, Math.min(style.decimals ?? 0, a >= 1 ? own : 20));
    digits = { minimumFractionDigits: d, maximumFractionDigits: d };
  }
  const format = new Intl.NumberFormat(locale, { ...base, ...digits });
  // A locale without a word for thousands (de-DE: 5.928 € stays 5930 €) would show a rounded number as if exact: write it whole.
  const uncompacted = digits.notation === 'compact' && !format.formatToParts(value).some((p) => p.type === 'compact');
  if (uncompacted) return formatMoney(value, money, { ...style, compact: false });
  let text = format.format(value);
  // exceptZero writes no sign on zero; a signed zero reads '+€0' as a signed number does elsewhere, the '+'
  // where the locale puts signs (de-CH: CHF+0.00). Some locales' minus is U+2212 already (sv-SE: −5,00 €).
  if (style.signed === true && !/[-+\u2212]/.test(text)) text = new Intl.NumberFormat(locale, { ...base, ...digits, signDisplay: 'always' }).format(0);
  return style.unicodeMinus === true ? text.replace('-', '\u2212') : text;
}

/**
 * The money format of KPI amounts: the model's when the KPI is revenue (money too), none for a count
 * KPI (conversions, leads), whose amounts are never written with a currency.
 * @example kpiMoney({ currency: 'EUR' }, 'count') // undefined
 */
export function kpiMoney(money: MoneyFormat | undefined, kind: 'revenue' | 'count'): MoneyFormat | undefined {
  return kind === 'revenue' ? money : undefined;
}

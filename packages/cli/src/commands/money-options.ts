import { InvalidArgumentError, Option } from 'commander';
import { currencyProblem, localeProblem, moneyFormat, type MoneyFormat } from '@mixwise/engine';

/**
 * --currency and --locale, one spelling and one check for every command that writes amounts (fit,
 * report, optimize): fit stores them in model.json (MmmModel.money); report and optimize use the
 * model's unless given, for that output only.
 */

/**
 * An ISO 4217 code (eur → EUR). Commander reports the refusal as a usage error naming the flag (exit 2).
 * @throws InvalidArgumentError for a code Intl does not know
 * @example parseCurrency('eur') // 'EUR'
 */
export function parseCurrency(value: string): string {
  const problem = currencyProblem(value.trim());
  if (problem !== null) throw new InvalidArgumentError(`${problem}; e.g. --currency EUR.`);
  return value.trim().toUpperCase();
}

/**
 * A BCP 47 locale tag (de-de → de-DE).
 * @throws InvalidArgumentError for a tag Intl does not know
 * @example parseLocale('en-gb') // 'en-GB'
 */
export function parseLocale(value: string): string {
  const problem = localeProblem(value.trim());
  if (problem !== null) throw new InvalidArgumentError(`${problem}; e.g. --locale de-DE.`);
  return Intl.getCanonicalLocales(value.trim())[0];
}

/** The flags as commander parses them. */
export interface MoneyFlags {
  currency?: string;
  locale?: string;
}

/** What fit's --currency and --locale do (its help). */
export const FIT_MONEY = {
  currency: 'in the tables, the report and the dashboard; stored in model.json, so report, optimize and compare use it (default: currency: of --config, else a refreshed run\'s, else none)',
  locale: '(stored in model.json like --currency; default: locale: of --config, else a refreshed run\'s)',
} as const;

/** `--currency <code>` with what it does in `what` (the command's words). */
export function currencyOption(what: string): Option {
  return new Option('--currency <code>', `ISO 4217 currency of spend (and of a revenue KPI), e.g. EUR, USD, GBP, JPY: amounts are shown with it ${what}`).argParser(parseCurrency);
}

/** `--locale <tag>` with what it does in `what`. */
export function localeOption(what: string): Option {
  return new Option('--locale <tag>', `BCP 47 locale of the amounts' grouping and decimal marks, e.g. de-DE, en-GB ${what} (default en-US: 1,234,567.8)`).argParser(parseLocale);
}

/**
 * The money format of an output: the flags over the model's (or the config's) record, field by field;
 * undefined when neither gives anything.
 * @example moneyOf({ currency: 'GBP' }, { currency: 'EUR', locale: 'de-DE' }) // { currency: 'GBP', locale: 'de-DE' }
 */
export function moneyOf(flags: MoneyFlags, stored: MoneyFormat | undefined): MoneyFormat | undefined {
  const money = moneyFormat(flags.currency ?? stored?.currency, flags.locale ?? stored?.locale);
  return money.currency === undefined && money.locale === undefined ? undefined : money;
}

/**
 * Money settings layered field by field, the first layer giving a field winning: a config's `currency:`
 * alone keeps a refreshed run's locale (flags go over the result in moneyOf).
 * @example mergeMoney({ currency: 'CHF' }, { currency: 'EUR', locale: 'de-CH' }) // { currency: 'CHF', locale: 'de-CH' }
 */
export function mergeMoney(...layers: (MoneyFormat | undefined)[]): MoneyFormat | undefined {
  const currency = layers.find((m) => m?.currency !== undefined)?.currency;
  const locale = layers.find((m) => m?.locale !== undefined)?.locale;
  if (currency === undefined && locale === undefined) return undefined;
  return { ...(currency === undefined ? {} : { currency }), ...(locale === undefined ? {} : { locale }) };
}

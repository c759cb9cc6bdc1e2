import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currencyProblem, formatMoney, isPlainMoney, kpiMoney, localeProblem, moneyFormat } from './money-format.ts';
import { proseAmount, signedAmount } from './prose-format.ts';
import { intervalSentence } from '../optimize/explain-interval.ts';

// Intl writes a no-break space (U+00A0) between a German amount and its symbol.
const NBSP = '\u00a0';
const EUR_DE = { currency: 'EUR', locale: 'de-DE' };
const GBP_GB = { currency: 'GBP', locale: 'en-GB' };
const JPY = { currency: 'JPY' };

test('formatMoney: EUR in de-DE puts the symbol after, groups with dots and decimals with a comma', () => {
  assert.equal(formatMoney(1234567.4, EUR_DE), `1.234.567${NBSP}€`);
  assert.equal(formatMoney(12.345, EUR_DE, { decimals: 2 }), `12,35${NBSP}€`);
  assert.equal(formatMoney(950, EUR_DE), `950${NBSP}€`);
  assert.equal(formatMoney(-24960000, EUR_DE, { unicodeMinus: true }), `−24.960.000${NBSP}€`);
  assert.equal(formatMoney(0.0123, EUR_DE, { significant: 2 }), `0,012${NBSP}€`);
});

test('formatMoney: GBP in en-GB, full and compact', () => {
  assert.equal(formatMoney(1234567.4, GBP_GB), '£1,234,567');
  assert.equal(formatMoney(-1234.5, GBP_GB), '-£1,235');
  assert.equal(formatMoney(24960000, GBP_GB, { compact: true }), '£25.0m');
  assert.equal(formatMoney(5928, GBP_GB, { compact: true }), '£5.93k');
  assert.equal(formatMoney(1.5e12, GBP_GB, { compact: true }), '£1.50tn');
  // Below 1,000 the compact form is the whole amount.
  assert.equal(formatMoney(950, GBP_GB, { compact: true }), '£950');
});

test('formatMoney: JPY has no minor unit, so amounts of 1 or more get no decimals whatever is asked', () => {
  assert.equal(formatMoney(12.345, JPY, { decimals: 2 }), '¥12');
  assert.equal(formatMoney(1234567.4, JPY, { decimals: 2 }), '¥1,234,567');
  assert.equal(formatMoney(24960000, JPY, { compact: true }), '¥25.0M');
  // A spend on a 0–1 scale keeps its significant digits rather than read ¥0.
  assert.equal(formatMoney(0.0456, JPY, { significant: 2 }), '¥0.046');
});

test('formatMoney: compact in a locale without a word for thousands writes the whole amount, not a rounded one', () => {
  // de-DE has no compact thousands: 5,928 must not read as an exact 5930 €.
  assert.equal(formatMoney(5928, EUR_DE, { compact: true }), `5.928${NBSP}€`);
  assert.equal(formatMoney(1234567, EUR_DE, { compact: true }), `1,23${NBSP}Mio.${NBSP}€`);
});

test('formatMoney: sign, zero and missing values', () => {
  assert.equal(formatMoney(-0.2, GBP_GB), '£0', 'a value that rounds to zero has no minus');
  assert.equal(formatMoney(1234, GBP_GB, { signed: true }), '+£1,234');
  assert.equal(formatMoney(0, GBP_GB, { signed: true }), '+£0');
  assert.equal(formatMoney(Number.NaN, GBP_GB), '–');
  // No currency: the locale's marks only.
  assert.equal(formatMoney(1234567.25, { locale: 'de-DE' }, { decimals: 1 }), '1.234.567,3');
});

test('proseAmount and signedAmount: unchanged without money, the currency with it', () => {
  assert.equal(proseAmount(1234.5), '1,235');
  assert.equal(proseAmount(1234.5, { locale: 'en-US' }), '1,235', 'the default locale without a currency is plain');
  assert.equal(proseAmount(-1234.5, EUR_DE), `−1.235${NBSP}€`);
  assert.equal(proseAmount(12.5, GBP_GB), '£12.50');
  assert.equal(proseAmount(1e300, GBP_GB), '1.00e+300 GBP');
  assert.equal(signedAmount(83534.4, EUR_DE), `+83.534${NBSP}€`);
  assert.equal(signedAmount(-5, GBP_GB), '−£5.00');
  assert.equal(intervalSentence([1000, 2000], 100, undefined, 'bootstrap', GBP_GB), ' Across 100 bootstrap replicates of the model, 90% of the predicted lifts lie between +£1,000 and +£2,000.');
});

test('signed amounts put the sign where the locale does, never two signs: de-CH CHF−5.00, sv-SE −5,00 €', () => {
  const CHF_CH = { currency: 'CHF', locale: 'de-CH' };
  const EUR_SE = { currency: 'EUR', locale: 'sv-SE' };
  // de-CH writes the sign after the symbol; it used to get a second '+' in front (+CHF−5.00).
  assert.equal(signedAmount(-5, CHF_CH), 'CHF\u22125.00');
  assert.equal(signedAmount(5, CHF_CH), 'CHF+5.00');
  assert.equal(signedAmount(0, CHF_CH), 'CHF+0.00');
  assert.equal(signedAmount(-1234.5, CHF_CH), "CHF\u22121'235");
  // sv-SE (fi-FI, nb-NO) writes U+2212 itself: formatMoney's signed used to add '+' to it (+−5,00 €).
  assert.equal(formatMoney(-5, EUR_SE, { signed: true, decimals: 2 }), `\u22125,00${NBSP}€`);
  assert.equal(formatMoney(-5, { currency: 'EUR', locale: 'fi-FI' }, { signed: true, decimals: 2 }), `\u22125,00${NBSP}€`);
  assert.equal(signedAmount(-5, EUR_SE), `\u22125,00${NBSP}€`);
  assert.equal(signedAmount(5, EUR_SE), `+5,00${NBSP}€`);
  // The default output is unchanged.
  assert.equal(signedAmount(-5), '\u22125');
  assert.equal(signedAmount(5, GBP_GB), '+£5.00');
  assert.equal(signedAmount(-0.001, GBP_GB), '−£0.001');
});

test('currencyProblem, localeProblem and moneyFormat check and normalise what a person typed', () => {
  assert.equal(currencyProblem('EUR'), null);
  assert.equal(currencyProblem('jpy'), null);
  assert.match(currencyProblem('EURO') ?? '', /"EURO" is not an ISO 4217 currency code/);
  // Intl formats any three letters; the code must be one it lists.
  assert.notEqual(currencyProblem('XYZ'), null);
  assert.equal(localeProblem('de-DE'), null);
  assert.notEqual(localeProblem('not a locale'), null);
  assert.deepEqual(moneyFormat('eur', 'de-de'), EUR_DE);
  assert.deepEqual(moneyFormat(undefined, undefined), {});
  assert.throws(() => moneyFormat('EURO', undefined), /ISO 4217/);
});

test('isPlainMoney and kpiMoney', () => {
  assert.equal(isPlainMoney(undefined), true);
  assert.equal(isPlainMoney({ locale: 'en-US' }), true);
  assert.equal(isPlainMoney({ locale: 'en-GB' }), false);
  assert.equal(isPlainMoney({ currency: 'USD' }), false);
  assert.deepEqual(kpiMoney(EUR_DE, 'revenue'), EUR_DE);
  assert.equal(kpiMoney(EUR_DE, 'count'), undefined);
});

import { z } from 'zod';

/**
 * The largest amount (budget, bound) a request may carry: 1e15 currency units. Far above any real
 * media budget, and small enough that every amount in an answer or a message stays a readable number.
 */
export const MAX_AMOUNT = 1e15;

/** MAX_AMOUNT as messages and docs write it. */
export const MAX_AMOUNT_TEXT = '1,000,000,000,000,000 (1e15)';

const grouped = (v: number): string => v.toLocaleString('en-US');

/**
 * A whole-number field whose every refusal (not a number, a fraction, out of range) says what the
 * field is in words and what it takes, so a form can show the message as it is.
 * @param label the field in words, e.g. 'search iterations'
 * @param min the least value
 * @param max the largest value (none: unbounded)
 * @example wholeNumber('search iterations', 1, 1_000_000).safeParse(0).error?.issues[0].message // 'search iterations must be a whole number from 1 to 1,000,000'
 */
export function wholeNumber(label: string, min: number, max?: number): z.ZodNumber {
  const message = `${label} must be a whole number ${max === undefined ? `(${grouped(min)} or more)` : `from ${grouped(min)} to ${grouped(max)}`}`;
  const field = z.number({ error: message }).int({ error: message }).min(min, { error: message });
  return max === undefined ? field : field.max(max, { error: message });
}

/**
 * An amount of money in a request: a number from 0 to MAX_AMOUNT, refused with a message that names
 * the field in words and the range.
 * @param label the field in words, e.g. 'the budget'
 * @example amount('the budget').safeParse(1e300).error?.issues[0].message // 'the budget must be a number from 0 to 1,000,000,000,000,000 (1e15)'
 */
export function amount(label: string): z.ZodNumber {
  const message = `${label} must be a number from 0 to ${MAX_AMOUNT_TEXT}`;
  return z.number({ error: message }).min(0, { error: message }).max(MAX_AMOUNT, { error: message });
}

/**
 * One of a fixed set of words, refused with a message listing them.
 * @example oneOf('the adstock', ['geometric', 'auto']).safeParse('exp').error?.issues[0].message // 'the adstock must be one of: geometric, auto'
 */
export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T): z.ZodEnum<{ [K in T[number]]: K }> {
  return z.enum(values, { error: `${label} must be one of: ${values.join(', ')}` });
}

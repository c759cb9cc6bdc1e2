import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNumber } from './parse-number.ts';

test('reads plain decimals', () => {
  assert.deepEqual(parseNumber('1234.5', ','), { ok: true, value: 1234.5 });
  assert.deepEqual(parseNumber(' -3 ', ','), { ok: true, value: -3 });
  assert.deepEqual(parseNumber('.5', ','), { ok: true, value: 0.5 });
  assert.deepEqual(parseNumber('1e6', ','), { ok: true, value: 1e6 });
  assert.deepEqual(parseNumber('2.5E-3', ','), { ok: true, value: 0.0025 });
  assert.deepEqual(parseNumber('+7.', ','), { ok: true, value: 7 });
});

test('comma thousands separators in exact groups of three, whatever the delimiter', () => {
  assert.deepEqual(parseNumber('1,234.5', ';'), { ok: true, value: 1234.5 });
  assert.deepEqual(parseNumber('12,345,678', '\t'), { ok: true, value: 12345678 });
  assert.deepEqual(parseNumber('1,234', ';'), { ok: true, value: 1234 });
  assert.deepEqual(parseNumber('2,495,881.62', ','), { ok: true, value: 2495881.62 }, 'a quoted grouped cell of a comma file');
  assert.deepEqual(parseNumber('1,23', ';'), { ok: false, reason: 'decimal-comma' });
  assert.deepEqual(parseNumber('12,5', ';'), { ok: false, reason: 'decimal-comma' });
  assert.deepEqual(parseNumber('1.234,56', ';'), { ok: false, reason: 'decimal-comma' });
});

test('names the reason for each kind of bad cell', () => {
  assert.deepEqual(parseNumber('', ','), { ok: false, reason: 'empty' });
  assert.deepEqual(parseNumber('NA', ','), { ok: false, reason: 'missing' });
  assert.deepEqual(parseNumber('#N/A', ','), { ok: false, reason: 'missing' });
  assert.deepEqual(parseNumber('null', ','), { ok: false, reason: 'missing' });
  assert.deepEqual(parseNumber('NaN', ','), { ok: false, reason: 'non-finite' });
  assert.deepEqual(parseNumber('-Infinity', ','), { ok: false, reason: 'non-finite' });
  assert.deepEqual(parseNumber('inf', ','), { ok: false, reason: 'non-finite' });
  assert.deepEqual(parseNumber('1e400', ','), { ok: false, reason: 'non-finite' });
  assert.deepEqual(parseNumber('$1200', ','), { ok: false, reason: 'currency' });
  assert.deepEqual(parseNumber('1200 €', ','), { ok: false, reason: 'currency' });
  assert.deepEqual(parseNumber('USD 1200', ','), { ok: false, reason: 'currency' });
  assert.deepEqual(parseNumber('£5', ','), { ok: false, reason: 'currency' });
  assert.deepEqual(parseNumber('5%', ','), { ok: false, reason: 'percent' });
  assert.deepEqual(parseNumber('abc', ','), { ok: false, reason: 'not-number' });
  assert.deepEqual(parseNumber('1 234', ','), { ok: false, reason: 'not-number' });
  assert.deepEqual(parseNumber('(100)', ','), { ok: false, reason: 'not-number' });
  assert.deepEqual(parseNumber('0x10', ','), { ok: false, reason: 'not-number' });
});

test('two or more "." groups of three digits are a thousands separator, whatever the delimiter', () => {
  assert.deepEqual(parseNumber('1.856.920', ';'), { ok: false, reason: 'dot-thousands' });
  assert.deepEqual(parseNumber('-12.345.678', ','), { ok: false, reason: 'dot-thousands' });
  assert.deepEqual(parseNumber('9.388', ';'), { ok: true, value: 9.388 }, 'one group alone is a decimal: the column decides (parseColumn)');
  assert.deepEqual(parseNumber('1.85.920', ';'), { ok: false, reason: 'not-number' });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { semicolonDecimalCommas } from './semicolon-commas.ts';
import { parseColumn } from './dot-thousands.ts';
import { parseNumber } from './parse-number.ts';

test('a semicolon file reads "1,540" and "0,125" as decimal commas (refused), unless the column shows thousands', () => {
  assert.deepEqual([...semicolonDecimalCommas(['1,540', '0,125', '7'], ';')], [0, 1]);
  assert.deepEqual([...semicolonDecimalCommas(['1,540', '2,125,000'], ';')], []);
  assert.deepEqual([...semicolonDecimalCommas(['1,540'], ',')], []);
  assert.deepEqual(parseColumn(['0,100', '1,540'], ';').map((p) => (p.ok ? p.value : p.reason)), ['decimal-comma', 'decimal-comma']);
  assert.deepEqual(parseColumn(['1,540'], ',').map((p) => (p.ok ? p.value : p.reason)), [1540]);
});

test('"0,125" is never thousands, in any file', () => {
  assert.deepEqual(parseNumber('0,125', ','), { ok: false, reason: 'decimal-comma' });
  assert.deepEqual(parseNumber('-0,125', '\t'), { ok: false, reason: 'decimal-comma' });
  assert.deepEqual(parseNumber('1,125', ','), { ok: true, value: 1125 });
});

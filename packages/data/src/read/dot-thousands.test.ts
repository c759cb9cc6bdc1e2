import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dotThousandsRows, parseColumn } from './dot-thousands.ts';

test('a single "." group is a thousands separator in a semicolon file when no value of the column is another decimal', () => {
  assert.deepEqual([...dotThousandsRows(['950', '9.388', '1.200', '800'], ';')], [1, 2]);
  assert.deepEqual(parseColumn(['950', '9.388'], ';'), [{ ok: true, value: 950 }, { ok: false, reason: 'dot-thousands' }]);
});

test('or, in any file, beside a decimal comma or a value with two "." groups in the same column', () => {
  assert.deepEqual([...dotThousandsRows(['9.388', '12,5'], ',')], [0]);
  assert.deepEqual([...dotThousandsRows(['9.388', '1.856.920'], '\t')].sort(), [0, 1]);
});

test('ordinary decimals are left alone: 9.388 beside 12.5, in a comma file without other evidence, 0.125, comma grouping', () => {
  assert.equal(dotThousandsRows(['9.388', '12.5', '3'], ';').size, 0);
  assert.equal(dotThousandsRows(['9.388', '12.500', '3'], ',').size, 0);
  assert.equal(dotThousandsRows(['0.125', '0.250'], ';').size, 0, 'a group never follows a leading 0');
  assert.equal(dotThousandsRows(['1,234', '9.388'], ';').size, 0, 'comma grouping: the dot is the decimal point');
  assert.deepEqual(parseColumn(['9.388', '12.5'], ';'), [{ ok: true, value: 9.388 }, { ok: true, value: 12.5 }]);
});

test('a semicolon file alone does not make three decimals a thousands group: 54.430 prices, or dots beside whole numbers of 1000 or more', () => {
  assert.equal(dotThousandsRows(['54.430', '55.100', '53.990'], ';').size, 0, 'every value has three decimals: a price');
  assert.equal(dotThousandsRows(['1500', '9.388', '800'], ';').size, 0, '1500 written plainly: the dot is a decimal point');
  assert.deepEqual([...dotThousandsRows(['54.430', '12,5'], ';')], [0], 'a decimal comma beside it still decides');
});

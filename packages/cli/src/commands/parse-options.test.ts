import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidArgumentError } from 'commander';
import { wholeNumberUpTo, parseOutPath, parseControlSigns, parseIsoDate, parseList, parseNonNegativeInt, parsePositiveInt, parseOpenUnit, parseRoiPrior } from './parse-options.ts';

test('lists: trimmed, empty entries dropped, an empty list rejected', () => {
  assert.deepEqual(parseList(' tv_S, ooh_S ,,search_S'), ['tv_S', 'ooh_S', 'search_S']);
  assert.throws(() => parseList(' , '), InvalidArgumentError);
});

test('integers', () => {
  assert.equal(parseNonNegativeInt('0'), 0);
  assert.equal(parseNonNegativeInt(' 42 '), 42);
  assert.equal(parsePositiveInt('2000'), 2000);
  for (const bad of ['-1', '1.5', 'abc', '', '1e3', '99999999999999999999']) assert.throws(() => parseNonNegativeInt(bad), InvalidArgumentError, bad);
  assert.throws(() => parsePositiveInt('0'), InvalidArgumentError);
});

test('a probability strictly between 0 and 1', () => {
  assert.equal(parseOpenUnit('0.95'), 0.95);
  assert.equal(parseOpenUnit(' .9 '), 0.9);
  for (const bad of ['0', '1', '-0.5', '1.2', 'abc', '', 'NaN']) assert.throws(() => parseOpenUnit(bad), InvalidArgumentError, bad);
});

test('control signs', () => {
  assert.deepEqual(parseControlSigns('price=negative, temp=free,comp=positive'), { price: 'negative', temp: 'free', comp: 'positive' });
  assert.throws(() => parseControlSigns('price=down'), InvalidArgumentError);
  assert.throws(() => parseControlSigns('price'), InvalidArgumentError);
});
test('parseIsoDate accepts real dates only', () => {
  assert.equal(parseIsoDate(' 2024-02-29 '), '2024-02-29');
  assert.throws(() => parseIsoDate('2023-02-29'));
  assert.throws(() => parseIsoDate('01/02/2024'));
});

test('parseIsoDate accepts the forms the date column reads (a midnight time, yyyy/mm/dd) as yyyy-mm-dd; garbage and other times are refused', () => {
  for (const v of ['2024-10-01T00:00:00Z', '2024-10-01 00:00:00', '2024-10-01T00:00', '2024-10-01T00:00:00+00:00', '2024/10/01', '2024-10-1']) {
    assert.equal(parseIsoDate(v), '2024-10-01', v);
  }
  for (const bad of ['2024-10-01T13:00:00Z', '2024-10-01T00:00:00+02:00', 'tomorrow', '2024-13-01', '20241001', '']) {
    assert.throws(() => parseIsoDate(bad), /expected a date as yyyy-mm-dd/, bad);
  }
});

test('parseRoiPrior: MEDIAN,SDLOG or none', () => {
  assert.deepEqual(parseRoiPrior('1.22, 0.9'), { median: 1.22, sdLog: 0.9 });
  assert.equal(parseRoiPrior('None'), null);
  for (const bad of ['1.22', '1,2,3', '0,0.9', '1.2,-1', 'a,b', ',0.9', 'Infinity,1']) {
    assert.throws(() => parseRoiPrior(bad), InvalidArgumentError, bad);
  }
});

test('whole numbers with a ceiling (--max-lag 0–104, --seasonality 0–20, as mixwise.yaml allows)', () => {
  assert.equal(wholeNumberUpTo(104)('104'), 104);
  assert.equal(wholeNumberUpTo(104)('0'), 0);
  assert.throws(() => wholeNumberUpTo(104)('105'), (e: unknown) => e instanceof InvalidArgumentError && /from 0 to 104/.test(e.message));
  assert.throws(() => wholeNumberUpTo(20)('-1'), InvalidArgumentError);
  // Every bad value names the range, not only one that is too large.
  for (const bad of ['-1', '1.5', 'abc', '51']) {
    assert.throws(() => wholeNumberUpTo(50)(bad), (e: unknown) => e instanceof InvalidArgumentError && e.message === 'expected a whole number from 0 to 50.', bad);
  }
});

test('an output path: anything but an empty or blank value (which would write into the current folder)', () => {
  assert.equal(parseOutPath('out/run'), 'out/run');
  assert.throws(() => parseOutPath(''), InvalidArgumentError);
  assert.throws(() => parseOutPath('  '), /empty one would write into the current folder/);
});

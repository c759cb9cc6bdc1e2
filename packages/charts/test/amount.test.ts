import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAmount } from '../src/amount.ts';

test('parseAmount: a suffix scales the decimal digits exactly, not a float product', () => {
  const cases: [string, number][] = [
    ['4.1M', 4_100_000], ['0.3k', 300], ['1.15B', 1_150_000_000], ['2.5m', 2_500_000], ['4,100,000', 4_100_000],
    ['3.3M', 3_300_000], ['0.7k', 700], ['1.23456789M', 1_234_567.89], ['1,234.5k', 1_234_500], ['.5k', 500], ['7.k', 7000],
    ['4.1', 4.1], ['0.000001M', 1], ['12.345 K', 12_345],
  ];
  for (const [text, want] of cases) assert.equal(parseAmount(text), want, text);
  // 4.1 × 1e6 is 4099999.9999999995 in doubles: the reason for scaling the digits.
  assert.notEqual(4.1 * 1e6, 4_100_000);
});

test('parseAmount: every amount with up to three decimals and a suffix is the whole number it names', () => {
  for (const [suffix, scale] of [['k', 1e3], ['M', 1e6], ['B', 1e9]] as const) {
    for (let i = 0; i < 20_000; i++) {
      const text = `${Math.floor(i / 1000)}.${String(i % 1000).padStart(3, '0')}${suffix}`;
      assert.equal(parseAmount(text), i * (scale / 1000), text);
    }
  }
});

test('parseAmount refuses dot-grouped thousands (150.000, 1.500) with dotThousandsProblem saying why, not 1000× too small', async () => {
  const { dotThousandsProblem } = await import('../src/amount.ts');
  for (const text of ['150.000', '1.500', '1.500.000', '€150.000', '150.000 €', '150.000,50', '-1.500', ' 12.345 ']) {
    assert.equal(parseAmount(text), null, text);
    assert.ok(dotThousandsProblem(text) !== null, text);
  }
  assert.equal(dotThousandsProblem('150.000'), '"150.000" looks like "." separating thousands: read as a decimal it would be 150, 1000× too small; type 150000 or 150,000 (or 150 if you meant the decimal).');
  assert.equal(dotThousandsProblem('1.500.000'), '"1.500.000" looks like "." separating thousands; type 1500000 or 1,500,000.');
  // Decimals that are not three digits, a leading 0, or a suffix are plain decimals.
  for (const [text, want] of [['1.5', 1.5], ['1.50', 1.5], ['1.5000', 1.5], ['0.500', 0.5], ['1.500k', 1500], ['12.345 K', 12345], ['1,500.000', 1500]] as const) {
    assert.equal(parseAmount(text), want, text);
    assert.equal(dotThousandsProblem(text), null, text);
  }
});

test('dotThousandsProblem: the decimal it suggests is accepted and is that decimal; a minus is kept', async () => {
  const { decimalText, dotThousandsProblem } = await import('../src/amount.ts');
  const suggested = (text: string): string => /\(or (\S+) if you meant the decimal\)/.exec(dotThousandsProblem(text) ?? '')?.[1] ?? '';
  for (const [text, want] of [['1.125', 1.125], ['2.125', 2.125], ['1.250', 1.25], ['1.500', 1.5], ['150.000', 150], ['999.999', 999.999]] as const) {
    const alt = suggested(text);
    assert.equal(parseAmount(alt), want, `${text} → ${alt}`);
    assert.equal(dotThousandsProblem(alt), null, alt);
  }
  assert.equal(decimalText('1.125'), '1.1250');
  assert.equal(decimalText('1.5'), '1.5');
  assert.equal(dotThousandsProblem('1.125'), '"1.125" looks like "." separating thousands: read as a decimal it would be 1.125, 1000× too small; type 1125 or 1,125 (or 1.1250 if you meant the decimal).');
  assert.equal(dotThousandsProblem('-1.500'), '"-1.500" looks like "." separating thousands: read as a decimal it would be -1.5, 1000× too small; type -1500 or -1,500 (or -1.5 if you meant the decimal).');
  assert.equal(dotThousandsProblem('-1.500.000'), '"-1.500.000" looks like "." separating thousands; type -1500000 or -1,500,000.');
});

test('parseRatioAmount: a plain number whose dot is always a decimal point; commas, spaces and suffixes are refused ("1,125" is never 1125)', async () => {
  const { parseRatioAmount } = await import('../src/amount.ts');
  for (const [text, want] of [['1.125', 1.125], ['1.250', 1.25], ['1.500', 1.5], ['0.3', 0.3], ['1.1250', 1.125], ['120', 120]] as const) {
    assert.equal(parseRatioAmount(text), want, text);
  }
  for (const [text, want] of [['2.5e-1', 0.25], ['.5', 0.5], ['3.', 3], [' 1.5 ', 1.5]] as const) assert.equal(parseRatioAmount(text), want, text);
  for (const text of ['1,5', '1,125', '1 125', '1.125k', '2.5M', '-1.5', 'abc', '', '1e400']) assert.equal(parseRatioAmount(text), null, text);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells, toText } from '../../../test/make-csv.ts';
import { readOutcomeFromText } from '../read-outcome.ts';
import { runRules } from '../run-rules.ts';
import { repeatedHeader } from './repeated-header.ts';

const text = toText(baseCells());

test('two exports pasted together (with and without a BOM): one REPEATED_HEADER error, no not-a-number or duplicate-date errors', () => {
  for (const joined of [text + text, text + '\uFEFF' + text]) {
    const result = runRules(readOutcomeFromText(joined, 'two.csv'), { target: 'sales' });
    const errors = result.issues.filter((i) => i.severity === 'error');
    assert.deepEqual(errors.map((i) => [i.code, i.at.row]), [['REPEATED_HEADER', 32]]);
    assert.match(errors[0].message, /^line 32 repeats the header: two files pasted together\? \(the 30 rows below it copy rows above it\)/);
    assert.match(errors[0].hint, /delete line 32 and the 30 copied rows below it \(lines 33–62\)/);
  }
});

test('repeatedHeader: a header repeated before different rows says to check them; a file without one has none', () => {
  const other = toText(baseCells().map((r, i) => (i === 0 ? r.map((h) => h.toUpperCase()) : [r[0], '7', ...r.slice(2)])));
  const issues = repeatedHeader(readOutcomeFromText(text + other, 'x.csv'));
  assert.deepEqual(issues.map((i) => [i.code, i.at.row, i.details]), [['REPEATED_HEADER', 32, undefined]]);
  assert.deepEqual(repeatedHeader(readOutcomeFromText(text + text, 'x.csv'))[0].details, { copiedRows: { first: 33, last: 62 } });
  assert.match(issues[0].hint, /check that the rows below it do not repeat periods/);
  assert.deepEqual(repeatedHeader(readOutcomeFromText(text, 'x.csv')), []);
});

test('a second repeated header followed by new periods: a genuine duplicate date below it is still reported', () => {
  // Lines 1–31 the weeks 0–29; line 32 a header and lines 33–62 their copy; line 63 a header, then weeks 30–39 with week 35 twice (lines 69 and 70).
  const later = baseCells(40).slice(31);
  const rows = [...later.slice(0, 6), later[5], ...later.slice(6)];
  const result = runRules(readOutcomeFromText(text + text + toText([baseCells()[0], ...rows]), 'three.csv'), { target: 'sales' });
  const errors = result.issues.filter((i) => i.severity === 'error');
  assert.deepEqual(errors.map((i) => [i.code, i.at.row]), [['REPEATED_HEADER', 32], ['REPEATED_HEADER', 63], ['DUPLICATE_DATE', 70]]);
  assert.deepEqual(errors[0].details, { copiedRows: { first: 33, last: 62 } });
  assert.equal(errors[1].details, undefined);
});

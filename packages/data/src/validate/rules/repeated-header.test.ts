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
  assert.match(issues[0].hint, /check that the rows below it do not repeat periods/);
  assert.deepEqual(repeatedHeader(readOutcomeFromText(text, 'x.csv')), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duckdbReplaceHint, sqlName, sqlString } from './duckdb-hint.ts';

test('sqlName and sqlString double the quotes inside', () => {
  assert.equal(sqlName('tv "spend"'), '"tv ""spend"""');
  assert.equal(sqlString("o'brien.csv"), "'o''brien.csv'");
});

test('duckdbReplaceHint: the column quoted in the expression and after AS, the file names escaped; all_varchar on request', () => {
  assert.equal(duckdbReplaceHint("q'1.csv", 'net "rev"', (c) => `-${c}`, 'fixed.csv'),
    `COPY (SELECT * REPLACE (-"net ""rev""" AS "net ""rev""") FROM 'q''1.csv') TO 'fixed.csv'`);
  assert.equal(duckdbReplaceHint('d.csv', 'date', (c) => `strptime(${c}, '%d/%m/%Y')`, "d'_iso.csv", { allVarchar: true }),
    `COPY (SELECT * REPLACE (strptime("date", '%d/%m/%Y') AS "date") FROM read_csv('d.csv', all_varchar = true)) TO 'd''_iso.csv'`);
});

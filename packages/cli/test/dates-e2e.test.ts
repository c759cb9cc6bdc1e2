// End-to-end: date problems are each one error that says why and how to fix it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mixwise, tempDir } from './run-mixwise.ts';

const dir = tempDir();
let lines: string[] = [];

before(() => {
  const sim = mixwise(['simulate', '--preset', 'retail', '--seed', '7', '--out', join(dir, 'sim')]);
  assert.equal(sim.status, 0, sim.stderr);
  lines = readFileSync(join(dir, 'sim', 'data.csv'), 'utf8').split('\n').filter((l) => l.length > 0);
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** The simulated file with each data line's date rewritten (line = file line, from 2). */
function withDates(name: string, f: (date: string, line: number) => string): string {
  const path = join(dir, name);
  writeFileSync(path, lines.map((l, i) => (i === 0 ? l : l.replace(/^[^,]+/, (d) => f(d, i + 1)))).join('\n') + '\n');
  return path;
}

test('a column named date of offset times, Excel serials or yyyymmdd is one error with the pattern and the fix, with or without --date', () => {
  const cases: [string, (d: string) => string, RegExp][] = [
    ['offset.csv', (d) => `${d}T00:00:00+02:00`, /UTC offset other than Z \(\+02:00\)/],
    ['serial.csv', (d) => String(Date.parse(d) / 86_400_000 + 25_569), /Excel serial day numbers[\s\S]*date '1899-12-30' \+ CAST\("date" AS INTEGER\)/],
    ['compact.csv', (d) => d.replace(/-/g, ''), /written as yyyymmdd[\s\S]*strptime\("date", '%Y%m%d'\)/],
  ];
  for (const [name, f, shows] of cases) {
    const file = withDates(name, f);
    for (const extra of [[], ['--date', 'date']]) {
      const r = mixwise(['validate', file, '--target', 'revenue', ...extra]);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, /✖ 1 error\n/);
      assert.match(r.stderr, /the date column "date" is written as/);
      assert.match(r.stderr, shows);
      assert.doesNotMatch(r.stderr, /no column looks like dates/);
    }
  }
});

test('weekly dates moving from Mondays to Tuesdays at line 82 are one error naming the change', () => {
  const file = withDates('weekday.csv', (d, line) => (line < 82 ? d : new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10)));
  const r = mixwise(['validate', file, '--target', 'revenue']);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /:82 column "date": weekly dates are Mondays up to row 81 \(2023-07-10\) and Tuesdays from row 82 \(2023-07-18\): the week start changed/);
  assert.match(r.stderr, /✖ 1 error\n/);
});

test('a year typo (2202 for 2022) is one error at its line naming the date the neighbours imply', () => {
  const file = withDates('year.csv', (d, line) => (line === 31 ? d.replace(/^2022/, '2202') : d));
  for (const command of [['validate', file, '--target', 'revenue'], ['fit', file, '--target', 'revenue', '--out', join(dir, 'year-out')]]) {
    const r = mixwise(command);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /✖ 1 error\n/);
    assert.match(r.stderr, /:31 column "date": the date 2202-07-25 is outside the plausible years .* probably a typo for 2022-07-25/);
    assert.doesNotMatch(r.stderr, /gap of|not in increasing order/);
  }
});

// End-to-end: every simulation preset writes its files through the real launcher.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { mixwise, readSimpleCsv, tempDir } from './run-mixwise.ts';

const root = tempDir();
after(() => rmSync(root, { recursive: true, force: true }));

for (const [preset, frequencyDays, long] of [['b2b', 7, true], ['ecommerce', 1, false], ['retail', 7, false]] as const) {
  test(`simulate --preset ${preset} exits 0 and writes data.csv + truth.json${long ? ' + long.csv' : ''}`, () => {
    const out = join(root, preset);
    const r = mixwise(['simulate', '--preset', preset, '--seed', '3', '--out', out, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const printed = JSON.parse(r.stdout) as { preset: string; seed: number; files: string[] };
    assert.equal(printed.preset, preset);
    assert.equal(printed.seed, 3);
    const expected = ['data.csv', 'truth.json', ...(long ? ['long.csv'] : [])].map((f) => join(out, f));
    assert.deepEqual(printed.files, expected);
    for (const f of expected) assert.ok(existsSync(f), f);
    assert.equal(existsSync(join(out, 'long.csv')), long);

    const csv = readSimpleCsv(join(out, 'data.csv'));
    assert.equal(csv.header[0], 'date');
    assert.ok(csv.header.includes('revenue'));
    assert.ok(csv.header.filter((h) => h.endsWith('_spend')).length >= 2);
    // consecutive dates one period apart, every spend cell a finite number ≥ 0
    const day = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;
    for (let i = 1; i < csv.rows.length; i++) assert.equal(day(csv.rows[i][0]) - day(csv.rows[i - 1][0]), frequencyDays);
    csv.header.forEach((h, j) => {
      if (!h.endsWith('_spend')) return;
      for (const row of csv.rows) assert.ok(Number(row[j]) >= 0 && row[j] !== '', `${h}: ${row[j]}`);
    });
    const truth = JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8')) as { seed: number; nTimes: number };
    assert.equal(truth.seed, 3);
    assert.equal(truth.nTimes, csv.rows.length);
  });
}

test('simulate is deterministic: the same seed writes the same data.csv', () => {
  const a = join(root, 'a'), b = join(root, 'b');
  assert.equal(mixwise(['simulate', '--preset', 'b2b', '--seed', '11', '--out', a]).status, 0);
  assert.equal(mixwise(['simulate', '--preset', 'b2b', '--seed', '11', '--out', b]).status, 0);
  assert.equal(readFileSync(join(a, 'data.csv'), 'utf8'), readFileSync(join(b, 'data.csv'), 'utf8'));
  assert.equal(readFileSync(join(a, 'long.csv'), 'utf8'), readFileSync(join(b, 'long.csv'), 'utf8'));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTotalField } from './total-field.ts';

const base = [160_000, 120_000, 100_000];
const none = [false, false, false];

test('an empty or partial total field rescales nothing', () => {
  for (const text of ['', '  ', '-5', 'e']) {
    const r = readTotalField(text, base, none, 'week');
    assert.ok('problem' in r, `"${text}" asks for no spend`);
  }
  assert.match((readTotalField('', base, none, 'week') as { problem: string }).problem, /^Type a total budget per week/);
});

test('retyping the total keeps the mix of the spend before the edit', () => {
  // Select-all + Backspace, then 5, 50, …, 500000: each rescales the same base.
  for (const text of ['', '5', '50', '500', '0', '500000']) {
    const r = readTotalField(text, base, none, 'week');
    if (!('spend' in r)) continue;
    const total = Number(text);
    r.spend.forEach((v, i) => assert.ok(Math.abs(v - (base[i] * total) / 380_000) < 1e-6, `${text}: channel ${i}`));
  }
});

test('locked channels keep their spend; a total below them is said', () => {
  const locked = [true, false, false];
  const r = readTotalField('600000', base, locked, 'week');
  assert.ok('spend' in r);
  assert.equal(r.spend[0], 160_000, 'tv keeps 160k');
  assert.ok(Math.abs(r.spend[1] - 240_000) < 1e-6 && Math.abs(r.spend[2] - 200_000) < 1e-6, 'the others share 440k in their mix');
  const low = readTotalField('100000', base, locked, 'week');
  assert.ok('problem' in low);
  assert.equal(low.problem, 'The locked channels alone spend 160,000 per week, more than 100,000: enter at least 160,000 or unlock a channel.');
  const all = readTotalField('500000', base, [true, true, true], 'week');
  assert.ok('problem' in all && /^Every channel is locked/.test(all.problem));
});

test('a total beyond the API\'s 1e15 is refused like text that is not an amount, and rescales nothing', () => {
  const r = readTotalField('1e20', base, none, 'week');
  assert.ok('problem' in r);
  assert.match(r.problem, /at most 1,000,000,000,000,000 \(1e15\) per week/);
  assert.ok('spend' in readTotalField('1e15', base, none, 'week'));
});

test('a German-style total (1.500) is refused with the dot-thousands message, the split kept', () => {
  const r = readTotalField('1.500', [1, 3], [false, false], 'week');
  assert.ok('problem' in r);
  assert.match(r.problem, /^"1\.500" looks like "\." separating thousands: read as a decimal it would be 1\.5, 1000× too small; type 1500 or 1,500/);
});

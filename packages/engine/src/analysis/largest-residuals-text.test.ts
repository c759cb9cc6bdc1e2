import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LargeResidual, LargestResiduals } from './largest-residuals.ts';
import { largestResidualsText } from './largest-residuals-text.ts';

const period = (date: string, z: number): LargeResidual => ({ date, actual: 0, fitted: 0, residual: z, z, sign: z >= 0 ? 1 : -1 });
const base: LargestResiduals = { threshold: 3.5, centre: 0, scale: 1, beyond: 0, periods: [], recurring: [] };

test('no large residual, or none computed: no words', () => {
  assert.equal(largestResidualsText(base), '');
  assert.equal(largestResidualsText(null), '');
  assert.equal(largestResidualsText(undefined), '');
});

test('the dates with signed z; past five, how many more', () => {
  assert.equal(
    largestResidualsText({ ...base, beyond: 2, periods: [period('2023-06-01', 5.04), period('2023-07-01', -4.2)] }),
    'largest residuals, in robust standard deviations: 2023-06-01 +5.0 and 2023-07-01 −4.2',
  );
  const seven = ['01', '02', '03', '04', '05', '06', '07'].map((m, i) => period(`2023-${m}-10`, 9 - i));
  assert.equal(
    largestResidualsText({ ...base, beyond: 12, periods: seven }),
    'largest residuals, in robust standard deviations: 2023-01-10 +9.0, 2023-02-10 +8.0, 2023-03-10 +7.0, 2023-04-10 +6.0, 2023-05-10 +5.0 and 7 more beyond ±3.5',
  );
});

test('a recurring group: its dates, its side of the fit and the event column to add', () => {
  const lr = { ...base, beyond: 3, periods: [period('2024-11-29', 8.3), period('2023-11-24', 7.1), period('2023-03-02', 4)], recurring: [{ dates: ['2023-11-24', '2024-11-29'], sign: 1 as const }] };
  assert.equal(
    largestResidualsText(lr),
    'largest residuals, in robust standard deviations: 2024-11-29 +8.3, 2023-11-24 +7.1 and 2023-03-02 +4.0; 2023-11-24 and 2024-11-29, both above the fit, '
      + 'come back at the same time of year: likely a recurring event the model lacks, so add an event column, 1 on those dates',
  );
  const two = { ...lr, recurring: [...lr.recurring, { dates: ['2023-12-24', '2023-12-25', '2024-12-25'], sign: -1 as const }] };
  assert.match(
    largestResidualsText(two),
    /; these groups come back at the same time of year, likely recurring events the model lacks: 2023-11-24 and 2024-11-29, both above the fit; 2023-12-24, 2023-12-25 and 2024-12-25, all below it — add an event column for each group, 1 on its dates$/,
  );
  assert.doesNotMatch(largestResidualsText(two), /[()]/, 'the CLI prints the reading inside parentheses');
});

test('largestResidualsText names the built-in holidays a recurring group falls on, as the --holidays that adds them', () => {
  const lr = {
    threshold: 3.5, centre: 0, scale: 1, beyond: 2,
    periods: [{ date: '2024-11-29', actual: 9, fitted: 1, residual: 8, z: 8.3, sign: 1 as const }, { date: '2023-11-24', actual: 8, fitted: 1, residual: 7, z: 7.1, sign: 1 as const }],
    recurring: [{ dates: ['2023-11-24', '2024-11-29'], sign: 1 as const }],
  };
  const one = largestResidualsText(lr, [['black-friday']]);
  assert.match(one, /they fall on black-friday, so --holidays black-friday adds it \(or add an event column, 1 on those dates\)$/);
  assert.match(largestResidualsText(lr, [['black-friday', 'us-thanksgiving']]), /--holidays black-friday,us-thanksgiving adds them/);
  // No match: the plain advice, as before.
  assert.match(largestResidualsText(lr, [[]]), /so add an event column, 1 on those dates$/);
  assert.equal(largestResidualsText(lr), largestResidualsText(lr, [[]]));
  const two = { ...lr, recurring: [...lr.recurring, { dates: ['2023-03-12', '2024-03-12'], sign: -1 as const }] };
  const text = largestResidualsText(two, [['black-friday'], []]);
  assert.match(text, /both above the fit \(--holidays black-friday\); 2023-03-12 and 2024-03-12, both below it — add an event column for each group, 1 on its dates, or the built-in holidays named$/);
});

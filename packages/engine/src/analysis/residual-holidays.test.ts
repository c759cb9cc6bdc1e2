import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate, dayNumber } from '../calendar/dates.ts';
import { residualHolidays } from './residual-holidays.ts';
import { largestResidualsText } from './largest-residuals-text.ts';
import type { MmmModel } from '../model/mmm-model.ts';

type Part = Pick<MmmModel, 'dates' | 'frequency' | 'window' | 'baseline' | 'holidayCalendar'>;

/** Dates every `step` days from `first`, over about two years. */
function dates(first: string, step: number): string[] {
  const d0 = dayNumber(first);
  return Array.from({ length: Math.floor(730 / step) }, (_, i) => isoDate(d0 + i * step));
}

function model(ds: string[], frequency: 'weekly' | 'daily', extra: Partial<Part> = {}): Part {
  return { dates: ds, frequency, window: { start: 0, end: ds.length }, baseline: [], ...extra };
}

test('weeks labelled by their last day: the advice places holidays in the week before the date', () => {
  // Sundays: the weeks ending 2023-11-26 and 2024-12-01 hold Thanksgiving and Black Friday; read as
  // starting on their date they would hold Cyber Monday instead.
  const sundays = dates('2023-01-01', 7);
  const group = [['2023-11-26', '2024-12-01']];
  const asStart = residualHolidays(model(sundays, 'weekly'), group)[0];
  assert.ok(!asStart.includes('us-thanksgiving') && !asStart.includes('black-friday'), asStart.join());
  const asEnd = residualHolidays(model(sundays, 'weekly', { holidayCalendar: { names: ['uk'], weekLabel: 'end' } }), group)[0];
  assert.equal(asEnd.length, 1);
  assert.ok(['us-thanksgiving', 'black-friday'].includes(asEnd[0]), asEnd[0]);
});

test('a holiday on the same dates as a modelled one is not suggested, whatever its id', () => {
  const days = dates('2023-01-01', 1);
  const whit = [['2023-05-29', '2024-05-20']];
  assert.deepEqual(residualHolidays(model(days, 'daily'), whit)[0].length, 1);
  const de = { name: 'holiday_de_whit_monday', kind: 'event' as const, values: days.map(() => 0), coef: 1, holidays: ['de-whit-monday'] };
  assert.deepEqual(residualHolidays(model(days, 'daily', { baseline: [de] }), whit), [[]]);
});

test('the --holidays advice keeps the holidays asked for and the week label', () => {
  const lr = { periods: [{ date: '2023-11-26', z: 6 }, { date: '2024-12-01', z: 7 }], beyond: 2, threshold: 3, recurring: [{ dates: ['2023-11-26', '2024-12-01'], sign: 1 }] };
  const text = largestResidualsText(lr as never, [['black-friday']], { names: ['uk'], weekLabel: 'end' });
  assert.match(text, /so --holidays uk,black-friday --week-label end adds it/);
  assert.match(largestResidualsText(lr as never, [['black-friday']]), /so --holidays black-friday adds it/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel } from '../model/mmm-model.ts';
import { dayNumber, isoDate } from '../calendar/dates.ts';
import { planHolidaysOf, planHolidayPeriods } from './plan-holidays.ts';
import { planHolidaysText } from './plan-holidays-text.ts';
import { planPeriods } from './plan-periods.ts';
import type { PlanModel } from './plan-types.ts';

/** 104 Mondays up to 2024-11-11, with a Black Friday event (1 in the weeks of 2022-11-21 and 2023-11-20). */
function model(weekLabel?: 'start' | 'end'): MmmModel {
  const last = dayNumber('2024-11-11');
  const dates = Array.from({ length: 104 }, (_, i) => isoDate(last - 7 * (103 - i)));
  const values = dates.map((d) => (d === '2022-11-21' || d === '2023-11-20' ? 1 : 0));
  return {
    dates, frequency: 'weekly', window: { start: 0, end: 104 },
    baseline: [{ name: 'holiday_black_friday', kind: 'event', values, coef: 500, holidays: ['black-friday'] }, { name: 'trend', kind: 'trend', values: dates.map(() => 1), coef: 2 }],
    ...(weekLabel === undefined ? {} : { holidayCalendar: { names: ['retail'], weekLabel } }),
  } as unknown as MmmModel;
}

test('a plan after 2024-11-11 has Black Friday in its week of 2024-11-25, and its KPI the event coefficient there', () => {
  const holidays = planHolidaysOf(model('start'), { start: 0, end: 104 });
  assert.ok(holidays !== undefined);
  const placed = planHolidayPeriods(holidays, 4);
  assert.deepEqual(placed.periods, [
    { date: '2024-11-18', holidays: [] }, { date: '2024-11-25', holidays: ['black-friday'] },
    { date: '2024-12-02', holidays: [] }, { date: '2024-12-09', holidays: [] },
  ]);
  // One Black Friday week in 4, against the reference rate of 2 in 104.
  assert.ok(Math.abs(placed.kpi - 500 * (1 - 4 * (2 / 104))) < 1e-9);
  // Labelled by their last day, the week "2024-12-02" is Nov 26 – Dec 2: Black Friday moves there.
  const byEnd = planHolidayPeriods(planHolidaysOf(model('end'), { start: 0, end: 104 }) ?? holidays, 4);
  assert.deepEqual(byEnd.periods.map((p) => p.holidays.length), [0, 0, 1, 0]);
});

test('planPeriods adds the holidays to the window KPI of the plan and of current spend alike', () => {
  const holidays = planHolidaysOf(model('start'), { start: 0, end: 104 });
  const ch = { name: 'tv', current: 10, coef: 100, gain: 1 / 10, saturation: { type: 'hill' as const, halfSaturation: 1, shape: 1 }, weights: [1], scale: 10, history: [] };
  const plain: PlanModel = { channels: [ch], baseline: 1000 };
  const a = planPeriods(plain, { periods: 4, budget: { total: 40 } });
  const b = planPeriods({ ...plain, ...(holidays === undefined ? {} : { holidays }) }, { periods: 4, budget: { total: 40 } });
  assert.ok(a.feasible && b.feasible);
  if (!a.feasible || !b.feasible) return;
  assert.equal(a.holidays, undefined);
  const shift = b.holidays?.kpi ?? NaN;
  assert.ok(Math.abs(b.kpi.current.window - a.kpi.current.window - shift) < 1e-6);
  assert.ok(Math.abs(b.kpi.recommended.window - a.kpi.recommended.window - shift) < 1e-6);
  assert.ok(Math.abs(b.kpi.lift.total - a.kpi.lift.total) < 1e-6);
});

/** The model with its Black Friday event renamed (a file's own column) and its recorded ids removed or kept. */
function renamed(m: MmmModel, name: string, ids: boolean, values?: number[]): MmmModel {
  const [b, ...rest] = m.baseline;
  const { holidays: _, ...plain } = b;
  return { ...m, baseline: [{ ...(ids ? b : plain), name, ...(values === undefined ? {} : { values }) }, ...rest] } as MmmModel;
}

test('a file event column a requested holiday was found equal to is placed on that holiday\'s dates, and the text says so', () => {
  const h = planHolidaysOf(renamed(model('start'), 'black_friday', true), { start: 0, end: 104 });
  assert.ok(h !== undefined);
  const placed = planHolidayPeriods(h, 4);
  assert.deepEqual(placed.periods.map((p) => p.holidays), [[], ['black-friday'], [], []]);
  assert.deepEqual(placed.events, [{ name: 'black_friday', holidays: ['black-friday'], placed: true }]);
  const text = planHolidaysText(placed, (v) => v.toFixed(0));
  assert.match(text, /^holidays from --holidays in the plan: black-friday \(2024-11-25\); they change the KPI inside the window by \+462 /);
  assert.match(text, /the file's event black_friday \(black-friday\) marks the same periods as the holidays and is placed on their dates/);
});

test('no holiday in the plan: the text explains the amount as the holiday events\' average taken out of the baseline', () => {
  const h = planHolidaysOf(model('start'), { start: 0, end: 104 });
  assert.ok(h !== undefined);
  const placed = planHolidayPeriods(h, 1);
  assert.deepEqual(placed.periods[0].holidays, []);
  assert.match(planHolidaysText(placed, (v) => v.toFixed(1)), /^no holiday from --holidays falls in the plan's 1 periods, so the KPI inside the window is -9\.6 against the reference periods' average: the plan's baseline takes the holiday events' average over the reference periods out/);
});

test('without model.holidayCalendar: holiday_<id> events are placed when the holiday dates reproduce their past values, else kept flat and said so', () => {
  // A fit of a prepared table: the event is named like a built-in holiday but records no ids.
  const h = planHolidaysOf(renamed(model(), 'holiday_black_friday', false), { start: 0, end: 104 });
  assert.ok(h !== undefined);
  assert.equal(h.calendar, 'inferred');
  const placed = planHolidayPeriods(h, 4);
  assert.deepEqual(placed.periods.map((p) => p.holidays.length), [0, 1, 0, 0]);
  assert.match(planHolidaysText(placed, String), /^built-in holidays in the plan: black-friday \(2024-11-25\).*model\.json records no holiday calendar .*holiday_black_friday is placed by its holiday ids, with weekly dates read as the first day of their week, which reproduces its past values$/);
  // Past values a week off the holiday's dates: kept at the average.
  const off = model().dates.map((d) => (d === '2022-11-14' || d === '2023-11-13' ? 1 : 0));
  const f = planHolidaysOf(renamed(model(), 'holiday_black_friday', true, off), { start: 0, end: 104 });
  assert.ok(f !== undefined);
  const kept = planHolidayPeriods(f, 4);
  assert.equal(kept.kpi, 0);
  assert.deepEqual(kept.events, [{ name: 'holiday_black_friday', holidays: ['black-friday'], placed: false }]);
  assert.match(planHolidaysText(kept, String), /^holiday_black_friday is kept at its reference-period average in every planned period, not placed on the holidays' dates: model\.json records no holiday calendar/);
  // An event that is no holiday is none of this.
  assert.equal(planHolidaysOf(renamed(model(), 'promo', false), { start: 0, end: 104 }), undefined);
});

test('daily data: a file event new_year that us-new-year was merged into puts New Year on the plan\'s 2025-01-01', () => {
  const last = dayNumber('2024-12-31');
  const dates = Array.from({ length: 730 }, (_, i) => isoDate(last - (729 - i)));
  const values = dates.map((d) => (d.endsWith('-01-01') ? 1 : 0));
  const m = {
    dates, frequency: 'daily', window: { start: 0, end: 730 }, holidayCalendar: { names: ['us'] },
    baseline: [{ name: 'new_year', kind: 'event', values, coef: -300, holidays: ['us-new-year'] }],
  } as unknown as MmmModel;
  const h = planHolidaysOf(m, { start: 0, end: 730 });
  assert.ok(h !== undefined);
  const placed = planHolidayPeriods(h, 3);
  assert.deepEqual(placed.periods, [{ date: '2025-01-01', holidays: ['us-new-year'] }, { date: '2025-01-02', holidays: [] }, { date: '2025-01-03', holidays: [] }]);
  // One New Year's Day in 3 periods against the reference rate (2024-01-01 alone in these 730 days).
  assert.ok(Math.abs(placed.kpi - -300 * (1 - 3 * (1 / 730))) < 1e-9, String(placed.kpi));
  assert.match(planHolidaysText(placed, (v) => v.toFixed(0)), /^holidays from --holidays in the plan: us-new-year \(2025-01-01\); .*the file's event new_year \(us-new-year\) marks the same periods/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel } from '../model/mmm-model.ts';
import { dayNumber, isoDate } from '../calendar/dates.ts';
import { planHolidaysOf, planHolidayPeriods } from './plan-holidays.ts';
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
  assert.equal(planHolidaysOf(model(), { start: 0, end: 104 }), undefined);
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

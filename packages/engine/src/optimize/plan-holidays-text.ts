import type { PlanHolidayPeriods } from './plan-holidays.ts';

/**
 * The line under a plan's KPI about built-in holidays (`mixwise optimize --periods`, the API's
 * `holidays.text`): which fall in which periods, through which of the file's own event columns, what
 * they change in the window's KPI and why, and which holiday events are kept at their average instead
 * (and why); '' when the model has no holiday events.
 * @param placed planHolidayPeriods' result
 * @param amount formats a KPI amount
 * @example planHolidaysText(placed, String) // 'holidays from --holidays in the plan: black-friday (2024-11-25); they change the KPI inside the window by +423 …'
 */
export function planHolidaysText(placed: PlanHolidayPeriods, amount: (v: number) => string): string {
  const recorded = placed.calendar === 'recorded';
  const on = placed.periods.filter((p) => p.holidays.length > 0).map((p) => `${p.holidays.join(', ')} (${p.date})`);
  const signed = amount(placed.kpi);
  const kpi = /^[-\u2212]/.test(signed) ? signed : `+${signed}`;
  const parts: string[] = [];
  const put = placed.events.filter((e) => e.placed);
  if (put.length > 0) {
    // The baseline otherwise counts every holiday at its past rate in every period.
    const why = `the plan's baseline takes the holiday events' average over the reference periods out and puts each event's effect on the periods its holidays fall in (for the plan and current spend alike)`;
    parts.push(on.length > 0
      ? `${recorded ? 'holidays from --holidays' : 'built-in holidays'} in the plan: ${on.join(', ')}; they change the KPI inside the window by ${kpi} against the reference periods' average: ${why}`
      : `${recorded ? 'no holiday from --holidays' : 'no built-in holiday'} falls in the plan's ${placed.periods.length} periods, so the KPI inside the window is ${kpi} against the reference periods' average: ${why}`);
    // A requested holiday found equal to one of the file's event columns was not added: that column stands for it.
    const file = put.filter((e) => !e.name.startsWith('holiday_'));
    if (file.length > 0) parts.push(`the file's ${file.length === 1 ? 'event' : 'events'} ${file.map((e) => `${e.name} (${e.holidays.join(', ')})`).join(', ')} ${file.length === 1 ? 'marks the same periods as the holidays and is' : 'mark the same periods as the holidays and are'} placed on their dates`);
    if (!recorded) {
      const label = placed.weekLabel === undefined ? '' : `, with weekly dates read as the ${placed.weekLabel === 'end' ? 'last' : 'first'} day of their week`;
      parts.push(`model.json records no holiday calendar (a model written before it was, or a fit of a prepared table): ${put.map((e) => e.name).join(', ')} ${put.length === 1 ? 'is' : 'are'} placed by ${put.length === 1 ? 'its' : 'their'} holiday ids${label}, which reproduces ${put.length === 1 ? 'its' : 'their'} past values`);
    }
  }
  const flat = placed.events.filter((e) => !e.placed);
  if (flat.length > 0) {
    const why = recorded ? 'their past values do not follow the holidays\' dates' : 'model.json records no holiday calendar and their past values do not follow the holidays\' dates by either week label';
    parts.push(`${flat.map((e) => e.name).join(', ')} ${flat.length === 1 ? 'is' : 'are'} kept at ${flat.length === 1 ? 'its' : 'their'} reference-period average in every planned period, not placed on the holidays' dates: ${why}`);
  }
  return parts.join('; ');
}

// End-to-end: `mixwise fit --holidays` adds built-in holiday events that reach the outputs like any
// event; unknown names are usage errors; the config's holidays: key does the same.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mixwise, readSimpleCsv, STACK_LINE, tempDir } from './run-mixwise.ts';

const dir = tempDir();
const data = join(dir, 'sim', 'data.csv');

before(() => {
  const sim = mixwise(['simulate', '--preset', 'retail', '--seed', '3', '--out', join(dir, 'sim')]);
  assert.equal(sim.status, 0, sim.stderr);
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('--holidays US,retail on weekly data: events added, same-week holidays merged, in decomposition.csv and model.json', () => {
  const out = join(dir, 'fit');
  const r = mixwise(['fit', data, '--target', 'revenue', '--holidays', 'US,retail', '--no-auto-events', '--iterations', '200', '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^holidays: added 18 events: holiday_us_new_year, /m);
  // Thanksgiving and Black Friday always fall in the same Monday week: one event for both.
  assert.match(r.stderr, /holiday_us_thanksgiving \(also black-friday: same weeks\)/);
  assert.match(r.stderr, /weekly dates read as the first day of their week/);
  assert.match(r.stderr, /each event costs a degree of freedom \(18 on 156 weeks\)/);
  const header = readSimpleCsv(join(out, 'decomposition.csv')).header;
  assert.ok(header.includes('holiday_us_thanksgiving') && header.includes('holiday_christmas_shopping'), header.join(','));
  assert.ok(!header.includes('holiday_black_friday'));
  const model = readFileSync(join(out, 'model.json'), 'utf8');
  assert.match(model, /"holiday_cyber_monday"/);
  // The request and the week label are recorded, for the residual advice.
  assert.deepEqual((JSON.parse(model) as { holidayCalendar?: unknown }).holidayCalendar, { names: ['us', 'retail'], weekLabel: 'start' });
  // A plan over the next 12 weeks places the holidays on its own dates, in the JSON and the text.
  const o = mixwise(['optimize', '--model', out, '--periods', '12', '--json']);
  assert.equal(o.status, 0, o.stderr);
  const plan = (JSON.parse(o.stdout) as { plan: { dates: string[]; holidays?: { periods: { date: string; holidays: string[] }[]; kpi: number } } }).plan;
  assert.deepEqual(plan.holidays?.periods.map((p) => p.date), plan.dates);
  assert.ok(plan.holidays.periods.some((p) => p.holidays.length > 0), JSON.stringify(plan.holidays));
  const text = mixwise(['optimize', '--model', out, '--periods', '12']);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /holidays from --holidays in the plan: [a-z-]+.* \(\d{4}-\d{2}-\d{2}\)/);
});

test('an unknown holiday id is a usage error (exit 2) listing the known sets and ids; nothing is written', () => {
  const out = join(dir, 'fit-unknown');
  const r = mixwise(['fit', data, '--target', 'revenue', '--holidays', 'us,blackfriday', '--out', out]);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /unknown holiday set or id 'blackfriday' \(did you mean black-friday\?\)/);
  assert.match(r.stderr, /known sets are us, uk, de, fr, retail; known ids are us-new-year, .*black-friday/);
  assert.doesNotMatch(r.stderr, STACK_LINE);
  assert.equal(existsSync(out), false);
});

test('--week-label without --holidays is a usage error', () => {
  const r = mixwise(['fit', data, '--target', 'revenue', '--week-label', 'end', '--out', join(dir, 'fit-label')]);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /--week-label only applies with --holidays/);
});

test('config holidays: [retail] with holiday_columns: set and week_label: end gives one holiday_retail event', () => {
  const config = join(dir, 'mixwise.yaml');
  writeFileSync(config, ['version: 1', 'data:', '  path: sim/data.csv', 'columns:', '  target: revenue', '  events: []',
    'holidays: [Retail]', 'holiday_columns: set', 'week_label: end', 'search:', '  iterations: 200', ''].join('\n'));
  const r = mixwise(['fit', '--config', config, '--out', join(dir, 'fit-config')]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^holidays: added 1 event: holiday_retail \(valentines, easter-weekend, mothers-day-us, black-friday, /m);
  assert.match(r.stderr, /weekly dates read as the last day of their week/);
  const calendar = (JSON.parse(readFileSync(join(dir, 'fit-config', 'model.json'), 'utf8')) as { holidayCalendar?: unknown }).holidayCalendar;
  assert.deepEqual(calendar, { names: ['Retail'], weekLabel: 'end', columns: 'set' });
  // prepare reports the holiday events as fit does.
  const p = mixwise(['prepare', '--config', config, '--out', join(dir, 'prepared')]);
  assert.equal(p.status, 0, p.stderr);
  assert.match(p.stderr, /^holidays: added 1 event: holiday_retail \(/m);
  assert.match(p.stderr, /weekly dates read as the last day of their week/);
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, ['version: 1', 'data:', '  path: sim/data.csv', 'columns:', '  target: revenue', 'holidays: [us, xmas]', ''].join('\n'));
  const b = mixwise(['fit', '--config', bad, '--out', join(dir, 'fit-bad')]);
  assert.equal(b.status, 1, b.stderr);
  assert.match(b.stderr, /unknown holiday set or id 'xmas'/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CleaningRoles } from '../change.ts';
import { parseCsvText } from '../../read/read-csv.ts';
import { runCleaning, skipAfterFillGaps } from '../run-cleaning.ts';
import { SKIPPED_KPI_REASON, missingInText, skipMissingKpi } from './skip-missing-kpi.ts';
import { refused } from '../../../test/refused.ts';

const ROLES: CleaningRoles = { date: 'date', target: 'y', spend: ['tv_spend'], controls: [], events: [] };

function weeks(kpi: readonly string[]): string {
  const days = kpi.map((_, i) => new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10));
  return 'date,y,tv_spend\n' + kpi.map((y, i) => `${days[i]},${y},${10 + i}`).join('\n') + '\n';
}

test('skipMissingKpi: an empty or NA KPI inside the window is kept, left empty, marked not observed and logged; spend stays', () => {
  const csv = parseCsvText(weeks(['5', '', '7', 'NA', '9']), 'd.csv');
  const { table, changes } = skipMissingKpi(csv, { roles: ROLES });
  assert.deepEqual(table.rows.map((r) => r[1]), ['5', '', '7', '', '9']);
  assert.deepEqual(table.rows.map((r) => r[2]), ['10', '11', '12', '13', '14']);
  assert.deepEqual([...table.kpiNotObserved ?? []], ['2024-01-08', '2024-01-22']);
  assert.deepEqual(changes, [
    { step: 'skip-missing-kpi', column: 'y', row: 3, date: '2024-01-08', before: '', after: '', reason: SKIPPED_KPI_REASON },
    { step: 'skip-missing-kpi', column: 'y', row: 5, date: '2024-01-22', before: 'NA', after: '', reason: SKIPPED_KPI_REASON },
  ]);
  assert.equal(csv.rows[3][1], 'NA', 'the input is not modified');
  assert.deepEqual(skipMissingKpi(parseCsvText(weeks(['5', '6', '7']), 'd.csv'), { roles: ROLES }).changes, [], 'no missing KPI, no change');
});

test('skipMissingKpi: a missing KPI at the window\'s first or last period is KPI_MISSING_AT_EDGE naming the date to move it to', () => {
  const err = refused(() => skipMissingKpi(parseCsvText(weeks(['', '6', '7', '', '9', '10', '']), 'd.csv'), { roles: ROLES, hints: 'flag' }));
  assert.deepEqual(err.issues.map((i) => [i.code, i.at.row, i.at.column]), [['KPI_MISSING_AT_EDGE', 2, 'y'], ['KPI_MISSING_AT_EDGE', 8, 'y']]);
  assert.match(err.issues[0].hint, /^start the window at 2024-01-08, the first period with a KPI \(--start 2024-01-08\): trimming is better/);
  assert.match(err.issues[1].hint, /^end the window at 2024-02-05, the last period with a KPI \(--end 2024-02-05\)/);
  const config = refused(() => skipMissingKpi(parseCsvText(weeks(['6', '7', '']), 'd.csv'), { roles: ROLES, hints: 'config' }));
  assert.match(config.issues[0].hint, /"window: \{ end: 2024-01-08 \}" in mixwise\.yaml/);
  // Warm-up rows before kpiFrom are not fitted: a blank KPI there is neither an edge nor skipped.
  const warm = skipMissingKpi(parseCsvText(weeks(['', '', '7', '', '9']), 'd.csv'), { roles: ROLES, kpiFrom: '2024-01-15' });
  assert.deepEqual(warm.changes.map((c) => c.date), ['2024-01-22']);
});

test('skipMissingKpi: more than half of the fitted periods without a KPI is KPI_MOSTLY_MISSING', () => {
  const err = refused(() => skipMissingKpi(parseCsvText(weeks(['5', '', '', '', '9']), 'd.csv'), { roles: ROLES }));
  assert.deepEqual(err.issues.map((i) => [i.code, i.at.column]), [['KPI_MOSTLY_MISSING', 'y']]);
  assert.match(err.issues[0].message, /3 of the 5 periods of the modeling window \(a holdout's periods included\) have no KPI "y"/);
  // Exactly half is allowed.
  assert.equal(skipMissingKpi(parseCsvText(weeks(['5', '', '', '8']), 'd.csv'), { roles: ROLES }).changes.length, 2);
});

test('runCleaning: with fill_gaps and skip_missing_kpi a missing week is inserted with its KPI not observed, not KPI_GAP; without it, KPI_GAP', () => {
  const csv = parseCsvText('date,y,tv_spend\n2024-01-01,5,10\n2024-01-08,6,20\n2024-01-22,7,30\n2024-01-29,8,40\n', 'd.csv');
  const { table, changes, summary } = runCleaning(csv, ROLES, [{ type: 'skip-missing-kpi' }, { type: 'fill-gaps' }]);
  assert.deepEqual(table.rows[2], ['2024-01-15', '', '0']);
  assert.deepEqual([...table.kpiNotObserved ?? []], ['2024-01-15']);
  assert.deepEqual(summary, [{ step: 'fill-gaps', changes: 2 }, { step: 'skip-missing-kpi', changes: 1 }], 'skip-missing-kpi runs after fill-gaps');
  assert.match(changes[0].reason, /its KPI "y" is left empty \(not observed: skip_missing_kpi leaves it out of the fit\)/);
  assert.deepEqual(changes[2], { step: 'skip-missing-kpi', column: 'y', row: null, date: '2024-01-15', before: null, after: '', reason: SKIPPED_KPI_REASON });
  assert.throws(() => runCleaning(csv, ROLES, [{ type: 'fill-gaps' }]), /KPI_GAP|cannot be invented/);
});

test('skipAfterFillGaps: moves skip-missing-kpi after fill-gaps only when listed before it', () => {
  assert.deepEqual(skipAfterFillGaps([{ type: 'skip-missing-kpi' }, { type: 'sort-dates' }, { type: 'fill-gaps' }, { type: 'winsorize' }]).map((s) => s.type),
    ['sort-dates', 'fill-gaps', 'skip-missing-kpi', 'winsorize']);
  assert.deepEqual(skipAfterFillGaps([{ type: 'skip-missing-kpi' }, { type: 'winsorize' }]).map((s) => s.type), ['skip-missing-kpi', 'winsorize']);
});

test('runCleaning: with sum_panel and skip_missing_kpi, a date where one geo has no KPI gets no total, and is left out of the fit', () => {
  const lines = ['date,geo,y,tv_spend'];
  for (let w = 0; w < 4; w++) {
    const date = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
    for (const geo of ['north', 'south']) lines.push(`${date},${geo},${w === 1 && geo === 'south' ? '' : 10 + w},${5 + w}`);
  }
  const csv = parseCsvText(`${lines.join('\n')}\n`, 'geo.csv');
  const { table, changes } = runCleaning(csv, ROLES, [{ type: 'sum-panel', column: 'geo' }, { type: 'skip-missing-kpi' }]);
  assert.deepEqual(table.rows.map((r) => r[table.header.indexOf('y')]), ['20', '', '24', '26']);
  assert.deepEqual([...table.kpiNotObserved ?? []], ['2024-01-08']);
  const skipped = changes.filter((c) => c.step === 'skip-missing-kpi');
  assert.equal(skipped.length, 1);
  // The summed row's line is north's (line 4): the change names the geo without a KPI and its line.
  assert.deepEqual([skipped[0].row, skipped[0].kpiMissingIn], [4, ['geo=south (line 5)']]);
  assert.equal(skipped[0].reason, 'no KPI in geo=south (line 5): period left out of the fit; its spend still carries over');
  assert.deepEqual(table.summedRows?.get(4), { date: '2024-01-08', lines: [4, 5], kpiMissingIn: ['geo=south (line 5)'] });
  // A geo's KPI written NaN is missing too; both geos are named when both lack it.
  const nan = parseCsvText(`${lines.map((l, n) => (n === 4 ? l.replace(',,', ',NaN,') : n === 3 ? l.replace(',11,', ',nan,') : l)).join('\n')}\n`, 'geo.csv');
  const both = runCleaning(nan, ROLES, [{ type: 'sum-panel', column: 'geo' }, { type: 'skip-missing-kpi' }]).changes.filter((c) => c.step === 'skip-missing-kpi');
  assert.deepEqual(both.map((c) => c.kpiMissingIn), [['geo=north (line 4)', 'geo=south (line 5)']]);
  assert.match(both[0].reason, /^no KPI in geo=north \(line 4\) and geo=south \(line 5\): /);
  assert.throws(() => runCleaning(csv, ROLES, [{ type: 'sum-panel', column: 'geo' }]), /total of its date cannot be computed/, 'without the step, refused as before');
});

test('skipMissingKpi: a KPI written NaN or nan (Python\'s csv for a missing float) is left out like an empty one; Infinity is not', () => {
  const csv = parseCsvText(weeks(['5', 'NaN', '7', 'nan', '9', 'Inf', '11']), 'd.csv');
  const { table, changes } = skipMissingKpi(csv, { roles: ROLES });
  assert.deepEqual(table.rows.map((r) => r[1]), ['5', '', '7', '', '9', 'Inf', '11']);
  assert.deepEqual([...table.kpiNotObserved ?? []], ['2024-01-08', '2024-01-22']);
  assert.deepEqual(changes.map((c) => [c.row, c.before, c.after, c.reason]), [[3, 'NaN', '', SKIPPED_KPI_REASON], [5, 'nan', '', SKIPPED_KPI_REASON]]);
});

test('missingInText: the rows joined in words, a long list shortened', () => {
  assert.equal(missingInText(['geo=a (line 2)']), 'geo=a (line 2)');
  assert.equal(missingInText(['a', 'b', 'c', 'd', 'e']), 'a, b, c and 2 more');
});

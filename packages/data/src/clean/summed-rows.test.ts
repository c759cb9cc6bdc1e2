import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CsvTable } from '../read/read-csv.ts';
import { readOutcomeFromText } from '../validate/read-outcome.ts';
import { runRules } from '../validate/run-rules.ts';
import { checkAndClean } from './check-and-clean.ts';
import { summedRowName } from './summed-rows.ts';
import { rowIssuePlace } from './inserted-rows.ts';
import { sumPanel } from './steps/sum-panel.ts';
import { parseCsvText } from '../read/read-csv.ts';

/**
 * A panel of 30 weeks × 2 geos, geo by geo (north on lines 2–31, south on 32–61), as Meridian's geo
 * files are laid out. Week 10's tv spend is 0 in north and tiny in south, so the national sum is an
 * outlier of the summed series, while line 11 alone is north's row (spend 0).
 */
function panelText(): string {
  const lines = ['date,geo,sales,tv_spend'];
  for (const [g, geo] of ['north', 'south'].entries()) {
    for (let w = 0; w < 30; w++) {
      const date = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
      const tv = w === 9 ? (g === 0 ? 0 : 40000) : 1000 + 37 * ((w * 7 + g) % 11);
      lines.push(`${date},${geo},${5000 + 100 * g + 13 * w},${tv}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

test('after sum_panel, an issue on a summed row names its date and the lines added up, not one geo\'s line', () => {
  const read = readOutcomeFromText(panelText(), 'geo.csv');
  const { validation } = checkAndClean(read, { target: 'sales' }, { steps: [{ type: 'sum-panel', column: 'geo' }] });
  const outlier = validation.issues.find((i) => i.code === 'EXTREME_OUTLIER' && i.at.column === 'tv_spend');
  assert.ok(outlier, validation.issues.map((i) => i.message).join('\n'));
  assert.equal(outlier.at.row, undefined, 'line 11 is north\'s row alone (spend 0): not the summed value');
  assert.match(outlier.message, /^in the summed row for 2024-03-04 \(2 rows: lines 11, 41\): value 40000 is /);
});

test('summedRowName joins consecutive lines and shortens a long list; rowIssuePlace names a summed row', () => {
  assert.equal(summedRowName({ date: '2024-01-01', lines: [2, 3, 4] }), 'the summed row for 2024-01-01 (lines 2–4)');
  assert.equal(summedRowName({ date: '2024-01-01', lines: [11, 167, 323, 479, 635, 791] }), 'the summed row for 2024-01-01 (6 rows: lines 11, 167, 323, 479, …, 791)');
  const { table } = sumPanel(parseCsvText(panelText(), 'geo.csv'), { roles: { date: 'date', target: 'sales', spend: ['tv_spend'], controls: [], events: [] }, column: 'geo' });
  const place = rowIssuePlace(table as CsvTable, 0, 'sales', 'the KPI value is empty');
  assert.deepEqual(place, { message: 'in the summed row for 2024-01-01 (2 rows: lines 2, 32): the KPI value is empty', at: { column: 'sales' } });
});

test('validate on a raw panel: no outlier warnings across rows of different geos, one note in skipped saying why and how', () => {
  const result = runRules(readOutcomeFromText(panelText(), 'geo.csv'), { target: 'sales' });
  assert.equal(result.issues.filter((i) => i.code === 'EXTREME_OUTLIER').length, 0);
  const note = result.skipped.find((s) => s.startsWith('outlier checks'));
  assert.ok(note, result.skipped.join('\n'));
  assert.match(note, /panel, one row per date and geo.*--clean sum_panel=geo/);
});

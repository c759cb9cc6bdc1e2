import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readOutcomeFromText } from '../validate/read-outcome.ts';
import { baseCells, toText } from '../../test/make-csv.ts';
import { BASE_ROLES } from '../../test/rule-case.ts';
import { checkAndClean } from './check-and-clean.ts';

/** The base file with tv_impressions (cell empty on 2024-01-08) and the week 2024-01-15 missing. */
function withGapAndImpressions(column = 'tv_impressions'): string {
  const cells = baseCells().map((r, i) => [...r, i === 0 ? column : i === 2 ? '' : String(1000 * i)]);
  return toText([...cells.slice(0, 3), ...cells.slice(4)]);
}

const steps = [{ type: 'fill-gaps' as const }, { type: 'skip-missing-kpi' as const }, { type: 'impute-controls' as const }];

test('fill_gaps with --media exposure: the paired exposure column gets 0 in the inserted week and in its empty cells, logged', () => {
  const checked = checkAndClean(readOutcomeFromText(withGapAndImpressions(), 'd.csv'), BASE_ROLES, { steps, pairExposure: true });
  const j = checked.csv.header.indexOf('tv_impressions');
  assert.deepEqual(checked.csv.rows.slice(0, 4).map((r) => [r[0], r[j]]), [['2024-01-01', '1000'], ['2024-01-08', '0'], ['2024-01-15', '0'], ['2024-01-22', '4000']]);
  const logged = (checked.cleaning?.changes ?? []).filter((c) => c.column === 'tv_impressions').map((c) => [c.date, c.after, c.reason]);
  assert.deepEqual(logged, [['2024-01-08', '0', 'no exposure recorded: 0'], ['2024-01-15', '0', 'inserted period: no exposure']]);
});

test('fill_gaps with a config\'s exposure: mapping fills that column; without either, exposure is left as it is', () => {
  const mapped = checkAndClean(readOutcomeFromText(withGapAndImpressions('tv_imps_total'), 'd.csv'), BASE_ROLES, { steps, exposure: ['tv_imps_total'] });
  const j = mapped.csv.header.indexOf('tv_imps_total');
  assert.deepEqual(mapped.csv.rows.slice(1, 3).map((r) => r[j]), ['0', '0']);
  const plain = checkAndClean(readOutcomeFromText(withGapAndImpressions(), 'd.csv'), BASE_ROLES, { steps });
  const k = plain.csv.header.indexOf('tv_impressions');
  assert.deepEqual(plain.csv.rows.slice(1, 3).map((r) => r[k]), ['', '']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../read/read-csv.ts';
import { fillMissingKpiDays } from './kpi-missing-days.ts';

test('fillMissingKpiDays: a day between the first and last date without a row gets one with 0 per KPI, appended, with one warning counting them', () => {
  const text = 'date,geo,deals,pipeline\r\n2024-01-01,NA,3,100\r\n2024-01-02,NA,1,50\r\n2024-01-05,EU,2,70\r\n';
  const out = fillMissingKpiDays(parseCsvText(text, 'crm.csv'), text);
  assert.equal(out.text, text + '2024-01-03,,0,0\r\n2024-01-04,,0,0\r\n');
  assert.equal(out.warning?.code, 'KPI_DAYS_FILLED');
  assert.equal(out.warning?.severity, 'warning');
  assert.match(out.warning?.message ?? '', /^crm\.csv has no row on 2 days between 2024-01-01 and 2024-01-05: read as 0 deals, pipeline \(sources\.kpi_missing_days: zero\): 2024-01-03, 2024-01-04$/);
  assert.deepEqual(out.warning?.details?.filledDates, ['2024-01-03', '2024-01-04']);
});

test('fillMissingKpiDays: a weekly file, or a daily file without gaps, is left as it is', () => {
  const weekly = 'date,revenue\n2024-01-01,1\n2024-01-08,2\n2024-01-22,3\n';
  assert.deepEqual(fillMissingKpiDays(parseCsvText(weekly, 'k.csv'), weekly), { text: weekly });
  const full = 'date;revenue\n2024-01-01;1\n2024-01-02;2\n';
  assert.deepEqual(fillMissingKpiDays(parseCsvText(full, 'k.csv'), full), { text: full });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../read/read-csv.ts';
import { longSourceIssues } from './long-source-issues.ts';

const OPTIONS = { stepDays: 7, weekStart: 'monday' as const, weekStartSet: false, dropDuplicateRows: false };

test('longSourceIssues: a geo written with spaces around it, in the spend or the KPI file, is a PANEL_VALUE warning naming the file, line and column', () => {
  const spend = parseCsvText('date,channel,geo,spend\n2024-01-01,tv,north,10\n2024-01-01,tv,"north ",5\n2024-01-08,tv,north ,7\n2024-01-08,tv,south,3\n', 'ads.csv');
  const kpi = parseCsvText('date,geo,sales\n2024-01-01,north,100\n2024-01-01, south,50\n2024-01-08,north,90\n2024-01-08,south,40\n', 'kpi.csv');
  const warnings = longSourceIssues({ spend, kpi }, OPTIONS).issues.filter((i) => i.code === 'PANEL_VALUE');
  assert.deepEqual(warnings.map((i) => [i.severity, i.at.file, i.at.row, i.at.column]), [['warning', 'ads.csv', 3, 'geo'], ['warning', 'kpi.csv', 3, 'geo']]);
  assert.equal(warnings[0].message, 'geo "north " (lines 3, 4) is read as "north": the spaces around it are dropped, so its rows are counted as geo "north"');
  assert.equal(warnings[1].message, 'geo " south" (line 3) is read as "south": the spaces around it are dropped, so its row is counted as geo "south"');
  const plain = parseCsvText('date,channel,geo,spend\n2024-01-01,tv,north,10\n2024-01-08,tv,north,7\n', 'ads.csv');
  assert.deepEqual(longSourceIssues({ spend: plain, kpi }, OPTIONS).issues.filter((i) => i.code === 'PANEL_VALUE' && i.at.file === 'ads.csv'), [], 'no padded name, no warning');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { located, ruleCase } from '../../../test/rule-case.ts';
import { extremeOutliers } from './extreme-outliers.ts';

test('extremeOutliers: a KPI typo (98000 among 1000..1290) is a warning on its row', () => {
  const cells = baseCells();
  cells[11][1] = '98000'; // line 12; sales otherwise 1000 + 10·i
  const { csv, roles } = ruleCase(cells);
  const issues = extremeOutliers(csv, roles);
  assert.deepEqual(located(issues), [['EXTREME_OUTLIER', 12, 'sales']]);
  assert.equal(issues[0].severity, 'warning');
  // numpy: s = 1000 + 10·arange(30) with s[10] = 98000; median 1155, MAD 80, |98000 − 1155| / (1.4826·80) = 816.513…
  assert.match(issues[0].message, /^value 98000 is 816\.5 robust standard deviations from the median 1155 /);
});

test('extremeOutliers: silent on smooth data and on a flighted spend (zeros are off weeks, not the sample)', () => {
  const { csv, roles } = ruleCase(baseCells());
  assert.deepEqual(extremeOutliers(csv, roles), []);
  const flighted = baseCells().map((r, i) => (i === 0 ? r : [r[0], r[1], i % 4 === 0 ? String(5000 + i) : '0', ...r.slice(3)]));
  const f = ruleCase(flighted);
  assert.deepEqual(extremeOutliers(f.csv, f.roles), []);
});

test('extremeOutliers: the threshold is an option', () => {
  const cells = baseCells();
  cells[11][2] = '400'; // line 12 (i = 10); tv 100 + 5·i elsewhere. numpy: median 177.5, MAD 40 → |400 − 177.5| / (1.4826·40) = 3.7519
  const { csv, roles } = ruleCase(cells);
  assert.deepEqual(extremeOutliers(csv, roles), []);
  assert.deepEqual(located(extremeOutliers(csv, roles, { threshold: 3.5 })), [['EXTREME_OUTLIER', 12, 'tv_spend']]);
});

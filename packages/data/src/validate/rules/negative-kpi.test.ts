import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readOutcomeFromText } from '../read-outcome.ts';
import { runRules } from '../run-rules.ts';
import { baseCells, toText } from '../../../test/make-csv.ts';
import { signedKpiName } from './negative-kpi.ts';

/** The base table (sales 1000…1290) with one week's sales written as -5000 (file line 17). */
function negativeWeek(target = 'sales'): string {
  const cells = baseCells();
  cells[0][1] = target;
  cells[16][1] = '-5000';
  return toText(cells);
}

test('a negative revenue week is one NEGATIVE_KPI warning at its row, with a fix in the file, and no second EXTREME_OUTLIER on the cell', () => {
  const result = runRules(readOutcomeFromText(negativeWeek(), 'data.csv'), { target: 'sales' });
  const found = result.issues.filter((i) => i.at.column === 'sales' && i.at.row === 17);
  assert.deepEqual(found.map((i) => [i.code, i.severity]), [['NEGATIVE_KPI', 'warning']]);
  assert.match(found[0].message, /the KPI is negative \(-5000\), which a revenue cannot be/);
  assert.match(found[0].hint, /correct the value in the file/);
});

test('a KPI named like a signed figure (profit) may be negative: an outlier warning only, whose fix names a --clean form that works', () => {
  const result = runRules(readOutcomeFromText(negativeWeek('net_profit'), 'data.csv'), { target: 'net_profit' });
  const found = result.issues.filter((i) => i.at.column === 'net_profit');
  assert.deepEqual(found.map((i) => i.code), ['EXTREME_OUTLIER']);
  assert.match(found[0].hint, /mixwise fit --clean winsorize=net_profit, or "cleaning: \[\{ winsorize: \{ columns: \[net_profit\] \} \}\]"/);
});

test('signed KPI names are whole words: net_revenue, profit, gross_margin are signed; internet_orders, returning_customers, exchange_sales are not', () => {
  for (const name of ['net_revenue', 'profit', 'gross_margin', 'NetRevenue', 'sales_change', 'yoy-growth', 'returns', 'profit2024']) assert.equal(signedKpiName(name), true, name);
  for (const name of ['internet_orders', 'returning_customers', 'exchange_sales', 'revenue', 'Planet_sales', 'marginalia']) assert.equal(signedKpiName(name), false, name);
  for (const name of ['internet_orders', 'returning_customers', 'exchange_sales']) {
    const result = runRules(readOutcomeFromText(negativeWeek(name), 'data.csv'), { target: name });
    assert.deepEqual(result.issues.filter((i) => i.at.column === name && i.at.row === 17).map((i) => i.code), ['NEGATIVE_KPI'], name);
  }
});

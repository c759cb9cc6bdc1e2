import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCells } from '../../../test/make-csv.ts';
import { located, ruleCase } from '../../../test/rule-case.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import { parseCsvText } from '../../read/read-csv.ts';
import { resolveRuleRoles } from '../resolve-rule-roles.ts';
import { duplicateDates } from './duplicate-dates.ts';
import { extremeOutliers, outliersSkippedOnPanel } from './extreme-outliers.ts';

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

test('extremeOutliers: spend is scored on ln(x): a unit error (×1000) and a stray digit (×10) are flagged, a burst is not', () => {
  // tv 100 + 5·i; row i = 10 (line 12) replaced. numpy on ln(tv): median ln 177.4824 (between 175 and 180),
  // MAD 0.225993; z = |ln x − ln 177.4824| / (1.4826·0.225993): 150000 → 20.11, 1500 → 6.37, 400 → 2.43.
  const at = (v: string) => {
    const cells = baseCells();
    cells[11][2] = v;
    const { csv, roles } = ruleCase(cells);
    return { csv, roles };
  };
  const unit = at('40000');
  const issues = extremeOutliers(unit.csv, unit.roles);
  assert.deepEqual(located(issues), [['EXTREME_OUTLIER', 12, 'tv_spend']]);
  assert.match(issues[0].message, /^value 40000 is 225\.4× the median 177\.482393 of the periods with spend: 16\.2 robust standard deviations on a log scale/);
  // 150000 (845×) is IMPLAUSIBLE_VALUE's error, not a warning here too; a low spend (2, 1/89) is never flagged.
  assert.deepEqual(extremeOutliers(at('150000').csv, at('150000').roles), []);
  assert.deepEqual(extremeOutliers(at('2').csv, at('2').roles), []);
  assert.deepEqual(located(extremeOutliers(at('1500').csv, at('1500').roles)), [['EXTREME_OUTLIER', 12, 'tv_spend']]);
  // A 2.3× burst is an ordinary flight, also on the linear scale's old threshold it was not flagged;
  // the threshold is an option (2.43 > 2.4).
  const burst = at('400');
  assert.deepEqual(extremeOutliers(burst.csv, burst.roles), []);
  assert.deepEqual(located(extremeOutliers(burst.csv, burst.roles, { spendThreshold: 2.4 })), [['EXTREME_OUTLIER', 12, 'tv_spend']]);
  // The KPI keeps its own (linear) threshold.
  const kpi = baseCells();
  kpi[11][1] = '1500'; // sales 1000 + 10·i: numpy median 1155, MAD 80, z = 345 / (1.4826·80) = 2.909
  const k = ruleCase(kpi);
  assert.deepEqual(extremeOutliers(k.csv, k.roles), []);
  assert.deepEqual(located(extremeOutliers(k.csv, k.roles, { threshold: 2.9 })), [['EXTREME_OUTLIER', 12, 'sales']]);
});

test('extremeOutliers: the bursts of a volatile always-on channel (4–7× its median) are not flagged', () => {
  // Weekly spend 20k–79k with four campaign bursts of 239k–356k. numpy on ln: the bursts score 2.0–4.2
  // (< 5); on the linear scale they scored 7–12.
  const cells = baseCells(60).map((r, i) => (i === 0 ? r : [r[0], r[1], String(i % 13 === 0 ? 200000 + 3000 * i : 20000 + 1000 * ((i * 17) % 60)), ...r.slice(3)]));
  const { csv, roles } = ruleCase(cells);
  assert.deepEqual(extremeOutliers(csv, roles), []);
  assert.equal(extremeOutliers(csv, roles, { spendThreshold: 4 }).length, 1, 'the largest burst scores 4.15');
});

/** A panel of 12 weeks × the given key rows, the KPI varying by row size; `kpi(w, k)` sets a row's KPI. */
function panelCsv(header: string, keys: readonly string[], kpi: (w: number, k: number) => number): CsvTable {
  const lines = [header];
  for (let w = 0; w < 12; w++) {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
    keys.forEach((key, k) => lines.push(`${d},${key},${(k + 1) * 10 + w},${kpi(w, k)}`));
  }
  return parseCsvText(lines.join('\n'), 'panel.csv');
}

test('extremeOutliers: a panel keyed on two columns (date × geo × product) is not scored; the note names both key columns', () => {
  // One big geo × product row among small ones: an outlier only if the rows were one sample.
  const keys = ['NA,platform', 'NA,analytics', 'EMEA,platform', 'EMEA,analytics'];
  const csv = panelCsv('date,geo,product,tv_spend,revenue', keys, (w, k) => (k === 0 ? 90000 : 1000 + 10 * k + w));
  const roles = resolveRuleRoles(csv, { target: 'revenue' });
  assert.deepEqual(extremeOutliers(csv, roles), []);
  assert.match(outliersSkippedOnPanel(csv, roles) ?? '', /one row per date and geo × product, .*\(mixwise fit --clean sum_panel=geo\+product\)$/);
});

test('outliersSkippedOnPanel: a long file by channel (date, channel, spend, revenue) names the pivot, not sum_panel, as its LONG_FORMAT error does', () => {
  const csv = panelCsv('date,channel,spend,revenue', ['tv', 'search', 'social'], (w) => 5000 + w);
  for (const target of ['revenue', undefined]) {
    const roles = resolveRuleRoles(csv, target === undefined ? {} : { target });
    const note = outliersSkippedOnPanel(csv, roles) ?? '';
    assert.match(note, /one row per date and channel, a long file by channel \(LONG_FORMAT\).* pivoted to one spend column per channel \(sources: in mixwise\.yaml/);
    assert.doesNotMatch(note, /sum_panel/);
    assert.deepEqual(duplicateDates(csv, roles).map((i) => i.code), ['LONG_FORMAT']);
  }
});

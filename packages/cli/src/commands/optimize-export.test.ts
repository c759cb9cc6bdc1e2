import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_WEIGHTS, fitMmm, simulatePreset, type MmmModel } from '@mixwise/engine';
import { DataError, loadSqlJs, writeJsonAtomic } from '@mixwise/data';
import type { CliIo } from '../io.ts';
import { optimizeAction } from './optimize.ts';
import type { OptimizationOutput } from './optimize-output.ts';
import { exportedObjective } from './optimize-summary-export.ts';
import { optimizationTables } from './optimize-export.ts';

let model: MmmModel;
before(async () => {
  model = await fitMmm(simulatePreset('retail', 2).table, { search: { iterations: 600, trials: 1, seed: 1, bootstrap: 0, posterior: 0, weights: DEFAULT_WEIGHTS } });
});

const quiet = (dir: string): CliIo => ({ stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: dir });

async function runIn(flags: Partial<Parameters<typeof optimizeAction>[0]>): Promise<{ dir: string; out: OptimizationOutput }> {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-optimize-export-'));
  await writeJsonAtomic(join(dir, 'model.json'), model);
  const out = await optimizeAction({ model: dir, uncertainty: 'point', json: true, ...flags }, quiet(dir));
  assert.ok(out.feasible);
  return { dir, out };
}

test('mixwise optimize writes the optimization and budget_scenarios tables into results.sqlite, CSV and Parquet', async () => {
  const { dir, out } = await runIn({ bounds: { min: { type: 'multiple', value: 0.5 }, max: { type: 'multiple', value: 1.5 } }, scenarios: [0.9, 1, 1.5] });
  const SQL = await loadSqlJs();
  const db = new SQL.Database(readFileSync(join(dir, 'results.sqlite')));
  try {
    const names = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")[0].values.map((r) => r[0]);
    assert.ok(names.includes('channel_summary') && names.includes('optimization') && names.includes('budget_scenarios'), String(names));
    const rows = db.exec('SELECT channel, current, recommended, change, roi_current, roi_recommended, mroi_current, mroi_recommended, bound, budget, objective FROM optimization ORDER BY rowid')[0].values;
    assert.equal(rows.length, model.channels.length);
    rows.forEach((r, c) => {
      const a = out.allocation[c];
      assert.deepEqual(r, [a.channel, a.current, a.recommended, a.change, a.roi_current, a.roi_recommended, a.mroi_current, a.mroi_recommended, a.bound, out.budget, 'budget']);
      assert.ok(Math.abs((r[2] as number) - (r[1] as number) - (r[3] as number)) < 1e-6 * (r[1] as number)); // change = recommended − current
    });
    // The data range per channel, around current spend; beyond_data agrees with it.
    const ranges = db.exec('SELECT data_low, data_high, beyond_data, recommended, current FROM optimization ORDER BY rowid')[0].values as [number, number, string | null, number, number][];
    ranges.forEach(([lo, hi, beyond, rec, curr], c) => {
      assert.deepEqual([lo, hi], out.allocation[c].data_range);
      assert.ok(lo <= curr && curr <= hi, `${lo} ≤ ${curr} ≤ ${hi}`);
      assert.equal(beyond, rec > hi * 1.01 ? 'above' : rec < lo * 0.99 ? 'below' : null);
    });
    // Per channel its own KPI (a SUM is the media KPI); the total KPI, baseline included, is named so and the same on every row.
    const kpis = db.exec('SELECT channel_kpi_current, channel_kpi_recommended, total_kpi_current, total_kpi_recommended, roi_current, current FROM optimization ORDER BY rowid')[0].values as number[][];
    kpis.forEach(([chCur, , totCur, totRec, roi, curr]) => {
      assert.ok(Math.abs(chCur - roi * curr) <= 1e-9 * Math.abs(chCur));
      assert.equal(totCur, out.expected.current);
      assert.equal(totRec, out.expected.recommended);
    });
    const media = kpis.reduce((t, r) => t + r[0], 0);
    assert.ok(media > 0 && media < out.expected.current, `Σ channel KPI ${media} is the media part of ${out.expected.current}`);
    assert.ok(!db.exec('PRAGMA table_info(optimization)')[0].values.some((r) => r[1] === 'kpi_current'), 'no column named kpi_current whose SUM would be n × the total');
    // Σ recommended = the budget = Σ current (the default budget is the current total).
    const [[rec, cur, budget]] = db.exec('SELECT SUM(recommended), SUM(current), MAX(budget) FROM optimization')[0].values as number[][];
    assert.ok(Math.abs(rec - budget) < 1e-6 * budget && Math.abs(cur - budget) < 1e-6 * budget);
    const sc = db.exec('SELECT level, channel, spend, budget FROM budget_scenarios ORDER BY rowid')[0].values;
    assert.equal(sc.length, 3 * model.channels.length);
    // Each level's spends sum to its budget, which is level × the current total.
    for (const level of [0.9, 1, 1.5]) {
      const [[s, b]] = db.exec(`SELECT SUM(spend), MAX(budget) FROM budget_scenarios WHERE level = ${level}`)[0].values as number[][];
      assert.ok(Math.abs(s - b) < 1e-6 * b && Math.abs(b - level * cur) < 1e-6 * b, `${level}: ${s} ${b}`);
    }
  } finally {
    db.close();
  }
  const csv = readFileSync(join(dir, 'exports', 'csv', 'optimization.csv'), 'utf8').split('\n');
  assert.ok(csv[0].startsWith('channel,current,recommended,change,roi_current,roi_recommended,mroi_current,mroi_recommended,bound,budget,objective'), csv[0]);
  assert.ok(readFileSync(join(dir, 'exports', 'parquet', 'budget_scenarios.parquet')).subarray(0, 4).toString() === 'PAR1');
});

test('a multi-period plan exports totals over the plan; without --scenarios there is no budget_scenarios table', async () => {
  const { dir, out } = await runIn({ periods: 4 });
  const SQL = await loadSqlJs();
  const db = new SQL.Database(readFileSync(join(dir, 'results.sqlite')));
  try {
    const names = db.exec("SELECT name FROM sqlite_master WHERE type = 'table'")[0].values.map((r) => r[0]);
    assert.ok(names.includes('optimization') && names.includes('budget_plan') && !names.includes('budget_scenarios'));
    // The plan week by week: the week after the data's last row first, each channel's spend as in optimization.json.
    const plan = db.exec('SELECT period, date, channel, spend FROM budget_plan ORDER BY rowid')[0].values;
    assert.equal(plan.length, 4 * model.channels.length);
    const last = Date.parse(`${model.dates[model.dates.length - 1]}T00:00:00Z`);
    plan.forEach(([period, date, channel, spend], i) => {
      const h = Math.floor(i / model.channels.length), a = out.allocation[i % model.channels.length];
      assert.deepEqual([period, date, channel, spend], [h + 1, new Date(last + 7 * (h + 1) * 86_400_000).toISOString().slice(0, 10), a.channel, a.spend![h]]);
    });
    const [[total]] = db.exec('SELECT SUM(spend) FROM budget_plan')[0].values as number[][];
    assert.ok(Math.abs(total - out.budget) < 1e-6 * out.budget);
    const rows = db.exec('SELECT objective, periods, recommended, mroi_current, data_low, beyond_data FROM optimization ORDER BY rowid')[0].values;
    // The data range is per period as in steady state; beyond_data judges the plan's adstocked levels.
    rows.forEach((r, c) => assert.deepEqual(r, ['plan', 4, out.allocation[c].recommended, out.allocation[c].mroi_current, out.allocation[c].data_range?.[0], out.allocation[c].beyond_data]));
  } finally {
    db.close();
  }
});

test('each run leaves only its own optimize files: a later run without --scenarios removes budget_scenarios.csv and says so; an infeasible one changes nothing', async () => {
  const { dir } = await runIn({ scenarios: [0.9, 1] });
  const scenarios = join(dir, 'budget_scenarios.csv');
  assert.ok(existsSync(scenarios));
  let stderr = '';
  const io: CliIo = { ...quiet(dir), stderr: { write: (s: string) => { stderr += s; return true; } } };
  const plan = await optimizeAction({ model: dir, uncertainty: 'point', json: true, periods: 4 }, io);
  assert.ok(plan.feasible && plan.mode === 'plan');
  assert.ok(!existsSync(scenarios), 'budget_scenarios.csv of the earlier run is still there');
  assert.match(stderr, /removed .*budget_scenarios\.csv: an earlier optimize's file that this optimize does not write/);
  const saved = JSON.parse(readFileSync(join(dir, 'optimization.json'), 'utf8')) as { mode: string };
  assert.equal(saved.mode, 'plan');
  // A run with --scenarios writes it again; an infeasible request changes nothing: optimization.json,
  // budget_scenarios.csv and the BI exports stay those of the last good run, and the message says so.
  await optimizeAction({ model: dir, uncertainty: 'point', json: true, scenarios: [1] }, quiet(dir));
  assert.ok(existsSync(scenarios));
  const files = ['optimization.json', 'budget_scenarios.csv', 'results.sqlite', 'exports/csv/optimization.csv', 'exports/parquet/budget_scenarios.parquet'];
  const before = files.map((f) => readFileSync(join(dir, f)).toString('base64'));
  await assert.rejects(optimizeAction({ model: dir, uncertainty: 'point', budget: 1e-6 }, quiet(dir)),
    (e: unknown) => e instanceof DataError && e.issues[0].message.endsWith(`previous results in ${dir} left unchanged`));
  assert.deepEqual(files.map((f) => readFileSync(join(dir, f)).toString('base64')), before);
});

test('the optimization table carries a sparse channel\'s spend count and reason, NULL for the others', async () => {
  const { out } = await runIn({});
  const sparse = { periods_with_spend: 3, fitted_periods: 156, reason: 'few' as const };
  const marked: OptimizationOutput = { ...out, allocation: out.allocation.map((a, c) => (c === 0 ? { ...a, sparse_data: sparse } : a)) };
  const [table] = optimizationTables(marked);
  const col = (name: string): number => table.columns.findIndex((x) => x.name === name);
  const pick = (r: readonly unknown[]) => [r[col('sparse_periods_with_spend')], r[col('sparse_fitted_periods')], r[col('sparse_reason')]];
  assert.deepEqual(pick(table.rows[0]), [3, 156, 'few']);
  for (const r of table.rows.slice(1)) assert.deepEqual(pick(r), [null, null, null]);
  assert.equal(table.rows[0].length, table.columns.length);
});

test('uncertainty, spend units and plan counts: a --periods plan with --scenarios says its plan used the point curves and its scenarios the expected ones', async () => {
  const { out } = await runIn({ periods: 3, scenarios: [1] });
  // The fixture's model has no replicates: give the result the fields a model with replicates would.
  const marked: OptimizationOutput = { ...out, uncertainty: { replicates: 20, objective: 'point', source: 'bootstrap', method: 'x' }, scenarios_uncertainty: 'expected' };
  const tables = new Map(optimizationTables(marked).map((t) => [t.name, t]));
  assert.deepEqual([...tables.keys()], ['optimization', 'optimization_summary', 'budget_plan', 'budget_scenarios']);
  const cell = (table: string, name: string, row = 0): unknown => {
    const t = tables.get(table)!;
    return t.rows[row][t.columns.findIndex((c) => c.name === name)];
  };
  assert.deepEqual([cell('optimization', 'uncertainty'), cell('optimization', 'spend_unit'), cell('budget_scenarios', 'uncertainty')], ['point', 'plan_total', 'expected']);
  const a = out.allocation[0];
  assert.deepEqual([cell('optimization', 'lower_total'), cell('optimization', 'upper_total')], [a.lower * 3, a.upper === null ? null : a.upper * 3]);
  assert.deepEqual([cell('optimization', 'periods_at_lower'), cell('optimization', 'periods_at_upper')], [a.periods_at_lower, a.periods_at_upper]);
  assert.deepEqual(tables.get('budget_plan')!.columns[1], { name: 'date', type: 'date' });
  assert.deepEqual([cell('optimization_summary', 'spend_unit'), cell('optimization_summary', 'uncertainty'), cell('optimization_summary', 'scenarios_uncertainty'), cell('optimization_summary', 'lift')],
    ['plan_total', 'point', 'expected', out.expected.lift]);
  // Steady state: per period, no plan counts; the summary carries lift_share and the budget mode.
  const steady = (await runIn({})).out;
  const [opt, summary] = optimizationTables(steady);
  const pick = (t: typeof opt, names: string[]) => names.map((n) => t.rows[0][t.columns.findIndex((c) => c.name === n)]);
  assert.deepEqual(pick(opt, ['uncertainty', 'spend_unit', 'periods_at_lower', 'lower_total']), ['point', 'per_period', null, steady.allocation[0].lower]);
  assert.deepEqual(pick(summary, ['problem', 'budget_mode', 'lift_share', 'reference_periods', 'scenarios_uncertainty']),
    [steady.problem, 'exact', steady.expected.lift_share, steady.reference_periods, null]);
});

test('exportedObjective: a plan of a budget is "plan"; a plan\'s KPI target keeps its type, so its objective_value is read as a target', () => {
  assert.equal(exportedObjective({ mode: 'plan', objective: { type: 'budget', value: null } }), 'plan');
  assert.equal(exportedObjective({ mode: 'plan', objective: { type: 'target-kpi', value: 3.65e7 } }), 'target-kpi');
  assert.equal(exportedObjective({ mode: 'steady-state', objective: { type: 'target-roi', value: 2 } }), 'target-roi');
});

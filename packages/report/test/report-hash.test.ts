import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { summarizeModel, type MmmModel } from '@mixwise/engine';
import { readModel } from '@mixwise/data';
import { renderReport, type ReportGeo, type ReportOptimization, type ReportRun } from '../src/index.ts';
import { REPORT_FORMAT, REPORT_OUTPUT_HASH, REPORT_STAMP } from '../src/report-stamp.ts';
import { stableIds } from '../src/sections/section-context.ts';

// The forcing test of REPORT_FORMAT: a stored report.html is served as long as its stamp matches, so any
// change to what renderReport writes (here, or in the engine's sentences, the charts' formatters and
// ECharts options it uses) must bump REPORT_FORMAT. The runs are stored model.json files (fixtures/
// report-hash, written once by its generate.ts), never refitted here, so only a change in how a stored
// run is reported moves the hash. renderReport writes no date, time or random id (ECharts' per-process
// SVG ids are renamed by stableIds), so the hash is the same on every run and machine.

const fixture = (name: string): MmmModel => readModel(fileURLToPath(new URL(`./fixtures/report-hash/${name}`, import.meta.url)));

/** The fixed runs: a national fit with a KPI by country and alternatives, the same with a stored plan, and a geo-level fit sized by population. */
function runs(): Record<string, ReportRun> {
  const national = fixture('national');
  const summary = summarizeModel(national);
  const geo: ReportGeo = {
    level: 'country', kpi: summary.target, window: { start: '2022-01-03', end: '2024-12-23' },
    rows: [{ geo: 'US', region: 'NA', kpi: 750, pipeline: 2000, spend: 120 }, { geo: 'DE', region: 'EMEA', kpi: 250, pipeline: 500, spend: 40 }, { geo: 'SG', region: 'APAC', kpi: 0.5, pipeline: 1, spend: 0 }],
  };
  const [a, b] = summary.channels.map((c) => c.name);
  const plan: ReportOptimization = {
    mode: 'plan', periods: 13, budget: 1_950_000, current_budget: 1_950_000, plan: { after_plan: 'current' },
    allocation: [{ channel: a, current: 975_000, recommended: 1_300_000 }, { channel: b, current: 975_000, recommended: 650_000 }],
    expected: {
      current: 21_160_605, recommended: 22_562_767, lift: 1_402_162, lift_share: 0.066,
      window: { current: 15_366_911, recommended: 15_531_651, lift: 164_740 },
      carry_out: { current: 5_793_693, recommended: 7_031_116, lift: 1_237_423 },
    },
    binding: ['budget'],
  };
  const geoModel = fixture('geo');
  return {
    national: { model: national, summary, geo },
    plan: { model: national, summary, optimization: plan },
    geo: { model: geoModel, summary: summarizeModel(geoModel) },
  };
}

/** The SHA-256 of every run's report, the stamp line left out (bumping REPORT_FORMAT alone does not move it). */
function outputHash(): string {
  const hash = createHash('sha256');
  for (const [name, run] of Object.entries(runs())) {
    const lines = renderReport(run, { subtitle: `fixture ${name}` }).split('\n');
    assert.equal(lines.filter((l) => l === REPORT_STAMP).length, 1, `the ${name} report carries the stamp on a line of its own`);
    hash.update(`${name}\n${lines.filter((l) => l !== REPORT_STAMP).join('\n')}\n`);
  }
  return hash.digest('hex');
}

test('the report of fixed runs is unchanged, or REPORT_FORMAT is bumped and its new hash recorded', () => {
  const actual = outputHash();
  assert.equal(actual, REPORT_OUTPUT_HASH,
    `renderReport's output changed (a section, a sentence from the engine, a chart or a number format): a report.html stored by `
    + `the previous generator is now stale, yet the server serves it while its stamp matches. Bump REPORT_FORMAT (now ${REPORT_FORMAT}) `
    + `in packages/report/src/report-stamp.ts and record there REPORT_OUTPUT_HASH = '${actual}'.`);
});

test('the report is the same when rendered again in the same process (no ids from ECharts\' instance counter)', () => {
  const run = runs().geo;
  assert.equal(renderReport(run), renderReport(run));
});

test('stableIds renames the clip-path, gradient, pattern, shadow, animation and class ids of ECharts\' SVG', () => {
  assert.equal(stableIds('<g class="zr9-cls-4" clip-path="url(#zr9-c0)" fill="url(#zr9-g0)" stroke="url(#zr9-p1)" filter="url(#zr9-s0)"></g><i class="zr9-cls-4 zr9-ani-0"></i>', 'a'),
    '<g class="a-0" clip-path="url(#a-1)" fill="url(#a-2)" stroke="url(#a-3)" filter="url(#a-4)"></g><i class="a-0 a-5"></i>');
});

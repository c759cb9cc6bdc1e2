import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contributionWaterfall, contributionsOverTime, roiVsSpendShare, executiveKpis, blendedHeadline, labelNudges, roiLabel } from '../src/index.ts';
import { model, decomposition, summary } from './fixture-model.ts';
import { matchSnapshot } from './snapshot.ts';
import { seriesOf, valueOf, xCategories } from './spec-access.ts';

const close = (a: number, b: number, rel = 1e-5) => assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${a} ≉ ${b}`);

test('contributionWaterfall: baseline, each channel, then a total equal to the fitted KPI of summary', () => {
  const spec = contributionWaterfall(summary);
  matchSnapshot('contribution-waterfall', spec);
  assert.deepEqual(xCategories(spec), ['Baseline', 'tv', 'search', 'Total']);
  const [base, value] = seriesOf(spec);
  const tops = base.data.map((b, i) => valueOf(b) + valueOf(value.data[i]));
  // Bar tops are the running sums: baseline, + tv, + search; the total bar reaches the same level.
  const expected = [summary.baseline.contribution];
  for (const c of summary.channels) expected.push(expected[expected.length - 1] + c.contribution);
  expected.forEach((e, i) => close(tops[i], e));
  close(tops[3], summary.totals.fitted);
  close(valueOf(base.data[3]), 0);
});

test('contributionWaterfall floats a negative step below the running level', () => {
  const neg = { ...summary, channels: [{ ...summary.channels[0], contribution: -100 }] };
  const [base, value] = seriesOf(contributionWaterfall(neg));
  close(valueOf(base.data[1]), summary.baseline.contribution - 100);
  close(valueOf(value.data[1]), 100);
  close(valueOf(value.data[2]), summary.baseline.contribution - 100);
});

test('contributionsOverTime: baseline + one area per channel, stacking to the fitted KPI', () => {
  const spec = contributionsOverTime(model, decomposition);
  matchSnapshot('contributions-over-time', spec);
  const series = seriesOf(spec);
  assert.deepEqual(series.map((s) => s.name), ['Baseline', 'tv', 'search']);
  assert.ok(series.every((s) => s.stack === 'kpi'));
  assert.deepEqual(xCategories(spec), model.dates.slice(2, 16));
  for (let i = 0; i < 14; i++) close(series.reduce((s, x) => s + valueOf(x.data[i]), 0), decomposition.fitted[i + 2]);
});

test('roiVsSpendShare: one point per channel at (share of spend, share of effect), bigger bubble for higher ROI', () => {
  const spec = roiVsSpendShare(summary);
  matchSnapshot('roi-vs-spend-share', spec);
  const points = seriesOf(spec)[0].data as { name: string; value: number[]; symbolSize: number }[];
  assert.deepEqual(points.map((p) => p.name), ['tv', 'search']);
  summary.channels.forEach((c, i) => {
    close(points[i].value[0], c.share_of_spend);
    close(points[i].value[1], c.share_of_effect);
  });
  // search's ROI (1.11) is higher than tv's (0.56), and the biggest bubble is 10 + 40 px.
  assert.ok(points[1].symbolSize > points[0].symbolSize);
  assert.equal(points[1].symbolSize, 50);
});

test('roiVsSpendShare: channels with the same shares get their names nudged apart, the others stay put', () => {
  const [tv, search] = summary.channels;
  // ooh and display of the demo: the same shares of spend and (nearly) of effect.
  const channels = [tv, { ...search, name: 'ooh', share_of_spend: 0.118, share_of_effect: 0.109 }, { ...search, name: 'display', share_of_spend: 0.118, share_of_effect: 0.109 }];
  const points = seriesOf(roiVsSpendShare({ ...summary, channels }))[0].data as { name: string; label: { offset: [number, number] } }[];
  const dy = points.map((p) => p.label.offset[1]);
  assert.equal(dy[0], 0);
  assert.ok(Math.abs(dy[1] - dy[2]) >= 14, JSON.stringify(dy));
  // Deterministic: the first of a tie goes on top.
  assert.deepEqual(dy, [0, -7, 7]);
});

test('labelNudges: clusters of nearby points spread their labels a line apart, highest point on top', () => {
  assert.deepEqual(labelNudges([[1, 1], [1, 1.01], [5, 5]], { x: 0.1, y: 0.1 }), [7, -7, 0]);
  // Transitive: a–b and b–c are near, so all three share a cluster.
  assert.deepEqual(labelNudges([[0, 0.3], [0, 0.2], [0, 0.1]], { x: 0.1, y: 0.1 }), [-14, 0, 14]);
  assert.deepEqual(labelNudges([[0, 0], [1, 0]], { x: 0.5, y: 0.5 }), [0, 0]);
});

test('executiveKpis: totals of summary; ROAS = Σ contribution / Σ spend', () => {
  const k = executiveKpis(summary, 'revenue');
  // Fixture spend: tv rows 2..15 sum to 1860, search to 830 (computed by hand from the closed forms).
  assert.equal(k.totalSpend, 2690);
  close(k.attributedRevenue, summary.channels[0].contribution + summary.channels[1].contribution, 1e-12);
  close(k.blendedRoas, k.attributedRevenue / 2690, 1e-12);
  close(k.baselineShare, summary.baseline.contribution / summary.totals.fitted, 1e-12);
  assert.ok(Number.isNaN(k.blendedCpa), 'no CPA for a revenue KPI');
  assert.deepEqual(blendedHeadline(k, 'revenue'), { label: 'Blended ROAS', value: k.blendedRoas, meaning: 'revenue per unit of spend', field: 'blendedRoas' });
});

test('executiveKpis / blendedHeadline: a count KPI gets a blended CPA (spend per KPI unit), never "ROAS"', () => {
  const k = executiveKpis(summary, 'count');
  close(k.blendedCpa, 2690 / k.attributedRevenue, 1e-12);
  const h = blendedHeadline(k, 'orders');
  assert.equal(h.label, 'Blended CPA');
  assert.equal(h.field, 'blendedCpa');
  assert.equal(h.value, k.blendedCpa);
  assert.equal(h.meaning, 'spend per unit of orders');
  // Media that attributed nothing has no CPA (not an infinite one).
  const none = executiveKpis({ ...summary, totals: { ...summary.totals, mediaContribution: 0 } }, 'count');
  assert.ok(Number.isNaN(none.blendedCpa));
});

test('roiLabel: ROI for a revenue KPI, KPI per spend for a count KPI (as the CLI and the report name it)', () => {
  assert.equal(roiLabel('revenue'), 'ROI');
  assert.equal(roiLabel('count'), 'KPI per spend');
});

test('contributionWaterfall labels a contribution that rounds to zero 0, never −0', () => {
  const tiny = { ...summary, channels: [{ ...summary.channels[0], contribution: -0.001 }, { ...summary.channels[1], contribution: -1234 }] };
  const [, value] = seriesOf(contributionWaterfall(tiny));
  const labels = value.data.map((d) => (d as { label: { formatter: string } }).label.formatter);
  assert.equal(labels[1], '0');
  assert.equal(labels[2], '−1.23k');
});

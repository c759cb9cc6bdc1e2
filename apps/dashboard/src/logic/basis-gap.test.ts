import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ResponseModel, SummaryResult } from '@mixwise/engine';
import { basisNote, gapClause, gapSize, historicalFigures, largestGap, steadyFigures } from './basis-gap.ts';
import { curveNote } from './curve-basis.ts';

const mm = (halfSaturation: number) => ({ type: 'michaelis-menten' as const, halfSaturation });
// r(x) = 200·x/(100+x) at x = 100: ROI r/x = 1, mROI r'(x) = 200·100/200² = 0.5; search: r = 300·x/(300+x), ROI 0.75, mROI 0.5625.
const rm: ResponseModel = { baseline: 0, channels: [
  { name: 'tv', current: 100, coef: 200, gain: 1, saturation: mm(100) },
  { name: 'search', current: 100, coef: 300, gain: 1, saturation: mm(300) },
] };
const summary = (tvMroi: number) => ({ channels: [
  { name: 'tv', roi: 1.05, mroi: tvMroi },
  { name: 'search', roi: 0.75, mroi: 0.55 },
] }) as unknown as SummaryResult;

test('steady-state figures are read off the curves at current spend', () => {
  const s = steadyFigures(rm);
  assert.ok(Math.abs(s[0].roi! - 1) < 1e-12 && Math.abs(s[0].mroi! - 0.5) < 1e-12);
  assert.ok(Math.abs(s[1].roi! - 0.75) < 1e-12 && Math.abs(s[1].mroi! - 0.5625) < 1e-12);
});

test('the largest gap between historical and steady-state figures is named with its size; a small one is said to be small', () => {
  // tv's historical mROI 0.16 against 0.5 steady state: 3.1×, the largest.
  const big = largestGap(historicalFigures(summary(0.16)), steadyFigures(rm));
  assert.ok(big);
  assert.equal(big.channel, 'tv');
  assert.equal(big.measure, 'mROI');
  assert.ok(Math.abs(big.ratio - 0.5 / 0.16) < 1e-12);
  assert.equal(basisNote(big, 'week'),
    "Historical ROI and mROI (the fit's table, the Executive page, the report) are over the modelling window's own, flighted spend; "
    + 'steady-state ones (response curves, simulator, recommendation) hold the mean spend per week level every week. '
    + 'With saturating curves and uneven spend they differ, here by up to 3.1× (tv mROI: 0.16 historical, 0.50 steady state).');
  // tv's mROI 0.48 against 0.5 (4%) and ROI 1.05 against 1 (5%): the largest is tv's ROI, 5%.
  const small = largestGap(historicalFigures(summary(0.48)), steadyFigures(rm));
  assert.ok(small);
  assert.equal(small.measure, 'ROI');
  assert.equal(gapClause(small, ['historical', 'steady state']), 'a little (at most 5%)');
  assert.equal(gapSize(1.5), '50%');
  assert.equal(largestGap(historicalFigures(summary(0.16)), []), null);
});

test('the curve note says how far the point-estimate and expected curves differ instead of "a little"', () => {
  const gap = { channel: 'tv', measure: 'mROI' as const, a: 0.43, b: 0.96, ratio: 0.96 / 0.43 };
  const note = curveNote('point', 100, 'bootstrap', gap);
  assert.doesNotMatch(note, /a little/);
  assert.match(note, /so figures for the same spend differ between them, by up to 2\.2× \(tv mROI: 0\.43 point estimate, 0\.96 expected\) at current spend\.$/);
  assert.match(curveNote('expected', 100, 'bootstrap', { ...gap, b: 0.45, ratio: 0.45 / 0.43 }), /differ between them, a little \(at most 5%\) at current spend\.$/);
});

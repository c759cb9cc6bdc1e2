import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocateBudget, type ResponseModel, type SummaryResult } from '@mixwise/engine';
import { buildConstraints } from './constraints.ts';
import { limitBadge, limitMoves, limitSentence, multipleText, unsettledGrowSentence } from './limit-moves.ts';

const mm = (halfSaturation: number) => ({ type: 'michaelis-menten' as const, halfSaturation });
// tv is far from saturated (the optimiser wants much more of it), social nearly flat (it wants far less):
// under 0.5×–2× both stop at a limit; search takes the rest freely.
const model: ResponseModel = {
  baseline: 1000,
  channels: [
    { name: 'tv', current: 100, coef: 5000, gain: 1, saturation: mm(2000) },
    { name: 'search', current: 100, coef: 300, gain: 1, saturation: mm(100) },
    { name: 'social', current: 100, coef: 10, gain: 1, saturation: mm(1000) },
  ],
};
const names = model.channels.map((c) => c.name);
const budget = 400;

function allocate(max = 2) {
  const a = allocateBudget(model, { budget, constraints: buildConstraints(names, names.map(() => ({ min: 0.5, max, locked: false }))) });
  assert.ok(a.feasible);
  return a;
}

test('channels at a limit are listed with the limit as a multiple of current spend; free ones are not', () => {
  const a = allocate();
  const moves = limitMoves(a);
  assert.deepEqual(moves.map((m) => [m.channel, m.side, m.multiple]), [['tv', 'upper', 2], ['social', 'lower', 0.5]]);
  assert.ok(Math.abs(a.channels[0].recommended - 200) < 1e-6 && Math.abs(a.channels[2].recommended - 50) < 1e-6, 'the engine put them at the limits');
  assert.equal(limitBadge(moves[0]), 'at 2× limit');
  assert.equal(limitBadge(moves[1]), 'at 0.5× limit');
  assert.equal(limitSentence(moves, 'Change Min × or Max ×.'),
    'tv (+100.0%) stopped at its upper limit (2× current spend) and social (−50.0%) stopped at its lower limit (0.5× current spend): '
    + 'there a limit, not the model, decides the figures; the model would move them further. Change Min × or Max ×.');
  // Wider limits: tv is no longer stopped at 2× (it stops at 3×).
  const wider = limitMoves(allocate(3));
  assert.equal(wider.find((m) => m.channel === 'tv')?.multiple, 3);
  assert.equal(limitSentence([], 'x'), '');
  assert.equal(multipleText(1 / 3), '0.333');
});

test('a grown channel whose 90% ROI range reaches 0 gets a caution; one whose range is clear of 0, or that is cut, does not', () => {
  const a = allocate();
  assert.ok(Math.abs((a.channels[1].changeShare ?? 0) - 0.5) < 1e-6, 'search takes the rest: 150, +50%');
  const channel = (name: string, iv: [number, number]) => ({ name, roi_interval: iv });
  const summary = (tv: [number, number], search: [number, number]) => ({ channels: [channel('tv', tv), channel('search', search), channel('social', [0, 3])] }) as unknown as SummaryResult;
  assert.equal(unsettledGrowSentence(a, summary([0, 25.2157], [1, 9]), 'ROI'),
    'tv (+100.0%) grows, but its 90% ROI range in the fit starts at 0 (0.00–25.22): the data do not rule out that the extra spend returns nothing, '
    + 'so treat this increase as a test to measure (a lift test), not a sure gain.');
  assert.match(unsettledGrowSentence(a, summary([0, 25.2157], [0, 9]), 'ROI'),
    /^tv \(\+100\.0%\) and search \(\+50\.0%\) grow, but their 90% ROI ranges in the fit start at 0 \(0\.00–25\.22 and 0\.00–9\.00\): .* treat these increases as a test/);
  // A low end below 0 does not "start at 0": it reaches 0 or below.
  assert.match(unsettledGrowSentence(a, summary([-0.4, 25.2157], [1, 9]), 'ROI'), /^tv \(\+100\.0%\) grows, but its 90% ROI range in the fit reaches 0 or below \(−0\.40–25\.22\): /);
  assert.match(unsettledGrowSentence(a, summary([-0.4, 25.2157], [0, 9]), 'ROI'), /their 90% ROI ranges in the fit reach 0 or below \(/);
  // tv's and search's ranges are clear of 0; social's reaches 0 but social is cut.
  assert.equal(unsettledGrowSentence(a, summary([1.2, 4], [1, 9]), 'ROI'), '');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { growthCautionText, limitsDecideText, limitTag, multipleText, statusFromBinding } from './limit-text.ts';
import { explainAllocation } from './explain-allocation.ts';
import { allocateBudget } from './allocate-budget.ts';
import { mmChannel, responseModel } from './test-models.ts';

test('statusFromBinding reads optimization.json binding entries; a plan\'s partial entries do not count', () => {
  const binding = ['budget', 'tv: upper bound', 'ooh: lower bound', 'radio: locked', 'print: upper bound in 2 of 6 periods'];
  assert.deepEqual(['tv', 'ooh', 'radio', 'print', 'search'].map((c) => statusFromBinding(c, binding)), ['at-upper', 'at-lower', 'locked', 'free', 'free']);
  // A channel whose name is a prefix of another is not confused with it.
  assert.equal(statusFromBinding('tv', ['tv_spot: upper bound']), 'free');
});

test('limitTag names the limit as a multiple of current spend, read off the move', () => {
  assert.equal(multipleText(2), '2×');
  assert.equal(multipleText(0.5), '0.5×');
  assert.equal(limitTag({ channel: 'tv', current: 10, recommended: 20, status: 'at-upper' }), ', at its 2× upper limit');
  assert.equal(limitTag({ channel: 'ooh', current: 10, recommended: 5, status: 'at-lower' }), ', at its 0.5× lower limit');
  assert.equal(limitTag({ channel: 'x', current: 10, recommended: 14, status: 'free' }), '');
});

test('limitsDecideText says a limit, not the model, sets the figures of the held moves only', () => {
  const text = limitsDecideText([
    { channel: 'tv', current: 10, recommended: 20, status: 'at-upper' },
    { channel: 'print', current: 4, recommended: 8, status: 'at-upper' },
    { channel: 'search', current: 10, recommended: 14, status: 'free' },
  ]);
  assert.match(text, /^ tv \(2× current\) and print \(2× current\) stop at a limit: there the limit, not the model, sets the figure/);
  assert.doesNotMatch(text, /search/);
  assert.equal(limitsDecideText([{ channel: 'search', current: 10, recommended: 14, status: 'free' }]), '');
});

test('growthCautionText flags grown channels whose ROI interval reaches 0 or is very wide, not cut or well-measured ones', () => {
  const moves = [
    { channel: 'search', current: 10, recommended: 14 },
    { channel: 'facebook', current: 10, recommended: 13 },
    { channel: 'tv', current: 10, recommended: 20 },
    { channel: 'ooh', current: 10, recommended: 5 },
    { channel: 'display', current: 10, recommended: 12 },
  ];
  const text = growthCautionText(moves, { search: [0, 25.22], facebook: [0.001, 38.65], tv: [0.66, 1.35], ooh: [0, 2], display: [0.2, 2.5] });
  assert.match(text, /^ Growing search \(0\.00–25\.22\), facebook \(0\.0010–38\.65\) and display \(0\.20–2\.50\) rests on weak evidence: each one's 90% ROI interval reaches 0 or is very wide/);
  assert.doesNotMatch(text, /tv|ooh/);
  assert.match(growthCautionText(moves.slice(0, 1), { search: [0, 25.22] }), /its 90% ROI interval reaches 0, so the data do not rule out that the extra spend returns nothing\. Raise it in steps/);
  assert.equal(growthCautionText(moves, { tv: [0.66, 1.35] }), '');
  assert.equal(growthCautionText(moves, {}), '');
});

test('explainAllocation names every move, tags those at a limit and says the limit decides them', () => {
  // Four channels, a the best by far: at 2× bounds a takes its upper limit, the weakest drop to their lower one.
  const four = responseModel([mmChannel('a', 8, 10, 2), mmChannel('b', 1, 1, 2), mmChannel('c', 0.5, 1, 2), mmChannel('d', 0.6, 1, 2)], 10);
  const r = allocateBudget(four, { budget: 8, constraints: { defaults: { min: { type: 'multiple', value: 0.5 }, max: { type: 'multiple', value: 2 } } } });
  assert.ok(r.feasible);
  const moved = r.channels.filter((c) => Math.abs(c.change) > 1e-6);
  const text = explainAllocation(r);
  for (const c of moved) assert.match(text, new RegExp(`(raise|cut) ${c.channel} from`), `${c.channel} named`);
  assert.match(text, /raise a from 2 to 4 \(\+100\.0%, at its 2× upper limit\)/);
  assert.match(text, / a \(2× current\)(, [bcd] \(0\.5× current\))*( and [bcd] \(0\.5× current\))? stops? at a limit: there the limit, not the model, sets the figure/);
});

test('explainAllocation counts the smallest moves past six instead of dropping them', () => {
  const many = responseModel(Array.from({ length: 8 }, (_, i) => mmChannel(`c${i}`, 1 + i, 1, 2)), 0);
  const r = allocateBudget(many, { budget: 16 });
  assert.ok(r.feasible);
  const moved = r.channels.filter((c) => Math.abs(c.change) > 1e-6).length;
  assert.ok(moved > 6, `${moved} moves`);
  const text = explainAllocation(r);
  assert.equal((text.match(/(raise|cut) c\d from/g) ?? []).length, 5);
  assert.match(text, new RegExp(`and ${moved - 5} smaller moves \\(see the table\\)\\.`));
});

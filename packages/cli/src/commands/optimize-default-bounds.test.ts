import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_BOUNDS } from '@mixwise/engine';
import { defaultBoundsHint, defaultBoundsSentence } from './optimize-default-bounds.ts';
import type { OptimizationChannel } from './optimize-output.ts';

const row = (channel: string, bound: OptimizationChannel['bound'], lower: number, upper: number | null): OptimizationChannel => ({
  channel, current: 10, recommended: bound === 'at-upper' ? (upper ?? 10) : lower, change: 0, change_share: 0, roi_current: 1, roi_recommended: 1,
  mroi_current: 1, mroi_recommended: 1, bound, lower, upper,
});

test('the sentence names only channels held at the default 0.5× or 2× themselves, and only when the default applied', () => {
  const rows = [row('tv', 'at-lower', 5, 20), row('search', 'at-upper', 5, 20), row('social', 'free', 5, 20), row('ooh', 'locked', 10, 10)];
  assert.match(defaultBoundsSentence(rows, { defaults: DEFAULT_BOUNDS }, 'default'), /^ tv and search are held by the default bounds \(0\.5×–2× current spend\).*--bounds none\.$/);
  // search has its own --bound: its limit is the user's.
  assert.match(defaultBoundsSentence(rows, { defaults: DEFAULT_BOUNDS, channels: { search: {} } }, 'default'), /^ tv is held/);
  assert.equal(defaultBoundsSentence(rows, { defaults: DEFAULT_BOUNDS }, 'given'), '');
  // --max-change 10%: the limits are 9 and 11, not the default's 5 and 20; widening the default frees nothing.
  const narrowed = [row('tv', 'at-lower', 9, 11), row('search', 'at-upper', 9, 11)];
  assert.equal(defaultBoundsSentence(narrowed, { defaults: DEFAULT_BOUNDS, maxChange: { type: 'relative', value: 0.1 } }, 'default'), '');
});

test('plans: totals over H periods against per-period bounds; a channel on the default floor in some periods counts', () => {
  // current 10 per period × 13 = 130; per-period bounds 5 and 20.
  const plan = (channel: string, atLower: number): OptimizationChannel => ({ ...row(channel, 'free', 5, 20), current: 130, recommended: 100, periods_at_lower: atLower, periods_at_upper: 0 });
  assert.match(defaultBoundsSentence([plan('tv', 12), plan('ooh', 0)], { defaults: DEFAULT_BOUNDS }, 'default', 13), /^ tv is held by the default bounds/);
  assert.equal(defaultBoundsSentence([plan('tv', 12)], { defaults: DEFAULT_BOUNDS }, 'default', 1), '', 'read as one period, 5 is not half of 130');
});

test('the infeasibility hint mentions the default only when it applied', () => {
  assert.match(defaultBoundsHint('default'), /0\.5×–2×.*--bounds none/);
  assert.equal(defaultBoundsHint('given'), '');
});

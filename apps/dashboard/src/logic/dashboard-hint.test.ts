import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dashboardHint } from './dashboard-hint.ts';

test('dashboardHint: role problems point at the column table, never at CLI flags', () => {
  const unused = dashboardHint({ code: 'UNUSED_COLUMNS', hint: 'pass those that drive the KPI (price, …) with --controls, and 0/1 event columns with --events (candidates: promo)' });
  assert.match(unused, /column table/);
  assert.doesNotMatch(unused, /--/);
  assert.match(dashboardHint({ code: 'CHANNEL_NEVER_SPENDS', hint: 'leave it out: list the other channels with --channels, or …' }), /role to Ignore/);
});

test('dashboardHint: other hints keep their advice without the command-line alternative', () => {
  const hint = 'spend must be 0 or more; net refunds or corrections into neighbouring periods; or let Mixwise change it and log every change: mixwise fit --clean negatives=clip, or "cleaning: [{ negatives: clip }]" in mixwise.yaml';
  assert.equal(dashboardHint({ code: 'NEGATIVE_SPEND', hint }), 'spend must be 0 or more; net refunds or corrections into neighbouring periods');
  assert.equal(dashboardHint({ code: 'INVALID_DATE', hint: 'correct the date' }), 'correct the date');
});

test('dashboardHint: an issue a cleaning step fixes points at that tick under Cleaning', () => {
  assert.equal(dashboardHint({ code: 'NEGATIVE_SPEND', hint: 'spend must be 0 or more', fix: 'negatives_clip' }),
    'spend must be 0 or more; or tick "Clip negative spend to 0" under Cleaning (every change is logged)');
});

test('dashboardHint: under a refused upload, where Cleaning is not on screen, the tick is for after the file is fixed and uploaded again', () => {
  const hint = dashboardHint({ code: 'EMPTY_CELL', hint: 'write 0 for a period without spend', fix: 'fill_gaps' }, 'refused');
  assert.match(hint, /^write 0 for a period without spend; or, once the errors of the file are fixed and it is uploaded again, tick "[^"]+" under Cleaning in 2 · Column roles/);
  assert.doesNotMatch(dashboardHint({ code: 'EMPTY_CELL', hint: 'x', fix: 'fill_gaps' }), /uploaded again/);
});

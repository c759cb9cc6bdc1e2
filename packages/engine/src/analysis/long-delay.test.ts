import { test } from 'node:test';
import assert from 'node:assert/strict';
import { longDelayMessage, LONG_DELAY_PERIODS } from './long-delay.ts';
import { effectTiming } from './effect-timing.ts';
import type { AdstockSpec } from '../transforms/adstock/types.ts';

const model = (adstock: AdstockSpec, maxLag: number, frequency: 'weekly' | 'daily' = 'weekly') =>
  ({ frequency, channels: [{ name: 'search', adstock, maxLag }] }) as unknown as Parameters<typeof longDelayMessage>[0];

test('a channel whose effect peaks a quarter or more after the spend is flagged with its delay and how to constrain it', () => {
  // The Robyn sample's search: Weibull PDF peaking in week 19.
  const late: AdstockSpec = { type: 'delayed', alpha: 0.3, delay: 19 };
  const t = effectTiming(late, 52);
  assert.ok(t.peakLag >= 13);
  const text = longDelayMessage(model(late, 52), 0);
  assert.ok(text !== null);
  assert.match(text, new RegExp(`^search's effect peaks ${t.peakLag} weeks after the spend and half of it lands only by week ${t.lag50} \\(delayed adstock\\): a delay of 13 weeks or more\\.`));
  assert.match(text, /--max-lag 8, or max_lag: 8 for search in the config file/);
  assert.match(text, /--adstock geometric/);
  assert.match(text, /often means the fit used a long lag/);
});

test('the threshold is a quarter: 12 weeks passes, 13 is flagged; daily data count 91 days', () => {
  assert.equal(LONG_DELAY_PERIODS.weekly, 13);
  assert.equal(longDelayMessage(model({ type: 'delayed', alpha: 0.1, delay: 12 }, 52), 0), null);
  assert.notEqual(longDelayMessage(model({ type: 'delayed', alpha: 0.1, delay: 13 }, 52), 0), null);
  // A geometric carryover peaks at once; with a slow decay its half point decides (alpha 0.96: half by lag 16).
  assert.equal(longDelayMessage(model({ type: 'geometric', alpha: 0.5 }, 52), 0), null);
  assert.match(longDelayMessage(model({ type: 'geometric', alpha: 0.96 }, 52), 0) ?? '', /peaks 0 weeks after the spend and half of it lands only by week 1[3-9]/);
  assert.equal(longDelayMessage(model({ type: 'delayed', alpha: 0.1, delay: 60 }, 120, 'daily'), 0), null);
  assert.match(longDelayMessage(model({ type: 'delayed', alpha: 0.1, delay: 95 }, 120, 'daily'), 0) ?? '', /peaks 9\d days after the spend/);
});

test('a max lag raised above the default (a B2B setting) reads as an expected delay to check, not a likely artefact', () => {
  const text = longDelayMessage(model({ type: 'delayed', alpha: 0.3, delay: 20 }, 78), 0) ?? '';
  assert.match(text, /Its max lag was raised to 78 weeks, so a long delay was expected: keep it if the KPI really follows spend by months \(a long B2B sales cycle\)/);
  assert.doesNotMatch(text, /often means the fit used/);
});

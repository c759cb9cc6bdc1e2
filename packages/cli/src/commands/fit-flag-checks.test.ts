import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bayesFlags, checkWindowOrder, holdoutMessage, holidayRequest } from './fit-flag-checks.ts';
import type { FitFlags } from './fit.ts';
import { UsageError } from '../usage-error.ts';

const flags = (f: Partial<FitFlags>): FitFlags => ({ autoEvents: true, autoControls: true, out: 'out', ...f });

test('holidayRequest: flags override the config; --week-label without holidays is a usage error', () => {
  assert.deepEqual(holidayRequest(flags({ weekLabel: 'end' }), { names: ['us'], columns: 'set' }), { names: ['us'], weekLabel: 'end', columns: 'set' });
  assert.equal(holidayRequest(flags({}), undefined), undefined);
  assert.throws(() => holidayRequest(flags({ weekLabel: 'end', holidayColumns: 'set' }), undefined), (e: unknown) => e instanceof UsageError && /--week-label and --holiday-columns only apply with --holidays/.test(e.message));
});

test('bayesFlags: sampler flags only with --method bayes, at least 4 draws', () => {
  assert.equal(bayesFlags(flags({}), 'ridge'), undefined);
  assert.deepEqual(bayesFlags(flags({ chains: 2, targetAccept: 0.95 }), 'bayes'), { chains: 2, targetAccept: 0.95 });
  assert.throws(() => bayesFlags(flags({ targetAccept: 0.9 }), 'ridge'), /--target-accept only apply with --method bayes/);
  assert.throws(() => bayesFlags(flags({ draws: 3 }), 'bayes'), /--draws must be at least 4/);
});

test('checkWindowOrder names where each date came from; holdoutMessage the largest holdout that fits', () => {
  assert.doesNotThrow(() => checkWindowOrder({ start: '2024-01-01', end: '2024-06-01' }, {}));
  assert.throws(() => checkWindowOrder({ start: '2024-12-01', end: '2022-01-01' }, { end: '2022-01-01' }), /--end 2022-01-01 is before the config's window\.start 2024-12-01/);
  const dates = Array.from({ length: 30 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')}`);
  const m = holdoutMessage(flags({ holdout: 25 }), 25, 30, dates);
  assert.match(m, /^--holdout 25 leaves 5 of 30 periods of the window \(2024-01-01 … 2024-01-30\)/);
  assert.match(holdoutMessage(flags({}), 25, 30, dates), /holdout: 25 \(from the config\).*\(--holdout N overrides the config\)/);
});

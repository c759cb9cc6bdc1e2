import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocateBudget, type AllocateOptions } from './allocate-budget.ts';
import { MAX_BUDGET } from './check-allocate-options.ts';
import { EngineError } from '../errors.ts';
import { mmChannel, responseModel } from './test-models.ts';

const model = responseModel([mmChannel('a', 4, 1, 2), mmChannel('b', 1, 1, 2)], 10);

const refused = (options: unknown, re: RegExp) => assert.throws(() => allocateBudget(model, options as AllocateOptions), (e: unknown) => e instanceof EngineError && e.code === 'INVALID_ARGUMENT' && re.test(e.message));

test('allocateBudget refuses unknown option and constraint keys instead of ignoring them', () => {
  refused({ budget: 100, bounds: { a: { max: 1 } } }, /unknown options key "bounds" \(per-channel bounds go in constraints.channels/);
  refused({ budget: 100, locks: { a: true } }, /unknown options key "locks" \(did you mean constraints.locks\?\)/);
  refused({ budget: 100, constraints: { lock: {} } }, /unknown constraints key "lock"; valid keys: defaults, channels, locks, maxChange/);
  refused({ budget: 100, mode: 'all' }, /mode must be 'exact' or 'up-to'/);
});

test('allocateBudget: a budget above MAX_BUDGET (the HTTP API cap) or not finite is an EngineError', () => {
  refused({ budget: 1e300 }, /budget must be a finite number from 0 to 1000000000000000/);
  refused({ budget: Infinity }, /budget must be/);
  refused({ budget: '30000' }, /got "30000"/);
  assert.equal(MAX_BUDGET, 1e15);
  assert.equal(allocateBudget(model, { budget: 100 }).feasible, true);
});

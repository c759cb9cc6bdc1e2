import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultModelSpec } from './model-spec.ts';
import { checkSpec } from './check-spec.ts';
import { EngineError } from '../errors.ts';

const input = { nTimes: 104, frequency: 'weekly' as const, channels: ['tv', 'search'] };

test('defaultModelSpec merges nested overrides: a partial search keeps the default trials, seed and weights', () => {
  const base = defaultModelSpec(input);
  const s = defaultModelSpec(input, { search: { iterations: 1000 } });
  assert.equal(s.search.iterations, 1000);
  assert.deepEqual({ ...s.search, iterations: base.search.iterations }, base.search);
  assert.deepEqual(defaultModelSpec(input, { search: { weights: { decompRssd: 1 } } }).search.weights, { ...base.search.weights, decompRssd: 1 });
  assert.deepEqual(defaultModelSpec(input, { window: { start: 10 } }).window, { start: 10, end: 104 });
  assert.equal(defaultModelSpec(input, { search: { roiPrior: null } }).search.roiPrior, null);
});

test('channel overrides merge by name onto the defaults; other channels keep theirs', () => {
  const s = defaultModelSpec(input, { channels: [{ name: 'search', maxLag: 4, bounds: { saturation: { shape: [1, 2] } } }] });
  assert.deepEqual(s.channels.map((c) => [c.name, c.adstock, c.maxLag]), [['tv', 'auto', 52], ['search', 'auto', 4]]);
  assert.deepEqual(s.channels[1].bounds?.saturation?.shape, [1, 2]);
  assert.throws(() => defaultModelSpec(input, { channels: [{ name: 'radio' }] }), /"radio", which is not a channel of the table; the table has: tv, search/);
});

test('unknown keys are refused with the key and the valid ones', () => {
  const e = (() => { try { defaultModelSpec(input, { iterations: 100 } as never); } catch (x) { return x; } })();
  assert.ok(e instanceof EngineError && e.code === 'INVALID_ARGUMENT');
  assert.match(e.message, /unknown model spec key "iterations" \(did you mean search.iterations\?\); valid keys: window, holdout/);
  assert.equal(e.at?.series, 'iterations');
  assert.throws(() => defaultModelSpec(input, { search: { iteration: 5 } as never }), /unknown model spec key "search.iteration"; valid keys of search: iterations, trials/);
  assert.throws(() => defaultModelSpec(input, { search: 5 as never }), /"search" must be an object/);
});

test('null for an object-shaped key is refused with INVALID_ARGUMENT naming the key; roiPrior: null stays allowed', () => {
  for (const key of ['search', 'window', 'trend', 'lambda', 'bayes']) {
    const e = (() => { try { defaultModelSpec(input, { [key]: null } as never); } catch (x) { return x; } })();
    assert.ok(e instanceof EngineError && e.code === 'INVALID_ARGUMENT', key);
    assert.match(e.message, new RegExp(`model spec "${key}" must be an object with keys .*, got null`));
    assert.equal(e.at?.series, key);
  }
  assert.throws(() => defaultModelSpec(input, { search: { weights: null } } as never), /"search.weights" must be an object/);
  assert.throws(() => defaultModelSpec(input, { channels: [{ name: 'tv', bounds: null }] } as never), /"channels\[0\].bounds" must be an object/);
  assert.equal(defaultModelSpec(input, { search: { roiPrior: null } }).search.roiPrior, null);
});

test('checkSpec refuses bad values by key', () => {
  const spec = defaultModelSpec(input);
  const bad = (over: object, re: RegExp) => assert.throws(() => checkSpec(defaultModelSpec(input, over), 104), re);
  checkSpec(spec, 104);
  bad({ search: { iterations: -5 } }, /"search.iterations" must be an integer ≥ 1, got -5/);
  bad({ search: { iterations: NaN } }, /"search.iterations" must be an integer ≥ 1, got NaN/);
  bad({ search: { trials: 1.5 } }, /"search.trials"/);
  bad({ window: { start: 50, end: 40 } }, /"window.end" must be an integer in \[51, 104\], got 40/);
  bad({ holdout: 200 }, /"holdout" must be an integer in \[0, 103\]/);
  bad({ channels: [{ name: 'tv', adstock: 'nope' }] }, /"channels\[0\].adstock" must be one of "auto", "geometric"/);
  bad({ search: { roiPrior: { median: -1, sdLog: 1 } } }, /"search.roiPrior.median" must be a positive number/);
  bad({ method: 'mcmc' }, /"method" must be one of "ridge", "bayes"/);
});

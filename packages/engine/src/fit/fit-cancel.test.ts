import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { fitMmm, type FitOptions } from './fit-mmm.ts';
import { simulatePreset } from '../simulate/presets/index.ts';
import { summarizeModel } from '../analysis/summarize.ts';
import { EngineError } from '../errors.ts';
import { defaultModelSpec, type ModelSpec } from '../spec/model-spec.ts';
import type { Progress } from './search/run-search.ts';

const table = simulatePreset('retail', 7).table;
// Small but complete: search, posterior, refit and bootstrap all run.
const search = defaultModelSpec({ nTimes: table.dates.length, frequency: table.frequency, channels: table.channels.map((c) => c.name) }).search;
const SMALL: Partial<ModelSpec> = { search: { ...search, iterations: 600, trials: 2, seed: 5, bootstrap: 8, posterior: 2000 } };

function isCancel(e: unknown): boolean {
  return e instanceof EngineError && e.code === 'CANCELLED';
}

/** Fit with a signal that `abortWhen` aborts from a timer; resolves with the ms from abort() to the rejection. */
async function abortLatency(spec: Partial<ModelSpec>, abortWhen: (p: Progress | null, abort: () => void) => void): Promise<number> {
  const ac = new AbortController();
  let abortedAt = 0;
  const abort = (): void => { abortedAt = performance.now(); ac.abort(); };
  abortWhen(null, abort);
  await assert.rejects(fitMmm(table, spec, { signal: ac.signal, onProgress: (p) => abortWhen(p, abort) }), isCancel);
  assert.ok(abortedAt > 0, 'the abort timer fired before the fit ended');
  return performance.now() - abortedAt;
}

test('a setTimeout abort stops the search promptly with EngineError CANCELLED', async () => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const started = performance.now();
  const ms = await abortLatency({}, (p, abort) => { if (p === null) timer = setTimeout(abort, 100); });
  clearTimeout(timer);
  assert.ok(ms < 500, `rejected ${ms.toFixed(0)} ms after the abort`);
  assert.ok(performance.now() - started < 2000, 'the fit stopped long before it would have finished');
});

// Each phase long enough (alone) that an abort not seen until the end would take far longer than the bound.
const LONG: Record<'posterior' | 'bootstrap' | 'sample', Partial<ModelSpec>> = {
  posterior: { search: { ...search, iterations: 600, trials: 2, posterior: 20000, bootstrap: 0 } },
  bootstrap: { search: { ...search, iterations: 600, trials: 2, posterior: 0, bootstrap: 200 } },
  sample: { method: 'bayes', bayes: { chains: 2, warmup: 20, draws: 10, stored: 10 }, search: { ...search, iterations: 600, trials: 2, posterior: 0 } },
};
for (const phase of ['posterior', 'bootstrap', 'sample'] as const) {
  test(`an abort from a timer during the ${phase} phase is honoured there`, async () => {
    let armed = false;
    const ms = await abortLatency(LONG[phase], (p, abort) => {
      if (p?.phase === phase && !armed) { armed = true; setTimeout(abort, 0); }
    });
    // One NUTS iteration of this model can take a few hundred ms on a busy machine.
    assert.ok(ms < (phase === 'sample' ? 1500 : 500), `rejected ${ms.toFixed(0)} ms after the abort`);
  });
}

test('a signal that has already aborted stops the fit before the search', async () => {
  await assert.rejects(fitMmm(table, SMALL, { signal: AbortSignal.abort() }), isCancel);
});

test('isCancelled still works, and now also in the bootstrap', async () => {
  let inBootstrap = false;
  await assert.rejects(fitMmm(table, SMALL, {
    onProgress: (p) => { if (p.phase === 'bootstrap') inBootstrap = true; },
    isCancelled: () => inBootstrap,
  }), isCancel);
  assert.ok(inBootstrap);
});

test('timers run during an in-thread fit, and its results are bit-identical with or without a signal', async () => {
  const digest = async (options: FitOptions): Promise<string> => {
    const model = await fitMmm(table, SMALL, options);
    return createHash('sha256').update(JSON.stringify({ model, summary: summarizeModel(model) })).digest('hex');
  };
  let ticks = 0;
  const interval = setInterval(() => { ticks++; }, 5);
  const withSignal = await digest({ signal: new AbortController().signal });
  clearInterval(interval);
  const plain = await digest({});
  assert.equal(withSignal, plain);
  assert.ok(ticks > 0, 'the event loop turned during the fit');
});

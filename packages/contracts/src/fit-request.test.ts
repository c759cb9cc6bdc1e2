import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FitRequestSchema } from './fit-request.ts';

const roles = { date: 'date', target: 'sales', channels: ['tv_spend'] };

test('fit request: options default to {}, given options are kept', () => {
  assert.deepEqual(FitRequestSchema.parse({ uploadId: '0123456789abcdef', roles }).options, {});
  const r = FitRequestSchema.parse({ uploadId: '0123456789abcdef', roles, options: { seed: 3, iterations: 300, holdout: 8, adstock: 'geometric' } });
  assert.deepEqual(r.options, { seed: 3, iterations: 300, holdout: 8, adstock: 'geometric' });
});

test('fit request: a bad upload id, negative holdout, fractional iterations and unknown adstock are rejected with paths', () => {
  const r = FitRequestSchema.safeParse({ uploadId: '../etc', roles, options: { holdout: -1, iterations: 2.5, adstock: 'exp' } });
  assert.equal(r.success, false);
  const paths = r.error?.issues.map((i) => i.path.join('.')).sort();
  assert.deepEqual(paths, ['options.adstock', 'options.holdout', 'options.iterations', 'uploadId']);
});

test('fit request: unknown keys are refused at every level (top, options, bayes, roles, a lift test), where they are', () => {
  const unknown = (body: object): string[] => (FitRequestSchema.safeParse(body).error?.issues ?? [])
    .filter((i) => i.code === 'unrecognized_keys').flatMap((i) => i.keys.map((k) => [...i.path.map(String), k].join('.'))).sort();
  const base = { uploadId: '0123456789abcdef', roles };
  assert.deepEqual(unknown({ ...base, bayes: {} }), ['bayes']);
  assert.deepEqual(unknown({ ...base, options: { iterations: 10, iteration: 10 } }), ['options.iteration']);
  assert.deepEqual(unknown({ ...base, options: { method: 'bayes', bayes: { chain: 2 } } }), ['options.bayes.chain']);
  assert.deepEqual(unknown({ ...base, roles: { ...roles, kpi: 'sales' } }), ['roles.kpi']);
  assert.deepEqual(unknown({ ...base, options: { liftTests: [{ channel: 'tv', start: '2024-01-01', end: '2024-02-01', lift: 5, se: 1 }] } }), ['options.liftTests.0.se']);
});

test('fit request: refusals name the field in words and the range it takes', () => {
  const messages = (options: object): string[] => (FitRequestSchema.safeParse({ uploadId: '0123456789abcdef', roles, options }).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
  assert.deepEqual(messages({ iterations: 0 }), ['options.iterations: search iterations must be a whole number from 1 to 1,000,000']);
  assert.deepEqual(messages({ iterations: null }), ['options.iterations: search iterations must be a whole number from 1 to 1,000,000']);
  assert.deepEqual(messages({ holdout: 1.5, seed: -1 }).sort(), ['options.holdout: holdout periods must be a whole number (0 or more)', 'options.seed: the seed must be a whole number (0 or more)']);
  assert.deepEqual(messages({ adstock: 'exp' }), ['options.adstock: the adstock must be one of: geometric, delayed, weibull-cdf, weibull-pdf, auto']);
  assert.deepEqual(messages({ method: 'bayes', bayes: { chains: 17, draws: 2, targetAccept: 1 } }).sort(), [
    'options.bayes.chains: chains must be a whole number from 1 to 16',
    'options.bayes.draws: draws per chain must be a whole number from 4 to 20,000',
    'options.bayes.targetAccept: the target acceptance must be a number between 0 and 1 (not 0 or 1), e.g. 0.9',
  ]);
});

test('fit request: organic media are passed through, with either method (the Bayesian model samples them too)', () => {
  const body = { uploadId: '0123456789abcdef', roles: { ...roles, organic: ['newsletter'] } };
  assert.deepEqual(FitRequestSchema.parse(body).roles.organic, ['newsletter']);
  const bayes = FitRequestSchema.parse({ ...body, options: { method: 'bayes' } });
  assert.deepEqual([bayes.options.method, bayes.roles.organic], ['bayes', ['newsletter']]);
});

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

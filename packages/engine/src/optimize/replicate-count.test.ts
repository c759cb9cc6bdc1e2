import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replicateCount } from './replicate-count.ts';
import { EngineError } from '../errors.ts';
import type { ResponseModel } from './types.ts';

const mm = { type: 'michaelis-menten' as const, halfSaturation: 1 };
const comp = { coef: 1, gain: 1, saturation: mm };
const channel = (name: string, k?: number) => ({ name, current: 1, coef: 1, gain: 1, saturation: mm, ...(k === undefined ? {} : { components: Array.from({ length: k }, () => comp) }) });

test('replicateCount: the common number of components; 0 without any or without channels', () => {
  assert.equal(replicateCount({ channels: [channel('a', 3), channel('b', 3)] }), 3);
  assert.equal(replicateCount({ channels: [channel('a'), channel('b', 0)] }), 0);
  assert.equal(replicateCount({ channels: [] } as Pick<ResponseModel, 'channels'>), 0);
});

test('replicateCount: channels with different numbers of components are refused with INVALID_ARGUMENT', () => {
  for (const channels of [[channel('a', 3), channel('b', 2)], [channel('a', 3), channel('b')], [channel('a'), channel('b', 2)]]) {
    assert.throws(() => replicateCount({ channels }), (e: unknown) => e instanceof EngineError && e.code === 'INVALID_ARGUMENT' && /channel b/.test(e.message));
  }
});

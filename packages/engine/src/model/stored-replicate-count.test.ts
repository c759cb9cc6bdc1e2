import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storedReplicateCount } from './stored-replicate-count.ts';
import { replicateModels } from './replicate-models.ts';
import type { MmmModel } from './mmm-model.ts';

const spend = Float64Array.from({ length: 10 }, (_, t) => 10 + t);
const channel = (name: string) => ({ name, spend, adstock: { type: 'geometric' as const, alpha: 0.3 }, maxLag: 2, saturation: { type: 'hill' as const, halfSaturation: 1, shape: 1 }, scale: 10, coef: 5 });
const curve = { adstock: { type: 'geometric' as const, alpha: 0.4 }, saturation: { type: 'hill' as const, halfSaturation: 1, shape: 1 }, scale: 10, coef: 4 };
const base = { window: { start: 0, end: 10 }, channels: [channel('a'), channel('b')], bootstrapRoi: [[1, 2], [1], [3, 4], [5, 6]] } as unknown as MmmModel;

test('storedReplicateCount counts what replicateModels builds: curves first, else ROIs, one entry per channel', () => {
  for (const model of [base, { ...base, bootstrapCurves: [] }, { ...base, bootstrapCurves: [[curve, curve], [curve]] }, { ...base, bootstrapRoi: [] }] as MmmModel[]) {
    assert.equal(storedReplicateCount(model), replicateModels(model).length);
  }
  assert.equal(storedReplicateCount(base), 3);
  assert.equal(storedReplicateCount({ ...base, bootstrapCurves: [[curve, curve], [curve]] }), 1);
});

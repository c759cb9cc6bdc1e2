import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseModel } from './parse-model.ts';
import { MODEL_SCHEMA_VERSION } from './mmm-model.ts';
import { EngineError } from '../errors.ts';

const model = {
  schemaVersion: MODEL_SCHEMA_VERSION, dates: ['2024-01-01', '2024-01-08'], intercept: 1, window: { start: 0, end: 2 }, baseline: [],
  actual: [5, null],
  channels: [{ name: 'tv', coef: 2, scale: 3, maxLag: 4, spend: [1, 2], adstock: { type: 'geometric', alpha: 0.5 }, saturation: { type: 'hill', halfSaturation: 1, shape: 1 } }],
};

const invalid = (json: unknown, re: RegExp, series?: string) => assert.throws(() => parseModel(json),
  (e: unknown) => e instanceof EngineError && e.code === 'INVALID_ARGUMENT' && re.test(e.message) && (series === undefined || e.at?.series === series));

test('parseModel revives null KPI values as NaN and gives an empty bootstrapRoi', () => {
  const m = parseModel(JSON.parse(JSON.stringify(model)));
  assert.equal(m.actual[0], 5);
  assert.ok(Number.isNaN(m.actual[1]));
  assert.deepEqual(m.bootstrapRoi, []);
});

test('parseModel gives an EngineError, not a TypeError, on malformed input', () => {
  invalid({}, /no schemaVersion/);
  invalid(null, /no schemaVersion/);
  invalid({ schemaVersion: MODEL_SCHEMA_VERSION + 5 }, new RegExp(`schemaVersion ${MODEL_SCHEMA_VERSION + 5}, newer than the ${MODEL_SCHEMA_VERSION} this engine reads`));
  invalid({ schemaVersion: 'x' }, /invalid model schemaVersion "x"/);
  invalid({ ...model, channels: [{ ...model.channels[0], spend: undefined }] }, /channels\[0\].spend \(an array\) is missing/, 'channels[0].spend (an array)');
  invalid({ ...model, actual: [1, 'x'] }, /actual\[1\] is "x"/);
});

test('responseModelFromMmm refuses a non-model and a newer schemaVersion with an EngineError', async () => {
  const { responseModelFromMmm } = await import('../optimize/response-model-from-mmm.ts');
  assert.throws(() => responseModelFromMmm({} as never), (e: unknown) => e instanceof EngineError && /not a fitted model.*parseModel/.test(e.message));
  assert.throws(() => responseModelFromMmm({ ...model, schemaVersion: MODEL_SCHEMA_VERSION + 1 } as never), /newer than the/);
});

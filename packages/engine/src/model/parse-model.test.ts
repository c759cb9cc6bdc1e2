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
  invalid({ ...model, channels: [{ ...model.channels[0], spend: undefined }] }, /channels\[0\].spend \(an array of 2 numbers, one per date\) is missing/, 'channels[0].spend (an array of 2 numbers, one per date)');
  invalid({ ...model, actual: [1, 'x'] }, /actual\[1\] is "x"/);
});

test('parseModel keeps a valid money field and names an invalid one (a hand-edited model.json)', () => {
  assert.deepEqual(parseModel({ ...model, money: { currency: 'EUR', locale: 'de-DE' } }).money, { currency: 'EUR', locale: 'de-DE' });
  assert.deepEqual(parseModel({ ...model, money: {} }).money, {});
  invalid({ ...model, money: { currency: 'EURO' } }, /money\.currency \("EURO" is not an ISO 4217 currency code.*\) is missing or malformed/);
  invalid({ ...model, money: { currency: 7 } }, /money\.currency \(7 is not a string/);
  invalid({ ...model, money: { currency: 'GBP', locale: 'not a tag!' } }, /money\.locale \("not a tag!" is not a BCP 47 locale tag/);
  invalid({ ...model, money: 'EUR' }, /money \(\{ currency\?: an ISO 4217 code/);
});

test('responseModelFromMmm refuses a non-model and a newer schemaVersion with an EngineError', async () => {
  const { responseModelFromMmm } = await import('../optimize/response-model-from-mmm.ts');
  assert.throws(() => responseModelFromMmm({} as never), (e: unknown) => e instanceof EngineError && /not a Mixwise model: missing window, channels, baseline, dates, actual, intercept;.*parseModel/.test(e.message));
  assert.throws(() => responseModelFromMmm({ ...model, schemaVersion: MODEL_SCHEMA_VERSION + 1 } as never), /newer than the/);
});

test('summarizeModel, decompose and modelDiagnostics name what a non-model lacks (an EngineError, not a TypeError)', async () => {
  const { summarizeModel } = await import('../analysis/summarize.ts');
  const { decompose } = await import('../analysis/decomposition.ts');
  const { modelDiagnostics } = await import('../analysis/diagnostics.ts');
  const refused = (fn: () => unknown, message: string, series?: string): void => {
    assert.throws(fn, (e: unknown) => {
      assert.ok(e instanceof EngineError, `an EngineError, got ${String(e)}`);
      assert.equal(e.code, 'INVALID_ARGUMENT');
      assert.equal(e.message, message);
      assert.equal(e.at?.series, series);
      return true;
    });
  };
  const hint = 'pass a fitted model: load model.json with parseModel(JSON.parse(text))';
  refused(() => summarizeModel({} as never), `summarizeModel: not a Mixwise model: missing window, channels, baseline, dates, actual, intercept; ${hint}`, 'window');
  // With the decomposition given too, the model is still checked first.
  refused(() => summarizeModel({ ...model, channels: undefined } as never, { dates: [], actual: new Float64Array(0), fitted: new Float64Array(0), components: [] }),
    `summarizeModel: not a Mixwise model: missing channels; ${hint}`, 'channels');
  refused(() => summarizeModel(null as never), `summarizeModel: not a Mixwise model: got null, not a fitted model object; ${hint}`);
  refused(() => summarizeModel([] as never), `summarizeModel: not a Mixwise model: got an array, not a fitted model object; ${hint}`);
  refused(() => decompose({ ...model, baseline: undefined } as never), `decompose: not a Mixwise model: missing baseline; ${hint}`, 'baseline');
  refused(() => modelDiagnostics({ channels: [] } as never), `modelDiagnostics: not a Mixwise model: missing window, baseline, dates, actual, intercept; ${hint}`, 'window');
  // A real model still goes through.
  assert.equal(decompose(parseModel(model)).dates.length, model.dates.length);
});

test('the model guard checks fields and shapes like parseModel: an EngineError naming the field, not a TypeError', async () => {
  const { summarizeModel } = await import('../analysis/summarize.ts');
  const { decompose } = await import('../analysis/decomposition.ts');
  const { responseModelFromMmm } = await import('../optimize/response-model-from-mmm.ts');
  const m = parseModel(model);
  const refused = (fn: () => unknown, re: RegExp, series: string): void => {
    assert.throws(fn, (e: unknown) => {
      assert.ok(e instanceof EngineError, `an EngineError, got ${String(e)}`);
      assert.match(e.message, re);
      assert.equal(e.at?.series, series);
      return true;
    });
  };
  const win = 'window ({ start, end }: integer rows with 0 <= start < end <= 2, the number of dates)';
  // The reviewer's inputs: a TypeError and "undefined is not iterable" before.
  refused(() => summarizeModel({ window: { start: 0, end: 3 }, channels: [], baseline: [] } as never), /^summarizeModel: not a Mixwise model: missing dates, actual, intercept; pass a fitted model/, 'dates');
  refused(() => summarizeModel({ window: {}, channels: [], baseline: [], dates: ['a'], actual: [1], intercept: 0 } as never),
    /^summarizeModel: not a complete Mixwise model: window \(\{ start, end \}: integer rows with 0 <= start < end <= 1, the number of dates\) is missing or malformed; pass a fitted model/,
    'window ({ start, end }: integer rows with 0 <= start < end <= 1, the number of dates)');
  refused(() => summarizeModel({ ...m, window: { start: 0, end: 3 } }), /window .* is missing or malformed/, win);
  refused(() => decompose({ ...m, window: { start: 0.5, end: 2 } }), /window/, win);
  refused(() => decompose({ ...m, actual: [1] }), /actual \(an array of 2 values, one per date\) is missing or malformed/, 'actual (an array of 2 values, one per date)');
  refused(() => responseModelFromMmm({ ...m, channels: [{ ...m.channels[0], spend: [1] }] }), /^responseModelFromMmm: .*channels\[0\]\.spend \(an array of 2 numbers, one per date\)/, 'channels[0].spend (an array of 2 numbers, one per date)');
  refused(() => responseModelFromMmm({ ...m, channels: [{ name: 'tv' }] } as never), /channels\[0\]\.coef \(a number\)/, 'channels[0].coef (a number)');
  refused(() => decompose({ ...m, baseline: [{ name: 'trend', kind: 'trend', coef: 1 }] } as never), /baseline\[0\]\.values/, 'baseline[0].values (an array of 2 numbers, one per date)');
  refused(() => decompose({ ...m, dates: [1, 2] } as never), /dates \(an array of date strings\)/, 'dates (an array of date strings)');
  // parseModel refuses the same shapes.
  invalid({ ...model, window: { start: 1, end: 1 } }, /window/, win);
  invalid({ ...model, channels: [{ ...model.channels[0], spend: [1, 2, 3] }] }, /channels\[0\]\.spend/);
});

// A 2-geo version of `model`: spend [1, 2] split [0.4, 1.5] + [0.6, 0.5]; a control with per-geo values.
const panel = {
  ...model,
  actual: [5, 6],
  baseline: [{ name: 'price', kind: 'control', values: [2.5, 3], coef: -1, panelValues: [[1, 3], [4, 3]] }],
  channels: [{ ...model.channels[0], panel: { shares: [0.5, 0.5], spend: [[0.4, 1.5], [0.6, 0.5]] } }],
  panel: { column: 'region', geos: ['north', 'south'], shares: [0.5, 0.5], intercepts: [1, 1], actual: [[2, 3], [3, 3]] },
};

test('parseModel reads a geo-level model and a version-1 national model unchanged', () => {
  const m = parseModel(JSON.parse(JSON.stringify(panel)));
  assert.deepEqual(m.panel?.geos, ['north', 'south']);
  assert.deepEqual(m.channels[0].panel?.spend, [[0.4, 1.5], [0.6, 0.5]]);
  assert.equal(parseModel({ ...model, schemaVersion: 1 }).schemaVersion, 1);
});

test('parseModel names the malformed geo-level field', () => {
  const p = panel.panel, ch = panel.channels[0], b = panel.baseline[0];
  invalid({ ...panel, schemaVersion: 1 }, /geo panel but schemaVersion 1/, 'schemaVersion');
  invalid({ ...panel, panel: { ...p, geos: ['north', 'north'] } }, /at least 2 distinct geo names/, 'panel.geos');
  invalid({ ...panel, panel: { ...p, shares: [0.5, 0.6] } }, /panel.shares sum to 1.1, not 1/, 'panel.shares');
  invalid({ ...panel, panel: { ...p, shares: [1, 0] } }, /positive numbers/, 'panel.shares');
  invalid({ ...panel, panel: { ...p, intercepts: [1] } }, /panel.intercepts must be 2 finite numbers/, 'panel.intercepts');
  invalid({ ...panel, panel: { ...p, actual: [[2, 3], [3]] } }, /panel.actual\[1\] must have 2 values/, 'panel.actual[1]');
  invalid({ ...panel, channels: [{ ...ch, panel: undefined }] }, /channels\[0\].panel .* is missing/, 'channels[0].panel');
  invalid({ ...panel, channels: [{ ...ch, panel: { ...ch.panel, shares: [0.4, 0.6] } }] }, /must equal panel.shares/, 'channels[0].panel.shares');
  invalid({ ...panel, channels: [{ ...ch, panel: { ...ch.panel, spend: [[0.4, 1.5]] } }] }, /must be 2 series, one per geo/, 'channels[0].panel.spend');
  invalid({ ...panel, channels: [{ ...ch, panel: { ...ch.panel, spend: [[0.4, -1.5], [0.6, 0.5]] } }] }, /\[0\]\[1\] is -1.5, not a non-negative finite number/, 'channels[0].panel.spend[0][1]');
  invalid({ ...panel, channels: [{ ...ch, panel: { ...ch.panel, spend: [[0.4, 1.4], [0.6, 0.5]] } }] }, /sums to 1.9 over the geos at row 1, but channels\[0\].spend\[1\] is 2/, 'channels[0].panel.spend');
  invalid({ ...panel, baseline: [{ ...b, panelValues: [[1, 3]] }] }, /baseline\[0\].panelValues must be 2 series/, 'baseline[0].panelValues');
  invalid({ ...panel, baseline: [{ ...b, panelValues: [[1, 3], [4, 4]] }] }, /at row 1 average 3.5 .* not baseline\[0\].values\[1\] = 3/, 'baseline[0].panelValues');
  // Geo fields without model.panel.
  invalid({ ...model, channels: [ch] }, /channels\[0\].panel is set but the model has no panel/, 'channels[0].panel');
  invalid({ ...model, baseline: [b] }, /baseline\[0\].panelValues is set but the model has no panel/, 'baseline[0].panelValues');
});

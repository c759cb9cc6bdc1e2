import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unfittedEvents, unfittedEventsText } from './unfitted-events.ts';

const term = (name: string, values: number[], kind: 'event' | 'control' = 'event') => ({ name, kind, values, coef: 0 });

test('unfittedEvents: an event on only in the holdout (or never) is named with its holdout periods; one that varies in the fitted rows is not', () => {
  // Window rows 0–9, holdout 3: fitted rows 0–6.
  const model = {
    window: { start: 0, end: 10 }, holdout: 3,
    baseline: [
      term('promo', [0, 1, 0, 0, 1, 0, 0, 0, 1, 0]),
      term('holiday_us_christmas', [0, 0, 0, 0, 0, 0, 0, 0, 1, 1]),
      term('never', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      term('price', [5, 5, 5, 5, 5, 5, 5, 6, 7, 8], 'control'),
    ],
  };
  assert.deepEqual(unfittedEvents(model), [{ name: 'holiday_us_christmas', inHoldout: 2 }, { name: 'never', inHoldout: 0 }]);
  const text = unfittedEventsText(unfittedEvents(model));
  assert.match(text ?? '', /^holiday_us_christmas \(on in 2 holdout periods\), never do not vary over the fitted periods, so their effect cannot be estimated/);
  assert.equal(unfittedEventsText([]), null);
  // Rows before the window (warm-up) do not count: an event on only there is flat over the fitted rows.
  const warm = { window: { start: 2, end: 10 }, holdout: 0, baseline: [term('launch', [1, 1, 0, 0, 0, 0, 0, 0, 0, 0])] };
  assert.deepEqual(unfittedEvents(warm), [{ name: 'launch', inHoldout: 0 }]);
});

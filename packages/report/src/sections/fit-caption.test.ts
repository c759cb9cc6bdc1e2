import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actualVsFittedCaption } from './fit-caption.ts';

const model = (actual: number[], holdout: number) => ({ actual, window: { start: 1, end: actual.length }, holdout });

test('actualVsFittedCaption: the holdout shading, and the "no KPI" areas only when periods of the window had no KPI', () => {
  assert.equal(actualVsFittedCaption(model([1, 2, 3, 4], 0), 'revenue'), 'Observed and fitted revenue.');
  assert.equal(actualVsFittedCaption(model([1, 2, 3, 4], 2), 'revenue'), 'Observed and fitted revenue; the shaded periods were held out of the fit.');
  // A NaN before the window's start (warm-up) is not a period left out.
  assert.equal(actualVsFittedCaption(model([NaN, 2, 3, 4], 0), 'sales'), 'Observed and fitted sales.');
  assert.equal(actualVsFittedCaption(model([1, 2, NaN, 4, NaN, 6], 1), 'revenue'),
    'Observed and fitted revenue; the shaded periods at the end were held out of the fit; the areas labelled "no KPI" mark 2 periods without a KPI, left out of the fit (the observed line breaks there).');
  assert.match(actualVsFittedCaption(model([1, NaN, 3], 0), 'y'), /mark 1 period without a KPI/);
});

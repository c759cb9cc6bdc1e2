import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sparseChannelText } from '@mixwise/engine';
import { beyondDataTitle } from './beyond-data-title.ts';

test('beyondDataTitle: the extrapolation note, then the engine\'s sparse caution word for word', () => {
  assert.equal(beyondDataTitle('tv', 'below', null), 'The data never held tv at a sustained spend this low: the prediction here extrapolates the fitted curve.');
  const sparse = sparseChannelText('tv', { active: 3, periods: 156, first: 49, kind: 'few' });
  const title = beyondDataTitle('tv', 'above', sparse);
  assert.equal(title, `The data never held tv at a sustained spend this high: the prediction here extrapolates the fitted curve. ${sparse}`);
  assert.equal(title.match(/Few periods of data/g)?.length, 1);
});

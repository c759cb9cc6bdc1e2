import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitWarningHeadline } from './fit-warning-headline.ts';

test('a warning\'s headline says what it means in plain words and names its channel', () => {
  assert.equal(fitWarningHeadline({ code: 'PARAMETER_AT_BOUND', channel: 'display' }), 'display: the data cannot say how it responds to more spend than it has had, so a plan that raises it well past that is a guess');
  assert.match(fitWarningHeadline({ code: 'LONG_DELAY', channel: 'search' }), /^search: the model puts its effect months after the spend/);
  assert.equal(fitWarningHeadline({ code: 'SEASONALITY_SHORT_DATA', channel: null }), 'Less than a year of data: seasonal swings may be credited to trend or media');
  // No jargon in a headline: the detail (the message) keeps the technical terms.
  for (const code of ['PARAMETER_AT_BOUND', 'SPARSE_SPEND', 'UNOBSERVED_LOW_SPEND', 'LONG_DELAY', 'POOR_FIT'] as const) {
    assert.doesNotMatch(fitWarningHeadline({ code, channel: 'tv' }), /halfSaturation|search range|R²|adstock|kernel/);
  }
  // A code from a newer version still gets a line.
  assert.equal(fitWarningHeadline({ code: 'FUTURE_CODE' as never, channel: null }), 'Check before trusting the figures');
});

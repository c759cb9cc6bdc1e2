import { test } from 'node:test';
import assert from 'node:assert/strict';
import { organicCandidate, unusedColumnsHint } from './unused-columns-hint.ts';

const list = (n: readonly string[]): string => n.join(', ');

test('exposure without a spend column of its own, or a newsletter, is pointed at --organic, not at --controls', () => {
  const channels = [{ name: 'Channel0', column: 'Channel0_spend' }, { name: 'facebook', column: 'facebook_S' }];
  assert.equal(organicCandidate('Organic_channel0_impression', channels), true);
  assert.equal(organicCandidate('newsletter', channels), true);
  assert.equal(organicCandidate('facebook_I', channels), false, 'the exposure of a channel in use');
  assert.equal(organicCandidate('price', channels), false);
  const hint = unusedColumnsHint(['Organic_channel0_impression', 'newsletter', 'price'], { channels, dummies: [], rolesIn: 'flags', list });
  assert.match(hint, /pass it with --organic \(candidates: Organic_channel0_impression, newsletter\)/);
  assert.match(hint, /with --controls$/);
  const config = unusedColumnsHint(['newsletter'], { channels, dummies: [], rolesIn: 'config', list });
  assert.match(config, /add it to columns\.organic in mixwise\.yaml \(candidates: newsletter\)/);
  assert.doesNotMatch(config, /controls/);
});

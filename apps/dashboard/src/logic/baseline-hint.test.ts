import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baselineHint } from './baseline-hint.ts';
import { formatPct } from './format.ts';

test('baselineHint: "without media" only when there are no organic media; otherwise it names them and their share', () => {
  assert.equal(baselineHint({}), 'would happen without media');
  assert.equal(baselineHint({ organic: [] }), 'would happen without media');
  const hint = baselineHint({ organic: [{ name: 'newsletter', share_of_kpi: 0.064 }, { name: 'social_posts', share_of_kpi: 0.01 }] });
  assert.equal(hint, `without paid media; includes organic media (newsletter, social_posts) ${formatPct(0.074)}`);
  assert.doesNotMatch(hint, /would happen without media/);
});

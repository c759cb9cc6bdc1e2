import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlTable } from '../src/html-table.ts';

test('htmlTable: column headers carry scope="col"; a known table gets a screen-reader caption', () => {
  const roi = htmlTable(['channel', 'ROI'], [{ key: 'tv', cells: [{ text: 'tv' }, { text: '1.20', value: 1.2, field: 'roi' }] }], 'roi');
  assert.ok(roi.startsWith('<table class="roi"><caption class="visually-hidden">Return on spend per channel</caption><thead><tr><th scope="col">channel</th><th scope="col">ROI</th></tr></thead>'), roi);
  assert.equal(htmlTable(['a'], [], 'other'), '<table class="other"><thead><tr><th scope="col">a</th></tr></thead><tbody></tbody></table>');
});

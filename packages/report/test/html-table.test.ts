import { test } from 'node:test';
import assert from 'node:assert/strict';
import { amountCell, htmlTable, percentCell, roiCell } from '../src/html-table.ts';

test('htmlTable: column headers carry scope="col"; a known table gets a screen-reader caption', () => {
  const roi = htmlTable(['channel', 'ROI'], [{ key: 'tv', cells: [{ text: 'tv' }, { text: '1.20', value: 1.2, field: 'roi' }] }], 'roi');
  // Each table sits in its own scrolling box, so a wide one scrolls there on a phone, not the page.
  assert.ok(roi.startsWith('<div class="table-scroll"><table class="roi"><caption class="visually-hidden">Return on spend per channel</caption><thead><tr><th scope="col">channel</th><th scope="col">ROI</th></tr></thead>'), roi);
  assert.equal(htmlTable(['a'], [], 'other'), '<div class="table-scroll"><table class="other"><thead><tr><th scope="col">a</th></tr></thead><tbody></tbody></table></div>');
});

test('amountCell, percentCell, roiCell: the formatted text with the exact value and its field', () => {
  assert.deepEqual(amountCell(1234.5, 'spend'), { text: '1,235', value: 1234.5, field: 'spend' });
  assert.deepEqual(amountCell(12.345, 'kpi'), { text: '12.35', value: 12.345, field: 'kpi' });
  assert.deepEqual(amountCell(null, 'pipeline'), { text: '–', value: null, field: 'pipeline' }, 'a missing amount reads as an en dash, data-value empty');
  assert.deepEqual(percentCell(0.25, 'share'), { text: '25.0%', value: 0.25, field: 'share' });
  assert.deepEqual(roiCell(0.0057, 'roi'), { text: '0.0057', value: 0.0057, field: 'roi' });
  const html = htmlTable(['channel', 'spend'], [{ cells: [{ text: 'tv' }, amountCell(-5070.25, 'spend')] }]);
  assert.ok(html.includes('<td class="num" data-field="spend" data-value="-5070.25">−5,070</td>'), html);
});

test('htmlTable: the first cell of each body row is its row header (th scope="row"), keeping its attributes; the others stay td', () => {
  const html = htmlTable(['model', 'score'], [
    { key: 'a', cells: [{ text: '1 (default)', field: 'model', className: 'default' }, { text: '0.12', value: 0.12, field: 'score' }] },
    { key: 'b', cells: [{ text: 'x<y' }, { text: 'n/a' }] },
  ]);
  assert.ok(html.includes('<tr data-key="a"><th scope="row" class="default" data-field="model">1 (default)</th><td class="num" data-field="score" data-value="0.12">0.12</td></tr>'), html);
  assert.ok(html.includes('<tr data-key="b"><th scope="row">x&lt;y</th><td>n/a</td></tr>'), html);
  assert.equal((html.match(/scope="row"/g) ?? []).length, 2, 'one row header per body row');
  assert.doesNotMatch(html.split('<tbody>')[0], /scope="row"/, 'none in the head');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyColumnsText, keyName, panelKey, perDateText, repeatedKeys, sumPanelSetting } from './panel-keys.ts';

test('panelKey: one key column gives its value, several their values joined by " × "', () => {
  assert.equal(panelKey(['2024-01-01', 'north', '10'], [1]), 'north');
  assert.equal(panelKey(['2024-01-01', 'NA', 'platform', '10'], [1, 2]), 'NA × platform');
});

test('key columns in words: quoted lists, the per-date phrase and the unquoted name', () => {
  assert.equal(keyColumnsText(['geo']), '"geo"');
  assert.equal(keyColumnsText(['geo', 'product']), '"geo" and "product"');
  assert.equal(perDateText(['geo']), 'date and "geo"');
  assert.equal(perDateText(['geo', 'product']), 'date, "geo" and "product"');
  assert.equal(keyName(['geo', 'product']), 'geo × product');
});

test('sumPanelSetting: one column as before, several joined with + (flag) and as a YAML list, odd names quoted in the YAML', () => {
  assert.deepEqual(sumPanelSetting(['geo']), { flag: 'sum_panel=geo', yaml: '{ sum_panel: { column: geo } }' });
  assert.deepEqual(sumPanelSetting(['geo', 'product']), { flag: 'sum_panel=geo+product', yaml: '{ sum_panel: { column: [geo, product] } }' });
  assert.deepEqual(sumPanelSetting(['geo', 'product line']), { flag: "'sum_panel=geo+product line'", yaml: '{ sum_panel: { column: [geo, "product line"] } }' });
  assert.equal(sumPanelSetting(['geo.code', 'sub-region']).flag, 'sum_panel=geo.code+sub-region');
  assert.equal(sumPanelSetting(["o'hara", 'geo']).flag, `'sum_panel=o'\\''hara+geo'`);
});

test('repeatedKeys: each item that repeats an earlier key, with the first item of that key, in order', () => {
  const rows = [{ n: 1, k: 'a' }, { n: 2, k: 'b' }, { n: 3, k: 'a' }, { n: 4, k: 'a' }];
  assert.deepEqual(repeatedKeys(rows, (r) => r.k).map(({ item, first }) => [item.n, first.n]), [[3, 1], [4, 1]]);
  assert.deepEqual(repeatedKeys(['x', 'y'], (x) => x), []);
});

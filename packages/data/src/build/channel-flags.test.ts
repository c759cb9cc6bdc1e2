import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataError } from '../issue.ts';
import { parseCsvText } from '../read/read-csv.ts';
import { tableFromCsv } from './table-from-csv.ts';
import { baseCells, toText } from '../../test/make-csv.ts';

/** The base table with a third spend column, radio_spend. */
function withRadio(): string {
  const cells = baseCells().map((r, i) => [...r, i === 0 ? 'radio_spend' : String(20 + i)]);
  return toText(cells);
}

test('an unused spend column beside explicit --channels: the hint says --channels with the full list, not --controls', () => {
  const { warnings } = tableFromCsv(parseCsvText(withRadio(), 'data.csv'), { target: 'sales', channels: ['tv', 'search'], controls: ['price'], events: ['promo'] });
  const unused = warnings.find((w) => w.code === 'UNUSED_COLUMNS');
  assert.ok(unused);
  assert.match(unused.message, /radio_spend/);
  assert.match(unused.hint, /--channels tv_spend,search_spend,radio_spend/);
  assert.doesNotMatch(unused.hint, /--controls/);
});

test('a channel listed twice in --channels is one error, naming the flag and the list without the repeat', () => {
  for (const channels of [['tv_spend', 'tv_spend'], ['tv', 'search', 'tv_spend']]) {
    try {
      tableFromCsv(parseCsvText(withRadio(), 'data.csv'), { target: 'sales', channels, controls: ['price'], events: ['promo'] });
      assert.fail('expected a DataError');
    } catch (err) {
      assert.ok(err instanceof DataError, String(err));
      const errors = err.issues.filter((i) => i.severity === 'error');
      assert.equal(errors.length, 1, errors.map((e) => e.message).join('\n'));
      assert.equal(errors[0].code, 'DUPLICATE_CHANNEL');
      assert.match(errors[0].message, /"tv_spend" is listed twice in --channels/);
      assert.doesNotMatch(errors[0].hint, /rename/);
      assert.match(errors[0].hint, channels.length === 2 ? /--channels tv_spend$/ : /--channels tv,search$/);
    }
  }
});

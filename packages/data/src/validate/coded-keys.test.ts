import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../read/read-csv.ts';
import { panelColumn } from './panel-column.ts';
import { isKeyNamed } from './coded-keys.ts';
import { runRules } from './run-rules.ts';
import { sumPanel } from '../clean/steps/sum-panel.ts';

/** `weeks` weeks × three units coded 501–503 in a column named `key`, a spend and an integer KPI that move every week. */
function coded(key: string, weeks = 30, codes = ['501', '502', '503']): string {
  const lines = [`week,${key},tv_spend,orders`];
  for (let w = 0; w < weeks; w++) {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
    codes.forEach((c, g) => lines.push(`${d},${c},${10 + ((w * 7 + g * 3) % 11)},${100 + ((w * 13 + g * 5) % 17)}`));
  }
  return lines.join('\n') + '\n';
}

test('isKeyNamed: key words (dma, store_id, region_code, Geo) without a measure word', () => {
  assert.deepEqual(['dma', 'store_id', 'region_code', 'Geo', 'DMA Code', 'store_count', 'region_sales', 'population', 'orders'].map(isKeyNamed),
    [true, true, true, true, true, false, false, false, false]);
});

test('panelColumn: a DMA or store number keys a panel (whole-number codes named like a key)', () => {
  assert.deepEqual(panelColumn(parseCsvText(coded('dma'), 'd.csv'), 'week'), { columns: ['dma'], values: ['501', '502', '503'] });
  // One missing row: still the panel, unbalanced, as a text key would be.
  const lines = coded('store_id').split('\n');
  lines.splice(5, 1);
  assert.deepEqual(panelColumn(parseCsvText(lines.join('\n'), 's.csv'), 'week')?.incomplete, [{ date: '2024-01-08', row: 5, missing: ['502'] }]);
});

test('panelColumn: codes under a name that is no key word count when every date has the same set of them, one row each', () => {
  assert.deepEqual(panelColumn(parseCsvText(coded('nr'), 'n.csv'), 'week')?.columns, ['nr']);
});

test('panelColumn: a numeric measure is not a key (it moves between dates), nor is a count or a rate named as such', () => {
  // The same rows twice (a pasted copy of the whole file): orders and spend split the dates but take other values every week.
  const once = coded('dma').split('\n').filter((l) => l.includes(',501,') || l.startsWith('week'));
  const pasted = [once[0], ...once.slice(1).flatMap((l) => [l, l.replace(/,\d+$/, (m) => `,${Number(m.slice(1)) + 1}`)])];
  const noKey = parseCsvText(pasted.map((l) => l.replace(',501,', ',')).join('\n').replace('week,dma,', 'week,'), 'm.csv');
  assert.equal(panelColumn(noKey, 'week'), undefined);
  // A store_count or a population that is the same set of whole numbers every week is still a measure, not a key.
  for (const name of ['store_count', 'population', 'avg_price']) {
    assert.equal(panelColumn(parseCsvText(coded(name), 'c.csv'), 'week'), undefined, name);
  }
});

test('validate on a DMA-coded panel: one PANEL_DATA error, not a DUPLICATE_DATE per row; bare sum_panel finds the dma column', () => {
  const csv = parseCsvText(coded('dma'), 'd.csv');
  const codes = runRules({ file: 'd.csv', csv, issues: [], text: coded('dma') }, { target: 'orders', channels: ['tv_spend'] }).issues.filter((i) => i.severity === 'error').map((i) => i.code);
  assert.deepEqual(codes, ['PANEL_DATA']);
  const { table } = sumPanel(csv, { roles: { date: 'week', target: 'orders', spend: ['tv_spend'], controls: [], events: [] } });
  assert.equal(table.rows.length, 30);
  assert.deepEqual(table.header, ['week', 'tv_spend', 'orders']);
});

test('panelColumn: a KPI of small whole numbers on too few dates is not taken for a key (two rows of one date: duplicates)', () => {
  assert.equal(panelColumn(parseCsvText('when,y\n2024-01-01,1\n2024-01-01,2\n', 'x.csv'), 'when'), undefined);
});

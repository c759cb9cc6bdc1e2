import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from './read-csv.ts';

test('parseCsvText: cells trimmed of spaces are kept as written in paddedCells, by column, with their lines', () => {
  const t = parseCsvText('date,geo,y\n2024-01-01,north , 1\n2024-01-08,north ,2\n2024-01-15,south,3\n', 'p.csv');
  assert.deepEqual(t.rows[0], ['2024-01-01', 'north', '1']);
  assert.deepEqual(t.paddedCells?.get('geo'), [{ written: 'north ', used: 'north', lines: [2, 3], rows: 2 }]);
  assert.deepEqual(t.paddedCells?.get('y'), [{ written: ' 1', used: '1', lines: [2], rows: 1 }]);
  assert.equal(parseCsvText('date,y\n2024-01-01,1\n', 'q.csv').paddedCells, undefined);
});

test('parseCsvText: many padded texts are kept up to 50 per column and 5 lines each, the rows counted', () => {
  const lines = ['date,y'];
  for (let i = 0; i < 80; i++) lines.push(`2024-01-01, ${i % 60}`);
  const kept = parseCsvText(lines.join('\n') + '\n', 'm.csv').paddedCells?.get('y') ?? [];
  assert.equal(kept.length, 50);
  assert.deepEqual(kept[0], { written: ' 0', used: '0', lines: [2, 62], rows: 2 });
});

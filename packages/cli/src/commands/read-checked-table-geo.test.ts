// readCheckedTable on a geo panel with a modeling window's start: the per-geo outlier check scores the rows the national one does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureIo } from '../../test/capture-io.ts';
import { readCheckedTable } from './read-checked-table.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-read-geo-'));
const GEOS = [['big', 10], ['small', 1]] as const;
const WEEKS = 30;
const date = (w: number): string => new Date(Date.UTC(2023, 0, 2 + 7 * w)).toISOString().slice(0, 10);

/** 2 geos × 30 weeks; geo "small" has a KPI 40× its level in week 2 (a warm-up row when the window starts at week 10). */
function panel(): string {
  const out = ['date,geo,sales,tv_spend,search_spend'];
  GEOS.forEach(([name, size], g) => {
    for (let w = 0; w < WEEKS; w++) {
      const kpi = size * (1000 + 80 * Math.sin(w / 3) + 7 * ((w * 13) % 5)) * (g === 1 && w === 2 ? 40 : 1);
      out.push([date(w), name, kpi.toFixed(1), (size * (100 + 20 * ((w * 7) % 5))).toFixed(0), (size * (50 + 10 * (w % 3))).toFixed(0)].join(','));
    }
  });
  return out.join('\n') + '\n';
}

function outliers(window?: { start: string }) {
  const file = join(dir, 'panel.csv');
  writeFileSync(file, panel());
  const io = captureIo(dir);
  const geo = { column: 'geo', flag: '--geo geo', target: 'sales' };
  const read = readCheckedTable(file, { target: 'sales' }, io.io, { name: 'panel.csv', steps: [{ type: 'sum-panel', column: 'geo' }], hints: 'both', quiet: true, geo, ...(window === undefined ? {} : { window }) });
  return read.warnings.filter((i) => i.code === 'EXTREME_OUTLIER').map((i) => [i.at.row, i.at.column]);
}

test('readCheckedTable --geo: the KPI spike of a warm-up row before --start is not scored per geo, as the national check leaves it out', () => {
  // Line of geo "small"'s week 2: header, 30 rows of "big", then weeks 0 and 1.
  const line = 2 + WEEKS + 2;
  assert.deepEqual(outliers(), [[line, 'sales']], 'without a window the spike is flagged at its line');
  assert.deepEqual(outliers({ start: date(10) }), [], 'with --start after it, the warm-up row\'s KPI is not scored');
});

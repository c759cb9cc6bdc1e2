import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsvText } from '../read/read-csv.ts';
import { detectConfig } from './detect-config.ts';
import { initConfigText } from './init-config-text.ts';
import { loadConfig } from './load-config.ts';
import { configToRun } from './config-to-run.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-init-kpi-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function weeks(blank: readonly number[]): string {
  const lines = ['date,revenue,tv_spend,search_spend'];
  for (let i = 0; i < 30; i++) {
    const date = new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10);
    lines.push(`${date},${blank.includes(i) ? (i % 2 === 0 ? '' : 'NA') : 1000 + 10 * i},${100 + 5 * i},${50 + (i % 3)}`);
  }
  return `${lines.join('\n')}\n`;
}

test('init: empty KPI cells are named in a comment suggesting skip_missing_kpi (commented out: the config loads without it)', () => {
  const detection = detectConfig(parseCsvText(weeks([9, 14]), 'd.csv'));
  assert.deepEqual(detection.missingKpi, ['2024-03-04', '2024-04-08']);
  const text = initConfigText(detection, { dataPath: 'd.csv' });
  assert.match(text, /# The KPI "revenue" is empty or NA in 2 periods \(2024-03-04, 2024-04-08\)/);
  assert.match(text, /\n# cleaning:\n# {3}- skip_missing_kpi\n/);
  writeFileSync(join(dir, 'mixwise.yaml'), text);
  assert.deepEqual(configToRun(loadConfig(join(dir, 'mixwise.yaml'))).cleaning, []);
  // Uncommented, it is a valid step.
  writeFileSync(join(dir, 'skip.yaml'), text.replace('# cleaning:\n#   - skip_missing_kpi', 'cleaning:\n  - skip_missing_kpi'));
  assert.deepEqual(configToRun(loadConfig(join(dir, 'skip.yaml'))).cleaning, [{ type: 'skip-missing-kpi' }]);
});

test('init: no empty KPI cell, no suggestion', () => {
  const detection = detectConfig(parseCsvText(weeks([]), 'd.csv'));
  assert.equal(detection.missingKpi, undefined);
  assert.doesNotMatch(initConfigText(detection, { dataPath: 'd.csv' }), /skip_missing_kpi/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCsv } from '@mixwise/data';
import { DEFAULT_WEIGHTS, decompose, decompositionTable, fitMmm, simulatePreset } from '@mixwise/engine';

test('decomposition.csv: the actual KPI of a period left out of the fit is an empty cell, not 0 or NaN', async () => {
  const fitted = await fitMmm(simulatePreset('retail', 2).table, { search: { iterations: 100, trials: 1, seed: 1, bootstrap: 0, posterior: 0, weights: DEFAULT_WEIGHTS } });
  const model = { ...fitted, actual: fitted.actual.map((v, t) => (t === 10 ? NaN : v)) };
  const dec = decompositionTable(model, decompose(model));
  const lines = toCsv(dec.columns, dec.rows).split(/\r?\n/);
  const cells = (line: string) => line.split(',');
  assert.equal(cells(lines[11])[0], model.dates[10]);
  assert.equal(cells(lines[11])[1], '', 'no KPI: an empty cell');
  assert.equal(Number(cells(lines[12])[1]), model.actual[11]);
});

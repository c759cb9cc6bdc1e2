import { test } from 'node:test';
import assert from 'node:assert/strict';
import { panelModel, nationalModel } from './panel-model.test-support.ts';
import { parseModel } from './parse-model.ts';
import { geoResults, geosNote, GEOS_NOTE } from '../analysis/geo-results.ts';
import { summarizeModel } from '../analysis/summarize.ts';
import { geoSplitNow, geoSplitNowText } from '../optimize/geo-split-now.ts';
import { geoSplitText } from '../optimize/geo-split-text.ts';
import { fitMmm } from '../fit/fit-mmm.ts';
import { simulateTestPanel } from '../fit/geo-panel.test-support.ts';
import { withSizeColumn } from './legacy-size-basis.ts';

test('a fit whose size column is named kpi_share: the model records the column, survives model.json, and its texts name it', async () => {
  const sim = simulateTestPanel(4, { nGeos: 3, weeks: 60, perCapitaSpread: 0.5, sizes: true });
  const values = sim.table.panel!.size!.values;
  const table = { ...sim.table, panel: { ...sim.table.panel!, size: { column: 'kpi_share', values } } };
  const model = await fitMmm(table, { search: { iterations: 300, trials: 1, bootstrap: 2, posterior: 300 } });
  assert.equal(model.panel?.sizeColumn, 'kpi_share');
  assert.deepEqual(model.panel?.sizes, [...values]);
  const again = parseModel(JSON.parse(JSON.stringify(model)));
  assert.equal(again.panel?.sizeColumn, 'kpi_share');
  assert.match(geoSplitText(again) ?? '', /share of kpi_share \(the geos' size column\)/);
  assert.match(geoSplitNowText(geoSplitNow(again)!, again.target.name), /a split by kpi_share share/);
  assert.equal(summarizeModel(again).geos_note, geosNote('kpi_share'));
  assert.ok(summarizeModel(again).geos?.every((g) => g.size_column === 'kpi_share'));
});

test('an older model.json with panel.sizeBasis loads: kpi_share is the KPI shares, another value the size column', () => {
  const m = JSON.parse(JSON.stringify(panelModel(nationalModel()))) as { panel: Record<string, unknown> & { shares: number[] } };
  const sizes = m.panel.shares.map((s) => s * 1000);
  const byColumn = parseModel({ ...m, panel: { ...m.panel, sizeBasis: 'population', sizes } });
  assert.equal(byColumn.panel?.sizeColumn, 'population');
  assert.deepEqual(byColumn.panel?.sizes, sizes);
  assert.ok(!('sizeBasis' in byColumn.panel!));
  const byKpi = parseModel({ ...m, panel: { ...m.panel, sizeBasis: 'kpi_share' } });
  assert.equal(byKpi.panel?.sizeColumn, undefined);
  assert.ok(!('sizeBasis' in byKpi.panel!));
  assert.equal(summarizeModel(byKpi).geos_note, GEOS_NOTE);
  // 'kpi_share' with sizes was a size column of that name (the KPI shares store no sizes): it loads as one.
  const named = parseModel({ ...m, panel: { ...m.panel, sizeBasis: 'kpi_share', sizes } });
  assert.equal(named.panel?.sizeColumn, 'kpi_share');
  assert.deepEqual(named.panel?.sizes, sizes);
  // A new field wins over an old one; a file without a panel is untouched.
  assert.equal((withSizeColumn({ panel: { sizeColumn: 'households', sizeBasis: 'population' } }).panel as { sizeColumn: string }).sizeColumn, 'households');
  const national = { schemaVersion: 1 };
  assert.equal(withSizeColumn(national), national);
});

test('a size column named kpi_share is a column: model.json round trip, geo results, geos_note and geoSplitNow name it', () => {
  const m = panelModel(nationalModel());
  const sizes = m.panel!.shares.map((s) => s * 500);
  const sized = { ...m, panel: { ...m.panel!, sizeColumn: 'kpi_share', sizes } };
  const again = parseModel(JSON.parse(JSON.stringify(sized)));
  assert.equal(again.panel?.sizeColumn, 'kpi_share');
  assert.deepEqual(again.panel?.sizes, sizes);
  assert.ok(geoResults(again).every((g, i) => g.size_column === 'kpi_share' && g.size === sizes[i]));
  assert.notEqual(summarizeModel(again).geos_note, GEOS_NOTE);
  assert.equal(summarizeModel(again).geos_note, geosNote('kpi_share'));
  assert.equal(geoSplitNow(again)?.sizeColumn, 'kpi_share');
});

test('model.json without panel.sizeColumn is a KPI-share model; sizes without a column, or a column without sizes, are refused', () => {
  const m = panelModel(nationalModel());
  const plain = parseModel(JSON.parse(JSON.stringify(m)));
  assert.equal(plain.panel?.sizeColumn, undefined);
  assert.ok(geoResults(plain).every((g) => !('size_column' in g) && g.size === undefined));
  assert.equal(summarizeModel(plain).geos_note, GEOS_NOTE);
  const sizesOnly = JSON.parse(JSON.stringify({ ...m, panel: { ...m.panel!, sizes: m.panel!.shares } }));
  assert.throws(() => parseModel(sizesOnly), /panel\.sizes is set but panel\.sizeColumn/);
  const columnOnly = JSON.parse(JSON.stringify({ ...m, panel: { ...m.panel!, sizeColumn: 'population' } }));
  assert.throws(() => parseModel(columnOnly), /panel\.sizes must give each geo's value of "population"/);
  const empty = JSON.parse(JSON.stringify({ ...m, panel: { ...m.panel!, sizeColumn: '', sizes: m.panel!.shares } }));
  assert.throws(() => parseModel(empty), /panel\.sizeColumn must be the name of the size column/);
});

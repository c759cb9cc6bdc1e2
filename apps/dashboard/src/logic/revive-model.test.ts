import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reviveModel } from './revive-model.ts';

test('reviveModel: a null KPI (a period left out of the fit) becomes NaN, never 0; the rest is kept', () => {
  const model = reviveModel(JSON.parse('{"actual":[1,null,3],"intercept":2}'));
  assert.equal(model.actual[0], 1);
  assert.ok(Number.isNaN(model.actual[1]));
  assert.equal(model.intercept, 2);
});

test('reviveModel: an older geo model\'s panel.sizeBasis is read as panel.sizeColumn (kpi_share: the KPI shares)', () => {
  const sized = reviveModel({ actual: [1], panel: { column: 'region', sizeBasis: 'population', sizes: [1, 2] } });
  assert.equal(sized.panel?.sizeColumn, 'population');
  assert.ok(!('sizeBasis' in sized.panel!));
  const kpi = reviveModel({ actual: [1], panel: { column: 'region', sizeBasis: 'kpi_share' } });
  assert.equal(kpi.panel?.sizeColumn, undefined);
  assert.equal(reviveModel({ actual: [1], panel: { column: 'region', sizeColumn: 'kpi_share', sizes: [1, 2] } }).panel?.sizeColumn, 'kpi_share');
});

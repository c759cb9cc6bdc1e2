import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourcesSchema } from './sources-schema.ts';

test('sources: long files with a week start, and strict keys', () => {
  assert.deepEqual(sourcesSchema.parse({ spend: 'spend.csv', kpi: 'kpi.csv', week_start: 'sunday' }), { spend: 'spend.csv', kpi: 'kpi.csv', week_start: 'sunday' });
  assert.equal(sourcesSchema.safeParse({ spend: 'a.csv', week_start: 'funday' }).success, false);
  assert.equal(sourcesSchema.safeParse({ spnd: 'a.csv' }).success, false);
  assert.equal(sourcesSchema.safeParse({ b2b: { ads: 'ads.csv' } }).success, false); // the other five files are required
});

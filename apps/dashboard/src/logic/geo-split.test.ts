import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel } from '@mixwise/engine';
import { geoSplitNote } from './geo-split.ts';

test('geoSplitNote: nothing for a national run; for a geo-level run every geo at its share, largest first, as one sentence', () => {
  assert.equal(geoSplitNote({}), null);
  const panel = { column: 'region', geos: ['north', 'south', 'west'], shares: [0.2, 0.5, 0.3] } as unknown as NonNullable<MmmModel['panel']>;
  assert.equal(geoSplitNote({ panel }),
    'Geo-level model (3 values of region): each channel\'s budget is taken as split across them in proportion to their share of the KPI (south 50.0%, west 30.0%, north 20.0%); the plan does not move budget between geos.');
});

test('geoSplitNote: with a size column the split is by its share, not the KPI\'s', () => {
  const panel = { column: 'region', geos: ['north', 'south'], shares: [0.4, 0.6], sizeColumn: 'population', sizes: [4, 6] } as unknown as NonNullable<MmmModel['panel']>;
  assert.equal(geoSplitNote({ panel }),
    'Geo-level model (2 values of region): each channel\'s budget is taken as split across them in proportion to their share of population (the geos\' size column) (south 60.0%, north 40.0%); the plan does not move budget between geos.');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RolesSchema } from '@mixwise/contracts';
import { CleaningChoiceSchema } from '@mixwise/contracts';
import { DEFAULT_PANEL_MODE, cleaningAllowed, geoModeConflicts, keptCleaning, withPanelMode } from './panel-mode.ts';
import { rolesFromChoices } from './roles.ts';

const base = [{ name: 'date', role: 'date' }, { name: 'sales', role: 'target' }, { name: 'tv_spend', role: 'channel' }] as const;

test('the default panel mode adds the geos up (what a panel file always got)', () => {
  assert.equal(DEFAULT_PANEL_MODE, 'sum');
});

test('withPanelMode: the mode goes with a Panel column only, and the API takes the result', () => {
  const panel = rolesFromChoices([...base, { name: 'region', role: 'panel' }]).roles;
  assert.ok(panel);
  assert.deepEqual(withPanelMode(panel, 'geo'), { date: 'date', target: 'sales', channels: ['tv_spend'], controls: [], events: [], panel: 'region', panelMode: 'geo' });
  assert.equal(withPanelMode(panel, 'sum').panelMode, 'sum');
  assert.equal(RolesSchema.safeParse(withPanelMode(panel, 'geo')).success, true);
  // The Panel role taken off the column: no mode is sent (the API refuses 'geo' without a panel).
  const national = rolesFromChoices([...base, { name: 'region', role: 'ignore' }]).roles;
  assert.ok(national);
  const sent = withPanelMode({ ...national, panelMode: 'geo' }, 'geo');
  assert.equal('panelMode' in sent, false);
  assert.equal(RolesSchema.safeParse(sent).success, true);
  assert.equal(RolesSchema.safeParse({ ...national, panelMode: 'geo' }).success, false);
});

test('cleaning with the geo-level model: only sorting is offered, and switching to it unticks the rest', () => {
  const all = CleaningChoiceSchema.options;
  assert.deepEqual(all.filter((c) => cleaningAllowed(c, 'geo')), ['sort_dates']);
  assert.deepEqual(all.filter((c) => cleaningAllowed(c, 'sum')), all);
  assert.deepEqual(all.filter((c) => cleaningAllowed(c, null)), all);
  assert.deepEqual(keptCleaning(['fill_gaps', 'sort_dates', 'negatives_clip'], 'geo'), ['sort_dates']);
  assert.deepEqual(keptCleaning(['fill_gaps', 'sort_dates'], 'sum'), ['fill_gaps', 'sort_dates']);
});

test('geoModeConflicts names each option the geo-level model refuses, and nothing for a national fit', () => {
  const ok = { method: 'ridge', organic: [] } as const;
  assert.deepEqual(geoModeConflicts('geo', ok), []);
  const all = { method: 'bayes', organic: ['newsletter'] } as const;
  const found = geoModeConflicts('geo', all);
  assert.equal(found.length, 2);
  assert.match(found[0], /ridge method only/);
  assert.match(found[1], /organic media yet \(newsletter\)/);
  assert.deepEqual(geoModeConflicts('sum', all), []);
  assert.deepEqual(geoModeConflicts(null, all), []);
});

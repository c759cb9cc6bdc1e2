import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roleLabel, rolesFromChoices } from './roles.ts';

test('rolesFromChoices builds roles in file order', () => {
  const r = rolesFromChoices([
    { name: 'week', role: 'date' }, { name: 'tv_spend', role: 'channel' }, { name: 'price', role: 'control' },
    { name: 'sales', role: 'target' }, { name: 'xmas', role: 'event' }, { name: 'search_spend', role: 'channel' }, { name: 'note', role: 'ignore' },
  ]);
  assert.deepEqual(r, { roles: { date: 'week', target: 'sales', channels: ['tv_spend', 'search_spend'], controls: ['price'], events: ['xmas'] }, problems: [] });
});

test('rolesFromChoices lists every problem', () => {
  const r = rolesFromChoices([{ name: 'a', role: 'target' }, { name: 'b', role: 'target' }]);
  assert.equal(r.roles, null);
  assert.deepEqual(r.problems, ['Pick the date column.', 'Only one target column, please (now: a, b).', 'Mark at least one spend column as a channel.']);
});

test('rolesFromChoices: a panel column (geo, product…) is passed on; two are a problem', () => {
  const base = [{ name: 'date', role: 'date' }, { name: 'sales', role: 'target' }, { name: 'tv_spend', role: 'channel' }] as const;
  assert.deepEqual(rolesFromChoices([...base, { name: 'geo', role: 'panel' }]).roles,
    { date: 'date', target: 'sales', channels: ['tv_spend'], controls: [], events: [], panel: 'geo' });
  const two = rolesFromChoices([...base, { name: 'geo', role: 'panel' }, { name: 'sku', role: 'panel' }]);
  assert.equal(two.roles, null);
  assert.deepEqual(two.problems, ['Only one panel column (geo, product…), please (now: geo, sku).']);
});

test('rolesFromChoices: organic media columns are passed on as roles.organic, and labelled as having no spend', () => {
  const r = rolesFromChoices([{ name: 'date', role: 'date' }, { name: 'sales', role: 'target' }, { name: 'tv_spend', role: 'channel' }, { name: 'newsletter', role: 'organic' }]);
  assert.deepEqual(r.roles, { date: 'date', target: 'sales', channels: ['tv_spend'], controls: [], events: [], organic: ['newsletter'] });
  assert.equal(roleLabel('organic'), 'Organic media (no spend)');
  assert.equal(roleLabel('control'), 'control');
});

test('rolesFromChoices: a geo size column goes with a Panel column and "Model each geo" only; one at most; labelled as the geo size', () => {
  const base = [{ name: 'date', role: 'date' }, { name: 'sales', role: 'target' }, { name: 'tv_spend', role: 'channel' }, { name: 'region', role: 'panel' }, { name: 'population', role: 'geo_size' }] as const;
  assert.deepEqual(rolesFromChoices(base, 'geo'),
    { roles: { date: 'date', target: 'sales', channels: ['tv_spend'], controls: [], events: [], panel: 'region', geoSize: 'population' }, problems: [] });
  const summed = rolesFromChoices(base);
  assert.equal(summed.roles, null);
  assert.deepEqual(summed.problems, ['The geo size column population sizes the geos of the geo-level model: give the geo column the Panel role and choose "Model each geo", or set population to Ignore.']);
  assert.equal(rolesFromChoices(base.filter((c) => c.role !== 'panel'), 'geo').roles, null);
  const two = rolesFromChoices([...base, { name: 'households', role: 'geo_size' }], 'geo');
  assert.deepEqual(two.problems, ['Only one geo size column, please (now: population, households).']);
  assert.equal(roleLabel('geo_size'), 'Geo size (population)');
});

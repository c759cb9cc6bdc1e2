// The precedence of `fit --refresh --config` without a fit: the config's settings over the inherited ones
// where it gives them, the inherited ones elsewhere (configOverInherited, configOverRefresh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modelingTableFromArrays, type ModelSpec } from '@mixwise/engine';
import type { ConfigRun } from '@mixwise/data';
import { configOverInherited, configOverRefresh } from './fit-refresh-config.ts';

const n = 60;
const table = modelingTableFromArrays({
  dates: Array.from({ length: n }, (_, t) => new Date(Date.UTC(2023, 0, 2 + 7 * t)).toISOString().slice(0, 10)), frequency: 'weekly',
  target: { name: 'revenue', values: Array.from({ length: n }, (_, t) => 1000 + t) },
  channels: ['tv', 'search'].map((name, k) => ({ name, spend: Array.from({ length: n }, (_, t) => 10 + ((t * (k + 3)) % 7)) })),
});
const run = (model: ConfigRun['model'], channels: ConfigRun['channels'] = []): ConfigRun => ({
  dataPath: '/d.csv', roles: { target: 'revenue' }, channels, controls: [], liftTests: [], model, search: {}, cleaning: [],
});
// What refreshSpec inherits: tv and search with the previous families and narrowed bounds, seasonality 1, one changepoint, a prior.
const refreshed: Partial<ModelSpec> = {
  channels: [
    { name: 'tv', adstock: 'weibull-cdf', maxLag: 6, saturation: 'logistic', bounds: { adstock: { shape: [1, 2], scale: [0.2, 0.4] }, saturation: { lambda: [1, 2] } } },
    { name: 'search', adstock: 'geometric', maxLag: 2, saturation: 'hill', media: 'exposure', bounds: { adstock: { alpha: [0.1, 0.3] } } },
  ],
  seasonalityOrder: 1,
  trend: { linear: true, changepoints: 1 },
  search: { roiPrior: { median: 1.5, sdLog: 0.7 } } as ModelSpec['search'],
};

test('configOverRefresh: a config that sets nothing keeps every inherited setting', () => {
  const s = configOverRefresh(run({}), table, refreshed);
  assert.deepEqual(s.channels, refreshed.channels);
  assert.equal(s.seasonalityOrder, 1);
  assert.equal(s.trend?.changepoints, 1);
  assert.deepEqual(s.search?.roiPrior, { median: 1.5, sdLog: 0.7 });
});

test('configOverRefresh: the config\'s family (with its own bounds), max lag, media, seasonality and prior win; the rest stays inherited', () => {
  const s = configOverRefresh(run({ seasonality: 0, maxLag: 3, media: 'spend', roiPrior: null }, [{ name: 'tv', spend: 'tv_spend', adstock: 'geometric', bounds: { adstock: { alpha: [0, 0.5] } } }]), table, refreshed);
  const [tv, search] = s.channels ?? [];
  assert.deepEqual([tv.adstock, tv.bounds?.adstock], ['geometric', { alpha: [0, 0.5] }]);
  // The saturation the config leaves alone: inherited family and narrowed bounds.
  assert.deepEqual([tv.saturation, tv.bounds?.saturation], ['logistic', { lambda: [1, 2] }]);
  assert.deepEqual([tv.maxLag, search.maxLag], [3, 3]);
  // model.media: spend models search on spend (the config's media over the inherited exposure).
  assert.equal(search.media, undefined);
  assert.deepEqual([search.adstock, search.bounds?.adstock], ['geometric', { alpha: [0.1, 0.3] }]);
  assert.equal(s.seasonalityOrder, 0);
  assert.equal(s.trend?.changepoints, 1);
  assert.equal(s.search?.roiPrior, null);
});

test('configOverInherited: the config\'s columns where it gives them; no controls listed keeps the inherited ones and their signs', () => {
  const inherited = { target: 'revenue', channels: ['tv_spend', 'search_spend'], controls: ['price'], controlSigns: { price: 'negative' as const }, events: ['promo'] };
  assert.deepEqual(configOverInherited(inherited, { target: 'revenue', controls: [] }), inherited);
  const out = configOverInherited(inherited, { target: 'revenue', date: 'week', controls: ['temp'], controlSigns: { temp: 'positive' }, events: ['easter'] });
  assert.deepEqual(out, { target: 'revenue', date: 'week', channels: ['tv_spend', 'search_spend'], controls: ['temp'], controlSigns: { temp: 'positive' }, events: ['easter'] });
});

// mixwise.yaml's long sources with a controls file, an events file and column mappings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfigText } from './load-config.ts';
import { issuesOf } from './config-issues.test-support.ts';
import { allowedKeys } from './json-schema.ts';


test('sources: { spend, kpi, controls, events } with column mappings is a valid config', () => {
  const text = 'version: 1\nsources:\n  spend: { path: ads.csv, columns: { date: Day, spend: Cost, impressions: "Impr.", geo: region } }\n'
    + '  kpi: { path: crm.csv, columns: { date: created_date } }\n  controls: price.csv\n  events: { path: promo.csv, columns: { event: promo } }\ncolumns: { target: revenue }\n';
  const { config } = parseConfigText(text, 'mixwise.yaml', '/project');
  assert.deepEqual(config.sources?.spend, { path: 'ads.csv', columns: { date: 'Day', spend: 'Cost', impressions: 'Impr.', geo: 'region' } });
  assert.equal(config.sources?.controls, 'price.csv');
  assert.deepEqual(config.sources?.events, { path: 'promo.csv', columns: { event: 'promo' } });
  assert.ok(allowedKeys(['sources']).includes('controls') && allowedKeys(['sources']).includes('events'));
});

test('controls or events beside b2b or meridian inputs: a config error at the key; an unknown mapping key names the allowed ones', () => {
  const [b2b] = issuesOf('version: 1\nsources:\n  b2b: { ads: a, crm: c, erp: e, ref_campaigns: r, ref_countries: r, ref_products: r }\n  controls: price.csv\ncolumns: { target: y }\n');
  assert.equal(b2b.key, 'sources.controls');
  assert.match(b2b.message, /sources\.controls goes with long files \(spend and kpi\), not with b2b/);
  const [meridian] = issuesOf('version: 1\nsources:\n  meridian: geo.csv\n  events: e.csv\ncolumns: { target: y }\n');
  assert.equal(meridian.key, 'sources.events');
  const [unknown] = issuesOf('version: 1\nsources:\n  spend: { path: a.csv, columns: { cost: Cost } }\n  kpi: k.csv\ncolumns: { target: y }\n');
  assert.equal(unknown.code, 'CONFIG_INVALID');
  assert.match(unknown.hint, /allowed keys here: date, channel, spend, impressions, clicks, geo, product, campaign$/);
});

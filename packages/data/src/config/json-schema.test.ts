import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONFIG_SCHEMA_PATH, allowedKeys, configJsonSchema, configJsonSchemaText } from './json-schema.ts';

test('the committed schemas/mixwise.schema.json equals the generator\'s output (run scripts/write-config-schema.mjs)', () => {
  const committed = readFileSync(fileURLToPath(new URL(`../../../../${CONFIG_SCHEMA_PATH}`, import.meta.url)), 'utf8');
  assert.equal(committed, configJsonSchemaText());
});

test('the JSON Schema: draft 2020-12, strict objects, required keys, enums from the engine', () => {
  const schema = configJsonSchema() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.deepEqual(schema.required, ['version', 'columns'], 'data or sources: the either-or is checked by checkConfig');
  assert.equal(schema.additionalProperties, false);
  const control = schema.properties.columns.properties.controls.items;
  assert.deepEqual(control.properties.sign.enum, ['positive', 'negative', 'free']);
  assert.deepEqual(control.required, ['name'], 'sign has a default, so it is optional in the file');
  assert.equal(schema.properties.holdout.minimum, 0);
});

test('allowedKeys walks objects and lists', () => {
  assert.deepEqual(allowedKeys([]), ['version', 'data', 'sources', 'columns', 'cleaning', 'granularity', 'holidays', 'holiday_columns', 'week_label', 'window', 'holdout', 'model', 'calibration', 'currency', 'locale', 'search']);
  assert.deepEqual(allowedKeys(['search']), ['iterations', 'seed', 'trials', 'posterior_iterations']);
  assert.deepEqual(allowedKeys(['columns', 'channels', 3, 'bounds', 'adstock']), ['alpha', 'delay', 'shape', 'scale']);
  assert.deepEqual(allowedKeys(['holdout']), []);
  assert.deepEqual(allowedKeys(['sources', 'b2b']), ['ads', 'crm', 'erp', 'ref_campaigns', 'ref_countries', 'ref_products']);
});

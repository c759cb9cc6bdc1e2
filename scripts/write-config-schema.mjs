#!/usr/bin/env node
// Writes schemas/mixwise.schema.json (the JSON Schema of mixwise.yaml) from the zod schema in
// packages/data/src/config. Run after changing the config schema; a test fails while the committed
// file differs from the generator's output.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import '../packages/parallel/src/register.mjs';

const { CONFIG_SCHEMA_PATH, configJsonSchemaText } = await import('../packages/data/src/config/json-schema.ts');
const target = join(dirname(fileURLToPath(import.meta.url)), '..', CONFIG_SCHEMA_PATH);
writeFileSync(target, configJsonSchemaText());
console.log(`wrote ${CONFIG_SCHEMA_PATH}`);

/**
 * Builds the B2B datamart from the sample files in this folder and writes the national weekly
 * modeling table to a temp folder (docs/datamart.md). Run: npx tsx --conditions=mixwise-source examples/b2b/build-b2b-datamart.ts
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { b2bSourcesIn, buildB2bDatamart } from '../../packages/data/src/datamart/b2b-datamart.ts';
import { b2bWideTable } from '../../packages/data/src/datamart/b2b-wide-table.ts';
import { writeCsvAtomic } from '../../packages/data/src/write/write-csv.ts';

const mart = await buildB2bDatamart(b2bSourcesIn(fileURLToPath(new URL('./', import.meta.url))));
const total = (kind: string, level: string, name?: string): string => (mart
  .filter((r) => r.kind === kind && r.level === level && (name === undefined || r.name === name))
  .reduce((a, r) => a + r.cents, 0) / 100).toFixed(2);
for (const region of ['NA', 'EMEA', 'APAC', 'LATAM']) console.log(`revenue ${region.padEnd(5)} ${total('revenue', 'region', region)}`);
console.log(`revenue total ${total('revenue', 'national')} · pipeline total ${total('pipeline', 'national')} · spend total ${total('spend', 'national')}`);
const wide = b2bWideTable(mart);
const out = join(mkdtempSync(join(tmpdir(), 'mixwise-b2b-')), 'modeling_table.csv');
await writeCsvAtomic(out, wide.columns, wide.rows);
console.log(`${wide.rows.length} weeks × ${wide.columns.length} columns → ${out}`);

// Tiny JSON snapshot helper: the first run (or UPDATE_SNAPSHOTS=1) writes
// test/__snapshots__/NAME.json; later runs deep-equal the value's JSON form against it.
// Functions (axis formatters) are dropped by JSON, exactly as when a spec is sent over the wire.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '__snapshots__');

/** Compare `value` (as JSON) with the committed snapshot NAME, writing it when missing or on UPDATE_SNAPSHOTS=1. */
export function matchSnapshot(name: string, value: unknown): void {
  const file = join(DIR, `${name}.json`);
  const actual: unknown = JSON.parse(JSON.stringify(value));
  if (!existsSync(file) || process.env.UPDATE_SNAPSHOTS === '1') {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
    return;
  }
  const expected: unknown = JSON.parse(readFileSync(file, 'utf8'));
  assert.deepEqual(actual, expected, `chart spec ${name} differs from ${file} (UPDATE_SNAPSHOTS=1 to accept)`);
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as linalg from './index.ts';

test('the index re-exports every public linalg module', () => {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const modules = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts' && f !== 'assert-shape.ts');
  const camel = (f: string) => f.replace(/\.ts$/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  for (const file of modules) assert.equal(typeof (linalg as Record<string, unknown>)[camel(file)], 'function', file);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as stats from './index.ts';

test('the index re-exports one function per public module', () => {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const modules = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts' && f !== 'assert-sample.ts');
  const camel = (f: string) => f.replace(/\.ts$/, '').replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  for (const file of modules) {
    const name = camel(file);
    // regularized-gamma.ts exports regularizedGammaP/Q; dagostino-k2 → dagostinoK2
    const exported = Object.keys(stats).filter((k) => k === name || k.startsWith(name));
    assert.ok(exported.length > 0, `${file} has no export named like ${name} in stats/index.ts`);
  }
  for (const value of Object.values(stats)) assert.equal(typeof value, 'function');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOwnTemps } from './interrupt.ts';

test('removeOwnTemps: only this process\'s temps (isOwnTemp), never another pid\'s or a run file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-own-temps-'));
  const mine = [`.model.json.${process.pid}.0a1b2c3d4e5f.tmp`, `.mixwise-run-${process.pid}-abc123`];
  const kept = ['model.json', `.model.json.${process.pid + 1}.0a1b2c3d4e5f.tmp`];
  writeFileSync(join(dir, mine[0]), '');
  mkdirSync(join(dir, mine[1]));
  for (const k of kept) writeFileSync(join(dir, k), '');
  assert.equal(removeOwnTemps(dir), 2);
  assert.deepEqual(readdirSync(dir).sort(), [...kept].sort());
});

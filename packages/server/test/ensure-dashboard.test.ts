import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDashboard, newestSource } from '../src/dashboard/ensure-dashboard.ts';

test('newestSource: the newest file under the folders, test files and missing paths ignored', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-newest-'));
  try {
    mkdirSync(join(dir, 'a', 'deep'), { recursive: true });
    const file = (name: string, seconds: number): void => {
      writeFileSync(join(dir, name), 'x');
      utimesSync(join(dir, name), seconds, seconds);
    };
    file('a/old.ts', 1_000_000);
    file('a/deep/new.tsx', 2_000_000);
    file('a/deep/newest.test.ts', 3_000_000); // tests are not bundled
    assert.equal(newestSource([join(dir, 'a'), join(dir, 'missing')]), 2_000_000_000);
    assert.equal(newestSource([join(dir, 'missing')]), 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('ensureDashboard: a custom folder is served as it is, or refused clearly without index.html', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-dist-'));
  try {
    await assert.rejects(ensureDashboard(dir, () => undefined), /no dashboard build in .*index\.html missing/);
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    const lines: string[] = [];
    await ensureDashboard(dir, (l) => lines.push(l));
    assert.deepEqual(lines, [], 'nothing rebuilt');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineError } from '@mixwise/engine';
import { readOutcomeFromText } from '@mixwise/data';
import { defaultDeps, type CliDeps } from '../cli-deps.ts';
import type { FitRunResult } from './fit-run.ts';
import { runCli } from '../program.ts';
import { captureIo } from '../../test/capture-io.ts';
import { checkCoefficientRoom } from './coefficient-room.ts';

function wide(channels: number, rows: number): string {
  const header = ['date', 'revenue', ...Array.from({ length: channels }, (_, c) => `c${c}_spend`)];
  const lines = [header.join(',')];
  for (let r = 0; r < rows; r++) {
    const date = new Date(Date.UTC(2020, 0, 6) + r * 7 * 86_400_000).toISOString().slice(0, 10);
    lines.push([date, 1000 + r, ...Array.from({ length: channels }, (_, c) => (r * 7 + c) % 13)].join(','));
  }
  return lines.join('\n') + '\n';
}

test('checkCoefficientRoom: refuses only a file that certainly has too few periods; the holdout counts', () => {
  assert.throws(() => checkCoefficientRoom(readOutcomeFromText(wide(40, 30), 'w.csv'), { target: 'revenue' }, 0),
    (e: unknown) => e instanceof EngineError && e.code === 'TOO_FEW_PERIODS' && /at least 41 coefficients .*w\.csv has only 30 rows/.test(e.message));
  checkCoefficientRoom(readOutcomeFromText(wide(3, 30), 'w.csv'), { target: 'revenue' }, 0);
  checkCoefficientRoom(readOutcomeFromText(wide(40, 30), 'w.csv'), { target: 'revenue', channels: ['c0_spend', 'c1_spend'] }, 0);
  assert.throws(() => checkCoefficientRoom(readOutcomeFromText(wide(3, 30), 'w.csv'), { target: 'revenue' }, 26), /4 after the holdout of 26/);
});

test('mixwise fit on 3,000 spend columns over 60 rows: TOO_FEW_PERIODS (exit 1) in seconds, before the validation', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-room-'));
  try {
    writeFileSync(join(dir, 'wide.csv'), wide(3000, 60));
    const deps: CliDeps = { ...defaultDeps, runFit: async () => assert.fail('no fit') as FitRunResult };
    const cap = captureIo(dir);
    const started = Date.now();
    assert.equal(await runCli(['fit', 'wide.csv', '--target', 'revenue', '--out', 'run'], cap.io, deps), 1);
    assert.match(cap.stderr(), /at least 3001 coefficients .*TOO_FEW_PERIODS/);
    assert.doesNotMatch(cap.stderr(), /read wide\.csv/, 'refused before the table is read and described');
    assert.ok(Date.now() - started < 20_000);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

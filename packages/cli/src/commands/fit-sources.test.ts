// fit --config with long `sources:`: the build's warnings are shown as prepare shows them, and a spend
// file that starts late is refused unless the window (config or --start) starts with it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelingTable } from '@mixwise/engine';
import type { FitRunOptions } from './fit-run.ts';
import { runCli } from '../program.ts';
import { captureIo } from '../../test/capture-io.ts';
import { recordingFit } from '../../test/fake-fit.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-fitsrc-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const day = (d: number): string => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
// 30 weeks of KPI from 2024-01-01; tv spends every week, search from week 10 (a launch).
writeFileSync(join(dir, 'kpi.csv'), 'date,sales\n' + Array.from({ length: 30 }, (_, t) => `${day(7 * t)},${1000 + 37 * ((t * 7) % 11)}`).join('\n') + '\n');
const lines = (from: number, channel: string): string[] => Array.from({ length: 30 - from }, (_, i) => `${day(7 * (from + i))},${channel},${50 + 13 * ((i * 5) % 7)}`);
writeFileSync(join(dir, 'launch.csv'), 'date,channel,spend\n' + [...lines(0, 'tv'), ...lines(10, 'search')].join('\n') + '\n');
writeFileSync(join(dir, 'late.csv'), 'date,channel,spend\n' + [...lines(10, 'tv'), ...lines(10, 'search')].join('\n') + '\n');
const config = (spend: string, extra = ''): string => `version: 1\nsources: { spend: ${spend}, kpi: kpi.csv }\ncolumns: { target: sales }\ngranularity: weekly\n${extra}`;
writeFileSync(join(dir, 'launch.yaml'), config('launch.csv'));
writeFileSync(join(dir, 'late.yaml'), config('late.csv'));

const fake = recordingFit;

test('fit --config prints the sources build\'s warnings (one SPEND_GAP_FILLED per channel) and passes them on', async () => {
  const calls: { table: ModelingTable; options: FitRunOptions }[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', '--config', 'launch.yaml', '--out', 'o1'], cap.io, fake(calls)), 0, cap.stderr());
  assert.match(cap.stderr(), /channel "search" has no spend line in 10 of 30 weeks, filled with 0: 2024-01-01 … 2024-03-04 \(10 weeks\)/);
  assert.deepEqual(calls[0].options.warnings.filter((w) => w.code === 'SPEND_GAP_FILLED').length, 1);
});

test('fit --config with a spend file starting 10 weeks after the KPI: exit 1 naming both files\' dates; --start at the spend\'s start fits', async () => {
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', '--config', 'late.yaml', '--out', 'o2'], cap.io, fake([])), 1);
  assert.match(cap.stderr(), /late\.csv \(all channels\) covers 2024-03-11 … 2024-07-22, kpi\.csv covers 2024-01-01 … 2024-07-22/);
  const calls: { table: ModelingTable; options: FitRunOptions }[] = [];
  const ok = captureIo(dir);
  assert.equal(await runCli(['fit', '--config', 'late.yaml', '--start', '2024-03-11', '--out', 'o3'], ok.io, fake(calls)), 0, ok.stderr());
  assert.equal(calls[0].options.window?.start, 10);
});

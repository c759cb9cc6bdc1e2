// fit --config with `sources: meridian`: the summed <Channel>_impressions can be modelled (model.media:
// exposure pairs them by name; `exposure: Channel0_impression`, the file's own name, maps them), and
// the file's `*_control` columns are the controls when the config names none.
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

const dir = mkdtempSync(join(tmpdir(), 'mixwise-fitmer-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const day = (d: number): string => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
const header = 'geo,time,Channel0_impression,Channel1_impression,competitor_control,Channel0_spend,Channel1_spend,conversions,population';
const rows = ['Geo1', 'Geo2'].flatMap((g, k) => Array.from({ length: 40 }, (_, t) =>
  [g, day(7 * t), 1000 + 97 * ((t * 3) % 7) + k, 500 + 31 * ((t * 5) % 11), 3 + ((t * 7) % 5), 10 + ((t * 3) % 7), 5 + ((t * 5) % 11) / 2, 200 + 17 * ((t * 11) % 13) + k, 1000 * (k + 1)].join(',')));
writeFileSync(join(dir, 'geo.csv'), [header, ...rows].join('\n') + '\n');
const config = (extra: string): string => `version: 1\nsources: { meridian: geo.csv }\ncolumns:\n  target: conversions\n${extra}`;
writeFileSync(join(dir, 'byname.yaml'), config('model: { media: exposure }\n'));
writeFileSync(join(dir, 'mapped.yaml'), config('  channels:\n    - { name: Channel0, spend: Channel0_spend, exposure: Channel0_impression, media: exposure }\n    - { name: Channel1, spend: Channel1_spend }\n'));

const fake = recordingFit;

test('sources: meridian with model.media: exposure pairs each channel with its summed impressions; *_control columns are controls', async () => {
  const calls: { table: ModelingTable; options: FitRunOptions }[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', '--config', 'byname.yaml', '--out', 'o1'], cap.io, fake(calls)), 0, cap.stderr());
  const { table } = calls[0];
  assert.deepEqual(table.channels.map((c) => c.exposureColumn), ['Channel0_impressions', 'Channel1_impressions']);
  assert.equal(table.channels[0].exposure?.[0], 2001);
  assert.deepEqual(table.controls.map((c) => c.name), ['competitor_control']);
  assert.match(cap.stderr(), /media exposure: Channel0 ← Channel0_impressions, Channel1 ← Channel1_impressions/);
  assert.doesNotMatch(cap.stderr(), /not used by the model: .*impressions/);
});

test('sources: meridian with exposure: Channel0_impression (the file\'s name) maps the summed column, no error on datamart_table.csv', async () => {
  const calls: { table: ModelingTable; options: FitRunOptions }[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', '--config', 'mapped.yaml', '--out', 'o2'], cap.io, fake(calls)), 0, cap.stderr());
  assert.deepEqual(calls[0].table.channels.map((c) => c.exposureColumn), ['Channel0_impressions', undefined]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_WEIGHTS, fitMmm, simulatePreset, type MmmModel } from '@mixwise/engine';
import { DataError, INCOMPLETE_FILE, readModel } from '@mixwise/data';
import { writeRunFiles, type SwapEnd } from './write-run-files.ts';

const runIdOf = (dir: string): string => readFileSync(join(dir, 'exports', 'csv', 'channel_summary.csv'), 'utf8').trim().split(/\r?\n/)[1].split(',').at(-1) ?? '';
const read = (dir: string, name: string): string => readFileSync(join(dir, name), 'utf8');

async function twoModels(): Promise<[MmmModel, MmmModel]> {
  const a = await fitMmm(simulatePreset('retail', 2).table, { search: { iterations: 100, trials: 1, seed: 1, bootstrap: 0, posterior: 0, weights: DEFAULT_WEIGHTS } });
  return [a, { ...a, intercept: a.intercept + 1 }];
}

test('a failure while the new run is staged leaves the previous run whole; one while moving in marks the folder and readers refuse it', async () => {
  const [a, b] = await twoModels();
  const dir = mkdtempSync(join(tmpdir(), 'mw-swap-'));
  try {
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    await writeRunFiles(dir, a);
    const before = { model: read(dir, 'model.json'), dec: read(dir, 'decomposition.csv'), report: read(dir, 'report.html'), runId: runIdOf(dir) };
    for (const at of ['stage:decomposition.csv', 'stage:report.html', 'exports']) {
      await assert.rejects(writeRunFiles(dir, b, {}, (s) => { if (s === at) throw new Error('killed'); }), /killed/);
      assert.equal(read(dir, 'model.json'), before.model, at);
      assert.equal(read(dir, 'decomposition.csv'), before.dec, at);
      assert.equal(read(dir, 'report.html'), before.report, at);
      assert.equal(runIdOf(dir), before.runId, `${at}: the exports are still the previous run's`);
      assert.equal(existsSync(join(dir, INCOMPLETE_FILE)), false, at);
      assert.equal(readModel(dir).intercept, a.intercept);
    }
    await assert.rejects(writeRunFiles(dir, b, {}, (s) => { if (s === 'move:decomposition.csv') throw new Error('killed'); }), /killed/);
    assert.ok(existsSync(join(dir, INCOMPLETE_FILE)), 'the folder is marked incomplete');
    assert.throws(() => readModel(dir), (e: unknown) => e instanceof DataError && e.issues[0].code === 'RUN_INCOMPLETE');
    // A complete write clears the mark; nothing of ours is left behind, the user's file is kept.
    await writeRunFiles(dir, b);
    assert.equal(readModel(dir).intercept, b.intercept);
    assert.notEqual(runIdOf(dir), before.runId);
    assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith('.') || n === INCOMPLETE_FILE), []);
    assert.equal(read(dir, 'notes.txt'), 'mine');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('the next write removes temp files and staging folders a killed writer left, and only those', async () => {
  const [a] = await twoModels();
  const dir = mkdtempSync(join(tmpdir(), 'mw-stale-'));
  try {
    const dead = 2 ** 22 + 12345; // above Linux's pid_max default: no such process
    const stale = [`.response_curves.csv.${dead}.0a1b2c3d4e5f.tmp`, `.diagnostics.json.${dead}.abcdefabcdef.tmp`, `.mixwise-run-${dead}-0a1b2c3d4e5f`];
    writeFileSync(join(dir, stale[0]), 'customer data');
    writeFileSync(join(dir, stale[1]), '{}');
    mkdirSync(join(dir, stale[2]));
    writeFileSync(join(dir, stale[2], 'model.json'), '{}');
    // A live process's temp file is in use; an old one is stale whatever its pid.
    const live = `.summary.json.${process.ppid}.0123456789ab.tmp`;
    const old = `.model.json.${process.ppid}.ba9876543210.tmp`;
    writeFileSync(join(dir, live), '{}');
    writeFileSync(join(dir, old), '{}');
    utimesSync(join(dir, old), new Date(Date.now() - 7 * 3600e3), new Date(Date.now() - 7 * 3600e3));
    const users = ['data.tmp', '.hidden.tmp', `.notes.${dead}.tmp`];
    for (const u of users) writeFileSync(join(dir, u), 'keep');
    await writeRunFiles(dir, a);
    for (const s of [...stale, old]) assert.equal(existsSync(join(dir, s)), false, s);
    for (const k of [live, ...users]) assert.equal(existsSync(join(dir, k)), true, k);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('onSwap brackets the swap: from before the marker to after onCommit, and ends on a failure in it too', async () => {
  const [a, b] = await twoModels();
  const dir = mkdtempSync(join(tmpdir(), 'mw-swap-hook-'));
  try {
    await writeRunFiles(dir, a);
    const events: string[] = [];
    const onSwap = (): SwapEnd => {
      events.push(`begin:${existsSync(join(dir, INCOMPLETE_FILE)) ? 'marked' : 'unmarked'}`);
      // A failed swap's end is told the error, once the marker was dealt with.
      return (error) => events.push(error === undefined ? 'end' : `end:${(error as Error).message}:${existsSync(join(dir, INCOMPLETE_FILE)) ? 'marked' : 'unmarked'}`);
    };
    await writeRunFiles(dir, b, { onSwap, onCommit: () => events.push('commit') }, (s) => { if (!s.startsWith('stage:')) events.push(s); });
    const moves = events.filter((e) => e.startsWith('move:'));
    assert.deepEqual(events.filter((e) => !e.startsWith('move:')), ['exports', 'begin:unmarked', 'remove:optimize', 'unmark', 'commit', 'end', 'committed']);
    assert.ok(moves.length > 0 && events.indexOf(moves[0]) > events.indexOf('begin:unmarked') && events.indexOf(moves.at(-1) ?? '') < events.indexOf('commit'));
    for (const at of ['exports', 'move:summary.json']) {
      events.length = 0;
      await assert.rejects(writeRunFiles(dir, b, { onSwap }, (s) => { if (s === at) throw new Error('killed'); }), /killed/);
      assert.deepEqual(events, at === 'exports' ? [] : ['begin:unmarked', 'end:killed:marked'], at);
    }
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('onSwap begins after the user\'s own export files were copied into the exports\' staging folder (the copy is not in the critical section)', async () => {
  const [a, b] = await twoModels();
  const dir = mkdtempSync(join(tmpdir(), 'mw-swap-carry-'));
  try {
    await writeRunFiles(dir, a);
    writeFileSync(join(dir, 'exports', 'csv', 'Notes.txt'), 'mine');
    mkdirSync(join(dir, 'exports', 'parquet', 'mine'));
    writeFileSync(join(dir, 'exports', 'parquet', 'mine', 'x.txt'), 'mine too');
    const seen: string[] = [];
    await writeRunFiles(dir, b, { onSwap: () => {
      const staging = readdirSync(dir).filter((n) => n.startsWith('.mixwise-export-'));
      seen.push(...staging.flatMap((s) => [join(s, 'csv', 'Notes.txt'), join(s, 'parquet', 'mine', 'x.txt')]).map((f) => (existsSync(join(dir, f)) ? read(dir, f) : 'missing')));
      return () => undefined;
    } });
    assert.deepEqual(seen, ['mine', 'mine too']);
    assert.equal(read(dir, join('exports', 'csv', 'Notes.txt')), 'mine');
    assert.equal(read(dir, join('exports', 'parquet', 'mine', 'x.txt')), 'mine too');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgress, patientProgress } from './progress.ts';
import { captureIo } from '../../test/capture-io.ts';

test('not a terminal: one plain line per 10 % crossed, per phase', () => {
  const cap = captureIo('/');
  const p = createProgress(cap.io);
  for (let done = 0; done <= 1000; done += 50) p.update({ phase: 'search', done, total: 1000 });
  p.update({ phase: 'refit', done: 1, total: 1 });
  p.stop();
  const lines = cap.stderr().trimEnd().split('\n');
  assert.deepEqual(lines, [
    'search: 0% (0/1000)', 'search: 10% (100/1000)', 'search: 20% (200/1000)', 'search: 30% (300/1000)',
    'search: 40% (400/1000)', 'search: 50% (500/1000)', 'search: 60% (600/1000)', 'search: 70% (700/1000)',
    'search: 80% (800/1000)', 'search: 90% (900/1000)', 'search: 100% (1000/1000)', 'refit: 100% (1/1)',
  ]);
  assert.equal(cap.stdout(), '');
});

test('--json: no progress output at all', () => {
  const cap = captureIo('/');
  const p = createProgress(cap.io, { json: true });
  p.update({ phase: 'search', done: 5, total: 10 });
  p.stop();
  assert.equal(cap.stderr() + cap.stdout(), '');
});

test('patientProgress shows nothing before its delay, then every event; stop always reaches the display', () => {
  const seen: string[] = [];
  let stopped = 0, clock = 0;
  const inner = { update: (e: { phase: string; done: number; total: number }) => { seen.push(`${e.phase} ${e.done}/${e.total}`); }, stop: () => { stopped++; } };
  const p = patientProgress(inner, 1000, () => clock);
  p.update({ phase: 'information value', done: 1, total: 40 });
  clock = 999;
  p.update({ phase: 'information value', done: 2, total: 40 });
  clock = 1000;
  p.update({ phase: 'information value', done: 3, total: 40 });
  p.stop();
  assert.deepEqual(seen, ['information value 3/40']);
  assert.equal(stopped, 1);
});

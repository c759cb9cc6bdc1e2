import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgress } from './progress.ts';
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

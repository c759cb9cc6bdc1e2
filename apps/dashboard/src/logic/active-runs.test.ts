import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeRuns, isActive, runsAhead } from './active-runs.ts';

const run = (id: string, status: string, createdAt: string) => ({ id, status, createdAt });

test('activeRuns: the queued or running runs, oldest first (the list is newest first); none once every run has ended', () => {
  const runs = [run('c', 'failed', '2024-01-04T00:00:00Z'), run('b', 'queued', '2024-01-03T00:00:00Z'), run('a', 'running', '2024-01-02T00:00:00Z'), run('old', 'done', '2024-01-01T00:00:00Z')];
  assert.deepEqual(activeRuns(runs).map((r) => r.id), ['a', 'b']);
  assert.deepEqual(activeRuns([run('x', 'done', '2024-01-01T00:00:00Z'), run('y', 'cancelled', '2024-01-02T00:00:00Z')]), []);
  assert.deepEqual(['queued', 'running', 'done', 'failed', 'cancelled'].map((s) => isActive({ status: s })), [true, true, false, false, false]);
});

test('runsAhead: the queued or running runs asked for before a queued run; null for a run not waiting', () => {
  const runs = [run('done', 'done', '2024-01-01T00:00:00Z'), run('a', 'running', '2024-01-02T00:00:00Z'), run('b', 'queued', '2024-01-03T00:00:00Z'), run('c', 'queued', '2024-01-04T00:00:00Z')];
  assert.equal(runsAhead(runs, 'b'), 1);
  assert.equal(runsAhead(runs, 'c'), 2);
  assert.equal(runsAhead(runs, 'a'), null, 'running: not waiting');
  assert.equal(runsAhead(runs, 'missing'), null);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultRun } from './default-run.ts';

test('defaultRun picks the latest finished done run', () => {
  const runs = [
    { id: 'old', status: 'done', createdAt: '2024-01-01T00:00:00Z', finishedAt: '2024-01-01T00:05:00Z' },
    { id: 'running', status: 'running', createdAt: '2024-03-01T00:00:00Z', finishedAt: null },
    { id: 'new', status: 'done', createdAt: '2024-02-01T00:00:00Z', finishedAt: '2024-02-01T00:05:00Z' },
    { id: 'failed', status: 'failed', createdAt: '2024-04-01T00:00:00Z', finishedAt: '2024-04-01T00:01:00Z' },
    { id: 'folder', status: 'done', createdAt: '2023-12-01T00:00:00Z', finishedAt: null },
  ];
  assert.equal(defaultRun(runs)?.id, 'new');
  assert.equal(defaultRun(runs.filter((r) => r.status !== 'done')), null);
  assert.equal(defaultRun([]), null);
});

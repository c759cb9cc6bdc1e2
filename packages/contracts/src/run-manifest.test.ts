import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RunManifestSchema, RunListSchema } from './run-manifest.ts';
import { RunEventSchema } from './run-event.ts';

const manifest = {
  id: 'run-20240101-abc', name: 'data.csv', status: 'running', createdAt: '2024-01-01T10:00:00.000Z',
  startedAt: '2024-01-01T10:00:01.000Z', finishedAt: null, progress: { done: 120, total: 300, phase: 'search' },
  error: null, source: { type: 'upload', uploadId: '0123456789abcdef', fileName: 'data.csv' },
  roles: { date: 'date', target: 'sales', channels: ['tv_spend'], controls: [], events: [] }, options: { iterations: 300 },
};

test('run manifest: a running upload run and a folder run parse', () => {
  assert.equal(RunManifestSchema.parse(manifest).progress.done, 120);
  const folder = { ...manifest, id: 'demo', status: 'done', source: { type: 'folder', path: '/tmp/demo' }, roles: null, options: null };
  assert.equal(RunListSchema.parse({ runs: [manifest, folder] }).runs.length, 2);
});

test('run manifest: unknown status, traversal id and a source without its fields are rejected with paths', () => {
  const r = RunManifestSchema.safeParse({ ...manifest, id: '../x', status: 'paused', source: { type: 'upload' } });
  assert.equal(r.success, false);
  const paths = r.error?.issues.map((i) => i.path.join('.')).sort();
  assert.deepEqual(paths, ['id', 'source.fileName', 'source.uploadId', 'status']);
});

test('run event: needs an ISO time and a known phase', () => {
  const ev = { runId: 'r1', status: 'running', progress: { done: 1, total: 2, phase: 'bootstrap' }, error: null, at: '2024-01-01T10:00:00Z' };
  assert.equal(RunEventSchema.safeParse(ev).success, true);
  const bad = RunEventSchema.safeParse({ ...ev, at: 'yesterday', progress: { done: 1, total: 2, phase: 'thinking' } });
  assert.deepEqual(bad.error?.issues.map((i) => i.path.join('.')).sort(), ['at', 'progress.phase']);
});

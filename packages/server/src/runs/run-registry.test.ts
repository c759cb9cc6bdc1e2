import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunRegistry } from './run-registry.ts';

test('a run folder opened as a model keeps its own times (model.json\'s, or its run.json\'s), so the run list sorts by when runs were fitted', async () => {
  const root = await mkdtemp(join(tmpdir(), 'mixwise-registry-'));
  try {
    const folder = async (name: string, at: string): Promise<string> => {
      const dir = join(root, name);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'model.json'), '{}');
      await utimes(join(dir, 'model.json'), new Date(at), new Date(at));
      return dir;
    };
    const older = await folder('older', '2024-03-01T09:00:00.000Z');
    const newer = await folder('newer', '2025-01-15T17:30:00.000Z');
    const served = await folder('served', '2025-06-01T00:00:00.000Z');
    // A folder a server fitted carries its times in run.json.
    await writeFile(join(served, 'run.json'), JSON.stringify({
      id: 'run-1', name: 'sales.csv', status: 'done', createdAt: '2024-12-01T10:00:00.000Z', startedAt: '2024-12-01T10:00:01.000Z', finishedAt: '2024-12-01T10:02:00.000Z',
      progress: { done: 1, total: 1, phase: 'done' }, error: null, source: { type: 'upload', uploadId: '0123456789abcdef', fileName: 'sales.csv' }, roles: null, options: null,
    }));
    const registry = new RunRegistry(join(root, 'runs'));
    const registered = [older, served, newer].map((d) => registry.registerFolder(d));
    assert.deepEqual(registered.map((m) => [m.createdAt, m.startedAt, m.finishedAt]), [
      ['2024-03-01T09:00:00.000Z', null, '2024-03-01T09:00:00.000Z'],
      ['2024-12-01T10:00:00.000Z', '2024-12-01T10:00:01.000Z', '2024-12-01T10:02:00.000Z'],
      ['2025-01-15T17:30:00.000Z', null, '2025-01-15T17:30:00.000Z'],
    ]);
    assert.deepEqual(registry.list().map((m) => m.id), ['newer', 'served', 'older']);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

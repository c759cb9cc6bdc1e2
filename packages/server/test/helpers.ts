// Test helpers for the server tests: a temporary workspace with a simulated CSV, multipart bodies, SSE.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulatePreset } from '@mixwise/engine';
import { wideTable, writeCsvAtomic } from '@mixwise/data';
import assert from 'node:assert/strict';
import { RunEventSchema, RunManifestSchema, UploadSchema, type Roles, type RunManifest } from '@mixwise/contracts';
import { createServer } from '../src/index.ts';
import type { FastifyInstance } from 'fastify';

/** A temporary folder with `data.csv` simulated from the retail preset (seed 7, 156 weeks). */
export async function workspace(): Promise<{ root: string; csvPath: string; runsDir: string; dataDir: string }> {
  const root = await mkdtemp(join(tmpdir(), 'mixwise-server-'));
  const sim = simulatePreset('retail', 7);
  const wide = wideTable(sim.table, []);
  const csvPath = join(root, 'data.csv');
  await writeCsvAtomic(csvPath, wide.columns, wide.rows);
  return { root, csvPath, runsDir: join(root, 'runs'), dataDir: join(root, 'data') };
}

/** Uploads the workspace's CSV (as retail.csv) and returns its id with the roles the server suggests for its columns. */
export async function uploadWithSuggestedRoles(app: FastifyInstance, csvPath: string): Promise<{ uploadId: string; roles: Roles }> {
  const u = UploadSchema.parse((await app.inject({ method: 'POST', url: '/api/uploads', ...multipart('retail.csv', await readFile(csvPath)) })).json());
  const of = (role: string): string[] => u.columns.filter((c) => c.suggestedRole === role).map((c) => c.name);
  return { uploadId: u.uploadId, roles: { date: of('date')[0], target: of('target')[0], channels: of('channel'), controls: of('control'), events: of('event'), organic: of('organic') } };
}

/** A multipart/form-data body with one file field, for app.inject. */
export function multipart(fileName: string, content: string | Uint8Array): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----mixwise-test-boundary-7d1f';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.from(content), tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A multipart/form-data body with text fields and optionally one file field (`file`), for app.inject. */
export function multipartForm(fields: Record<string, string>, file?: { name: string; content: string | Uint8Array }): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----mixwise-test-boundary-5a2c';
  const parts = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file !== undefined) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`), Buffer.from(file.content), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Reads a server-sent-event stream until it ends, returning the parsed `data:` JSON of each `run` event. */
export async function readEvents(url: string, timeoutMs: number): Promise<unknown[]> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (res.body === null) throw new Error('no body');
  const events: unknown[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of res.body) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').find((l) => l.startsWith('data: '));
      if (block.startsWith('event: run') && data !== undefined) events.push(JSON.parse(data.slice(6)));
    }
  }
  return events;
}

/**
 * A server on a fresh workspace, listening on a free port, with one finished run of the workspace's
 * CSV (the suggested roles, seed 3, 300 iterations): what the optimizer route tests plan on.
 */
export async function serverWithRun(): Promise<{ ws: Awaited<ReturnType<typeof workspace>>; app: FastifyInstance; run: RunManifest }> {
  const ws = await workspace();
  const app = await createServer({ runsDir: ws.runsDir, dataDir: ws.dataDir, dashboardDir: false, fitThreads: 2 });
  const base = await listenOnFreePort(app);
  const { uploadId, roles } = await uploadWithSuggestedRoles(app, ws.csvPath);
  const started = await app.inject({ method: 'POST', url: '/api/runs', payload: { uploadId, roles, options: { seed: 3, iterations: 300 } } });
  assert.equal(started.statusCode, 202, started.body);
  const run = RunManifestSchema.parse(started.json());
  const events = (await readEvents(`${base}/api/runs/${run.id}/events`, 40_000)).map((e) => RunEventSchema.parse(e));
  assert.equal(events[events.length - 1]?.status, 'done', JSON.stringify(events.slice(-3)));
  return { ws, app, run };
}

/** Starts the server on a free local port and returns its base URL (`http://127.0.0.1:PORT`). */
export async function listenOnFreePort(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
}

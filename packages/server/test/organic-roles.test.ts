// The role check of the dashboard's API on organic media: a column at 0 in every period is the
// ORGANIC_ALL_ZERO issue at that column, worded for the column table, as `mixwise fit --organic` refuses it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { RoleMappingResponseSchema } from '@mixwise/contracts';
import { createServer } from '../src/index.ts';
import { uploadWithSuggestedRoles, workspace } from './helpers.ts';

let ws: Awaited<ReturnType<typeof workspace>>;
let app: FastifyInstance;

before(async () => {
  ws = await workspace();
  app = await createServer({ runsDir: ws.runsDir, dataDir: ws.dataDir, dashboardDir: false, fitThreads: 1 });
});
after(async () => {
  await app.close();
  await rm(ws.root, { recursive: true, force: true });
});

test('roles.organic with a column at 0 in every period: not ok, ORGANIC_ALL_ZERO at the column with the column-table fix', async () => {
  const lines = (await readFile(ws.csvPath, 'utf8')).trim().split('\n');
  await writeFile(ws.csvPath, lines.map((l, k) => `${l},${k === 0 ? 'newsletter' : '0'}`).join('\n') + '\n');
  const { uploadId, roles } = await uploadWithSuggestedRoles(app, ws.csvPath);
  const res = await app.inject({ method: 'PUT', url: `/api/uploads/${uploadId}/roles`, payload: { roles: { ...roles, organic: ['newsletter'] }, cleaning: [] } });
  assert.equal(res.statusCode, 200, res.body);
  const body = RoleMappingResponseSchema.parse(res.json());
  assert.equal(body.ok, false);
  const issue = body.issues.find((i) => i.code === 'ORGANIC_ALL_ZERO');
  assert.ok(issue !== undefined, JSON.stringify(body.issues));
  assert.equal(issue.at.column, 'newsletter');
  assert.match(issue.message, /organic column "newsletter" is 0 in every period/);
  assert.match(issue.hint ?? '', /set this column's role to Ignore in the column table \(leave it out of "roles\.organic"\)/);
  // Without it in roles.organic the same file checks fine.
  const plain = RoleMappingResponseSchema.parse((await app.inject({ method: 'PUT', url: `/api/uploads/${uploadId}/roles`, payload: { roles, cleaning: [] } })).json());
  assert.equal(plain.ok, true, JSON.stringify(plain.issues));
});

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ApiErrorSchema, UploadSchema, RoleMappingResponseSchema } from '@mixwise/contracts';
import { openDatamart, sqlString } from '@mixwise/data';
import { createServer } from '../src/index.ts';
import { UploadStore } from '../src/uploads/upload-store.ts';
import { modelSource } from '@mixwise/store';
import { createHash } from 'node:crypto';
import { multipart, workspace } from './helpers.ts';

let ws: Awaited<ReturnType<typeof workspace>>;
let app: FastifyInstance;

before(async () => {
  ws = await workspace();
  app = await createServer({ runsDir: ws.runsDir, dataDir: ws.dataDir, dashboardDir: false });
});
after(async () => {
  await app.close();
  await rm(ws.root, { recursive: true, force: true });
});

const upload = (name: string, content: string | Uint8Array, target = app) => target.inject({ method: 'POST', url: '/api/uploads', ...multipart(name, content) });
const uploadDirs = async (): Promise<string[]> => readdir(join(ws.dataDir, 'uploads')).catch(() => []);

test('a simulated CSV uploads: 201, rows, detected roles, preview; GET returns the same', async () => {
  const text = await readFile(ws.csvPath, 'utf8');
  const res = await upload('retail.csv', text);
  assert.equal(res.statusCode, 201, res.body);
  const body = UploadSchema.parse(res.json());
  const lines = text.trim().split('\n');
  assert.equal(body.rows, lines.length - 1);
  assert.equal(body.bytes, Buffer.byteLength(text));
  assert.equal(body.format, 'csv');
  assert.equal(body.frequency, 'weekly');
  const role = Object.fromEntries(body.columns.map((c) => [c.name, c.suggestedRole]));
  const header = lines[0].split(',');
  assert.deepEqual(body.columns.map((c) => c.name), header);
  assert.equal(role.date, 'date');
  for (const h of header.filter((c) => c.endsWith('_spend'))) assert.equal(role[h], 'channel', h);
  assert.equal(body.columns.filter((c) => c.suggestedRole === 'target').length, 1);
  assert.equal(body.preview.length, 20);
  assert.deepEqual(body.preview[0], lines[1].split(','));
  const again = await app.inject(`/api/uploads/${body.uploadId}`);
  assert.equal(again.statusCode, 200);
  assert.deepEqual(again.json(), res.json());
});

test('an ignored numeric column carries the reason it is not a control', async () => {
  const lines = (await readFile(ws.csvPath, 'utf8')).trim().split('\n');
  const text = [`${lines[0]},orders,tv_grps`, ...lines.slice(1).map((l, i) => `${l},${100 + (i % 7)},${3 * i}`)].join('\n') + '\n';
  const u = UploadSchema.parse((await upload('extra.csv', text)).json());
  const col = (name: string) => u.columns.find((c) => c.name === name);
  assert.deepEqual(col('orders'), { name: 'orders', numeric: true, suggestedRole: 'ignore', note: 'named like a KPI' });
  assert.deepEqual(col('tv_grps'), { name: 'tv_grps', numeric: true, suggestedRole: 'ignore', note: 'exposure of channel tv' });
  assert.equal(col('price')?.suggestedRole, 'control');
  assert.equal(col('price')?.note, undefined);
});

test('a spend column named like a model term (trend_spend) uploads with a RESERVED_NAME warning, as its role can still be changed', async () => {
  const text = (await readFile(ws.csvPath, 'utf8')).replace(/^([^\n]*)\btv_spend\b/, '$1trend_spend');
  const res = await upload('trend.csv', text);
  assert.equal(res.statusCode, 201, res.body);
  const u = UploadSchema.parse(res.json());
  assert.deepEqual(u.issues.filter((i) => i.code === 'RESERVED_NAME').map((i) => [i.severity, i.at.column]), [['warning', 'trend_spend']]);
});

test('role mapping: good roles give a table summary; a missing column is an issue, not a crash', async () => {
  const res = await upload('retail.csv', await readFile(ws.csvPath, 'utf8'));
  const u = UploadSchema.parse(res.json());
  const channels = u.columns.filter((c) => c.suggestedRole === 'channel').map((c) => c.name);
  const target = u.columns.find((c) => c.suggestedRole === 'target')?.name as string;
  const ok = await app.inject({ method: 'PUT', url: `/api/uploads/${u.uploadId}/roles`, payload: { roles: { date: 'date', target, channels } } });
  const okBody = RoleMappingResponseSchema.parse(ok.json());
  assert.equal(okBody.ok, true);
  assert.equal(okBody.table?.periods, u.rows);
  assert.deepEqual(okBody.table?.channels, channels.map((c) => c.replace(/_spend$/, '')));
  const bad = await app.inject({ method: 'PUT', url: `/api/uploads/${u.uploadId}/roles`, payload: { roles: { date: 'date', target: 'nope', channels } } });
  const badBody = RoleMappingResponseSchema.parse(bad.json());
  assert.equal(badBody.ok, false);
  assert.ok(badBody.issues.some((i) => i.code === 'MISSING_COLUMN' && i.at.column === 'nope'), JSON.stringify(badBody.issues));
  const invalid = await app.inject({ method: 'PUT', url: `/api/uploads/${u.uploadId}/roles`, payload: { roles: { date: 'date', target, channels: [] } } });
  assert.equal(invalid.statusCode, 400);
  assert.equal(ApiErrorSchema.parse(invalid.json()).error.issues?.[0].at.column, 'roles.channels');
});

test('a panel (a row per date and region) uploads with a Panel role; its roles check on the sums; without the role it is refused', async () => {
  const lines = (await readFile(ws.csvPath, 'utf8')).trim().split('\n');
  const header = lines[0].split(',');
  const halve = new Set(header.filter((h) => h === 'revenue' || h.endsWith('_spend')));
  const rows = lines.slice(1).flatMap((l) => ['north', 'south'].map((region) => {
    const cells = l.split(',');
    return [cells[0], region, ...cells.slice(1).map((v, k) => (halve.has(header[k + 1]) ? String(Number(v) / 2) : v))].join(',');
  }));
  const res = await upload('regions.csv', [['date', 'region', ...header.slice(1)].join(','), ...rows].join('\n') + '\n');
  assert.equal(res.statusCode, 201, res.body);
  const u = UploadSchema.parse(res.json());
  const role = Object.fromEntries(u.columns.map((c) => [c.name, c.suggestedRole]));
  assert.equal(role.region, 'panel');
  assert.equal(role.revenue, 'target');
  assert.equal(u.rows, 2 * (lines.length - 1));
  const warning = u.issues.find((i) => i.code === 'PANEL_DATA');
  assert.equal(warning?.severity, 'warning');
  assert.match(warning?.hint ?? '', /"region" has the role Panel/);
  assert.match(warning?.hint ?? '', /added up into one/, 'the default, adding the geos up');
  assert.match(warning?.hint ?? '', /choose "Model each geo \(geo-level model\)" \(roles\.panelMode "geo"\)/, 'and the alternative, the geo-level model');
  const channels = header.filter((h) => h.endsWith('_spend'));
  const roles = { date: 'date', target: 'revenue', channels, controls: ['price'], panel: 'region' };
  const ok = RoleMappingResponseSchema.parse((await app.inject({ method: 'PUT', url: `/api/uploads/${u.uploadId}/roles`, payload: { roles } })).json());
  assert.equal(ok.ok, true, JSON.stringify(ok.issues));
  assert.equal(ok.table?.periods, lines.length - 1);
  const { panel: _, ...national } = roles;
  const refused = RoleMappingResponseSchema.parse((await app.inject({ method: 'PUT', url: `/api/uploads/${u.uploadId}/roles`, payload: { roles: national } })).json());
  assert.equal(refused.ok, false);
  const error = refused.issues.find((i) => i.code === 'PANEL_DATA');
  assert.match(error?.hint ?? '', /^set the role of "region" to Panel/);
});

test('a control with one empty cell stays a suggested control, with a note naming the interpolate tick; the role check asks for impute_controls, which fills it', async () => {
  const lines = (await readFile(ws.csvPath, 'utf8')).trim().split('\n');
  const header = lines[0].split(',');
  const j = header.indexOf('price');
  assert.ok(j >= 0, 'the simulated file has a price column');
  const cells = lines[11].split(',');
  cells[j] = '';
  lines[11] = cells.join(',');
  const u = UploadSchema.parse((await upload('price-gap.csv', lines.join('\n') + '\n')).json());
  const price = u.columns.find((c) => c.name === 'price');
  assert.equal(price?.suggestedRole, 'control');
  assert.equal(price?.note, '1 empty cell (the first on line 12): tick "Interpolate empty control cells" (impute_controls) under Cleaning to fill it, or set the role to Ignore');
  const of = (role: string) => u.columns.filter((c) => c.suggestedRole === role).map((c) => c.name);
  const roles = { date: of('date')[0], target: of('target')[0], channels: of('channel'), controls: of('control'), events: of('event') };
  const put = async (cleaning: string[]) => RoleMappingResponseSchema.parse((await app.inject({ method: 'PUT', url: `/api/uploads/${u.uploadId}/roles`, payload: { roles, cleaning } })).json());
  const refused = await put([]);
  assert.equal(refused.ok, false);
  assert.deepEqual(refused.issues.map((i) => [i.code, i.at.column, i.fix]), [['EMPTY_CELL', 'price', 'impute_controls']]);
  const fixed = await put(['impute_controls']);
  assert.equal(fixed.ok, true, JSON.stringify(fixed.issues));
  assert.deepEqual(fixed.cleaning, [{ step: 'impute_controls', changes: 1, columns: { price: 1 } }]);
});

test('role check with cleaning: an empty spend cell is refused with its fix; ticking fill_gaps makes the roles usable and says what changed', async () => {
  const lines = (await readFile(ws.csvPath, 'utf8')).trim().split('\n');
  const header = lines[0].split(',');
  const spend = header.filter((h) => h.endsWith('_spend'));
  const j = header.indexOf(spend[1]);
  for (const k of [3, 4]) {
    const cells = lines[k].split(',');
    cells[j] = '';
    lines[k] = cells.join(',');
  }
  const u = UploadSchema.parse((await upload('gaps.csv', lines.join('\n') + '\n')).json());
  const target = u.columns.find((c) => c.suggestedRole === 'target')?.name as string;
  const roles = { date: 'date', target, channels: spend };
  const put = async (cleaning: string[]) => RoleMappingResponseSchema.parse((await app.inject({ method: 'PUT', url: `/api/uploads/${u.uploadId}/roles`, payload: { roles, cleaning } })).json());
  const refused = await put([]);
  assert.equal(refused.ok, false);
  assert.deepEqual(refused.issues.filter((i) => i.code === 'EMPTY_CELL').map((i) => [i.at.row, i.at.column, i.fix]), [[4, spend[1], 'fill_gaps'], [5, spend[1], 'fill_gaps']]);
  const fixed = await put(['fill_gaps', 'sort_dates']);
  assert.equal(fixed.ok, true, JSON.stringify(fixed.issues));
  assert.deepEqual(fixed.cleaning, [{ step: 'sort_dates', changes: 0, columns: {} }, { step: 'fill_gaps', changes: 2, columns: { [spend[1]]: 2 } }]);
  const bad = await app.inject({ method: 'PUT', url: `/api/uploads/${u.uploadId}/roles`, payload: { roles, cleaning: ['fill_gaps', 'fill_gaps'] } });
  assert.equal(bad.statusCode, 400);
});

test('one row out of date order changes no detected role; with an empty spend cell too, both are warnings with their cleaning fix and ticking both makes the roles usable', async () => {
  const text = await readFile(ws.csvPath, 'utf8');
  const sorted = UploadSchema.parse((await upload('retail.csv', text)).json());
  const lines = text.trim().split('\n');
  [lines[5], lines[6]] = [lines[6], lines[5]];
  const swapped = await upload('swapped.csv', lines.join('\n') + '\n');
  assert.equal(swapped.statusCode, 201, swapped.body);
  const s = UploadSchema.parse(swapped.json());
  assert.deepEqual(s.columns.map((c) => [c.name, c.suggestedRole]), sorted.columns.map((c) => [c.name, c.suggestedRole]));
  assert.equal(s.frequency, 'weekly');
  assert.deepEqual([s.firstDate, s.lastDate], [sorted.firstDate, sorted.lastDate]);
  assert.deepEqual(s.preview[4], lines[5].split(','), 'the preview keeps the file order');
  assert.deepEqual(s.issues.map((i) => [i.code, i.severity, i.at.row, i.fix]), [['UNSORTED_DATES', 'warning', 7, 'sort_dates']]);

  const header = lines[0].split(',');
  const spend = header.filter((h) => h.endsWith('_spend'));
  const j = header.indexOf(spend[0]);
  const cells = lines[10].split(',');
  cells[j] = '';
  lines[10] = cells.join(',');
  const both = await upload('swapped-gap.csv', lines.join('\n') + '\n');
  assert.equal(both.statusCode, 201, both.body);
  const b = UploadSchema.parse(both.json());
  assert.deepEqual(b.issues.map((i) => [i.code, i.severity, i.at.row, i.at.column, i.fix]),
    [['UNSORTED_DATES', 'warning', 7, 'date', 'sort_dates'], ['EMPTY_CELL', 'warning', 11, spend[0], 'fill_gaps']]);
  const roles = { date: 'date', target: 'revenue', channels: spend };
  const put = async (cleaning: string[]) => RoleMappingResponseSchema.parse((await app.inject({ method: 'PUT', url: `/api/uploads/${b.uploadId}/roles`, payload: { roles, cleaning } })).json());
  assert.equal((await put([])).ok, false);
  const fixed = await put(['sort_dates', 'fill_gaps']);
  assert.equal(fixed.ok, true, JSON.stringify(fixed.issues));
});

test('a semicolon file with decimal commas: the refusal counts every error once, lists five and one "and N more" with the right total', async () => {
  const lines = (await readFile(ws.csvPath, 'utf8')).trim().split('\n');
  const text = lines.map((l) => l.split(',').map((c) => c.replace('.', ',')).join(';')).join('\n') + '\n';
  // Without a KPI yet, the value checks read the spend columns.
  const spend = lines[0].split(',').flatMap((h, j) => (h.endsWith('_spend') ? [j] : []));
  const commas = lines.slice(1).flatMap((l) => spend.map((j) => l.split(',')[j])).filter((c) => /^-?\d+\.\d+$/.test(c)).length;
  const res = await upload('semicolon.csv', text);
  assert.equal(res.statusCode, 422, res.body);
  const error = ApiErrorSchema.parse(res.json()).error;
  const all = error.issues ?? [];
  // Columns with no role yet get one DECIMAL_COMMA warning each; the spend cells are the errors.
  const listed = all.filter((i) => i.code === 'DECIMAL_COMMA' && i.severity === 'error');
  const more = all.filter((i) => i.code === 'MORE_ISSUES');
  assert.equal(listed.length, 5);
  assert.deepEqual(more.map((i) => i.message), [`and ${commas - 5} more DECIMAL_COMMA errors like the ones above (not listed)`]);
  const errors = all.filter((i) => i.severity === 'error' && i.code !== 'MORE_ISSUES').length + (commas - 5);
  assert.equal(error.message, `"semicolon.csv" cannot be used: ${errors} errors found (see issues)`);
});

test('more empty spend cells than are listed: every one is a warning with the fill_gaps fix, the summary too', async () => {
  const lines = (await readFile(ws.csvPath, 'utf8')).trim().split('\n');
  const header = lines[0].split(',');
  const j = header.indexOf(header.filter((h) => h.endsWith('_spend'))[0]);
  for (let k = 2; k < 14; k++) {
    const cells = lines[k].split(',');
    cells[j] = '';
    lines[k] = cells.join(',');
  }
  const res = await upload('gaps12.csv', lines.join('\n') + '\n');
  assert.equal(res.statusCode, 201, res.body);
  const u = UploadSchema.parse(res.json());
  assert.deepEqual(u.issues.map((i) => [i.code, i.severity, i.fix]), [...Array(5).fill(['EMPTY_CELL', 'warning', 'fill_gaps']), ['MORE_ISSUES', 'warning', 'fill_gaps']]);
  assert.equal(u.issues[5].message, 'and 7 more EMPTY_CELL warnings like the ones above (not listed)');
});

test('a Parquet file uploads through DuckDB: same rows, columns and roles as the CSV it was made from', async () => {
  const parquet = join(ws.root, 'retail.parquet');
  const dm = await openDatamart();
  try {
    await dm.connection.run(`COPY (SELECT * FROM read_csv(${sqlString(ws.csvPath)})) TO ${sqlString(parquet)} (FORMAT PARQUET)`);
  } finally {
    dm.close();
  }
  const fromCsv = UploadSchema.parse((await upload('retail.csv', await readFile(ws.csvPath))).json());
  const res = await upload('retail.parquet', await readFile(parquet));
  assert.equal(res.statusCode, 201, res.body);
  const fromParquet = UploadSchema.parse(res.json());
  assert.equal(fromParquet.format, 'parquet');
  assert.equal(fromParquet.rows, fromCsv.rows);
  assert.deepEqual(fromParquet.columns, fromCsv.columns);
  assert.deepEqual([fromParquet.firstDate, fromParquet.lastDate], [fromCsv.firstDate, fromCsv.lastDate]);
  // A model of it records the Parquet file the user has (its name and bytes), not the CSV made from it.
  const bytes = await readFile(parquet);
  assert.deepEqual(await modelSource(new UploadStore(ws.dataDir).sentPath(fromParquet.uploadId), 'retail.parquet'),
    { file: 'retail.parquet', sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
});

test('a file that is not .csv or .parquet is refused with 415 and nothing is kept', async () => {
  const before = await uploadDirs();
  const res = await upload('notes.txt', 'date,sales\n2024-01-01,1\n');
  assert.equal(res.statusCode, 415);
  assert.equal(ApiErrorSchema.parse(res.json()).error.code, 'UNSUPPORTED_MEDIA_TYPE');
  assert.match(res.json().error.message, /notes\.txt.*\.csv or \.parquet/);
  const json = await app.inject({ method: 'POST', url: '/api/uploads', payload: { file: 'x' } });
  assert.equal(json.statusCode, 415);
  assert.deepEqual(await uploadDirs(), before);
});

test('a file over the limit is refused with 413 and the partial file is removed', async () => {
  const small = await createServer({ runsDir: ws.runsDir, dataDir: join(ws.root, 'small'), dashboardDir: false, maxUploadBytes: 1000 });
  try {
    const res = await upload('retail.csv', await readFile(ws.csvPath, 'utf8'), small);
    assert.equal(res.statusCode, 413);
    const body = ApiErrorSchema.parse(res.json());
    assert.equal(body.error.code, 'PAYLOAD_TOO_LARGE');
    assert.match(body.error.message, /1,000 bytes/);
    assert.deepEqual(await readdir(join(ws.root, 'small', 'uploads')).catch(() => []), []);
  } finally {
    await small.close();
  }
});

test('a broken CSV is refused with 422 and the reader/validation issues as data', async () => {
  const before = await uploadDirs();
  const ragged = await upload('ragged.csv', 'date,sales,tv_spend\n2024-01-01,10,5\n2024-01-08,11\n2024-01-15,"12,5\n');
  assert.equal(ragged.statusCode, 422);
  const body = ApiErrorSchema.parse(ragged.json());
  assert.equal(body.error.code, 'INVALID_DATA');
  assert.ok((body.error.issues ?? []).length > 0);
  assert.ok(body.error.issues?.every((i) => i.at.file === 'ragged.csv'));
  assert.ok(body.error.issues?.some((i) => i.severity === 'error' && /CSV_SYNTAX|RAGGED_ROW/.test(i.code)), JSON.stringify(body.error.issues));
  const binary = await upload('image.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x0a, 0x1a, 0x0a, 0]));
  assert.equal(binary.statusCode, 422);
  assert.ok(ApiErrorSchema.parse(binary.json()).error.issues?.some((i) => i.code === 'BINARY_FILE'), binary.body);
  const parquet = await upload('fake.parquet', 'this is not parquet');
  assert.equal(parquet.statusCode, 422);
  assert.equal(ApiErrorSchema.parse(parquet.json()).error.issues?.[0].code, 'PARQUET_UNREADABLE');
  assert.deepEqual(await uploadDirs(), before);
});

test('unknown or malformed upload ids are 404, never a file', async () => {
  for (const id of ['0000000000000000', '..%2f..%2fetc%2fpasswd', '%2e%2e']) {
    const res = await app.inject(`/api/uploads/${id}`);
    assert.equal(res.statusCode, 404, id);
    assert.equal(ApiErrorSchema.parse(res.json()).error.code, 'NOT_FOUND');
  }
});

test('a file without *_spend columns (Robyn-style tv_S) uploads: its spend columns are detected as channels with a SPEND_BY_NAME warning, and the KPI is suggested', async () => {
  const lines = (await readFile(ws.csvPath, 'utf8')).trim().split('\n');
  const header = lines[0].split(',').map((h) => h.replace(/_spend$/, '_S'));
  const res = await upload('robyn-style.csv', [header.join(','), ...lines.slice(1)].join('\n') + '\n');
  assert.equal(res.statusCode, 201, res.body);
  const body = UploadSchema.parse(res.json());
  const role = Object.fromEntries(body.columns.map((c) => [c.name, c.suggestedRole]));
  for (const h of header.filter((c) => c.endsWith('_S'))) assert.equal(role[h], 'channel', h);
  assert.equal(role.date, 'date');
  assert.equal(role.revenue, 'target');
  assert.equal(body.issues.some((i) => i.code === 'NO_CHANNELS'), false);
  const byName = body.issues.find((i) => i.code === 'SPEND_BY_NAME');
  assert.equal(byName?.severity, 'warning');
  assert.match(byName?.message ?? '', /tv_S \(channel tv\)/);
  assert.match(byName?.hint ?? '', /Channel roles in the column table/);
});

test('upload and role-check advice is worded for the dashboard and the request, never the command line; a flood of one error is cut to a few and "and N more"', async () => {
  const lines = (await readFile(ws.csvPath, 'utf8')).trim().split('\n');
  const header = lines[0].split(',');
  const d = header.indexOf('date');
  const dropDate = (l: string): string => l.split(',').filter((_, j) => j !== d).join(',');
  const noDate = await upload('no-date.csv', lines.map(dropDate).join('\n') + '\n');
  assert.equal(noDate.statusCode, 422);
  const refused = ApiErrorSchema.parse(noDate.json()).error;
  const missing = refused.issues?.find((i) => i.code === 'NO_DATE_COLUMN');
  assert.match(missing?.hint ?? '', /^the file needs a column of dates, one row per period, like 2024-01-31: add or fix it and upload the file again \(available columns: revenue, /);
  for (const i of refused.issues ?? []) assert.doesNotMatch(i.hint, /--[a-z]|mixwise\.yaml|mixwise fit/, i.hint);

  // A numeric column taken as the panel: one PANEL_UNBALANCED error per date (156) becomes five and a count.
  const u = UploadSchema.parse((await upload('retail.csv', await readFile(ws.csvPath))).json());
  const channels = u.columns.filter((c) => c.suggestedRole === 'channel').map((c) => c.name);
  const res = await app.inject({ method: 'PUT', url: `/api/uploads/${u.uploadId}/roles`, payload: { roles: { date: 'date', target: 'revenue', channels, panel: 'price' } } });
  assert.equal(res.statusCode, 200, res.body);
  const check = RoleMappingResponseSchema.parse(res.json());
  assert.equal(check.ok, false);
  assert.deepEqual(check.issues.map((i) => i.code), [...Array(5).fill('PANEL_UNBALANCED'), 'MORE_ISSUES']);
  assert.equal(check.issues[5].message, `and ${lines.length - 1 - 5} more PANEL_UNBALANCED errors like the ones above (not listed)`);
  // Roles that leave columns unused: the advice names the roles and the request fields.
  const few = RoleMappingResponseSchema.parse((await app.inject({ method: 'PUT', url: `/api/uploads/${u.uploadId}/roles`, payload: { roles: { date: 'date', target: 'revenue', channels } } })).json());
  const unused = few.issues.find((i) => i.code === 'UNUSED_COLUMNS');
  assert.match(unused?.hint ?? '', /to Control \("roles\.controls" in the request\), and 0\/1 event columns to Event \("roles\.events"\)/);
  for (const i of few.issues) assert.doesNotMatch(i.hint, /--[a-z]|mixwise\.yaml/, i.hint);
});

test('a missing week in a file whose KPI is not detected stays an error with no fill_gaps fix (the KPI is chosen later and never invented)', async () => {
  const lines = ['date,outcome,tv_spend,search_spend'];
  for (let i = 0; i < 30; i++) {
    if (i === 5) continue; // 2024-02-05 (would be line 7) is missing
    lines.push(`${new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10)},${1000 + 10 * i},${100 + 5 * i},${50 + 10 * (i % 3)}`);
  }
  const res = await upload('missing-week.csv', lines.join('\n') + '\n');
  assert.equal(res.statusCode, 422, res.body);
  const issues = ApiErrorSchema.parse(res.json()).error.issues ?? [];
  const gap = issues.filter((i) => i.code === 'IRREGULAR_DATES');
  assert.deepEqual(gap.map((i) => [i.severity, i.at.row, i.at.column, i.fix]), [['error', 7, 'date', undefined]]);
  assert.match(gap[0].message, /missing: 2024-02-05/);
  assert.doesNotMatch(gap[0].hint, /fill_gaps/);
});

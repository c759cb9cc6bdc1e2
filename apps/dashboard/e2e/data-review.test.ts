// Browser tests of the Data page's upload review and training: rows out of date order, error counts,
// Train double clicks, fits followed across pages, reloads and the queue, refusals in the form's words.
// Same set-up as dashboard.test.ts (harness.ts: current build, real server, /usr/bin/chromium).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { RunManifest, Upload } from '@mixwise/contracts';
import { DEFAULT_SEARCH_ITERATIONS } from '@mixwise/engine';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
before(async () => { h = await startHarness({ nChannels: 3, seed: 5, iterations: 60 }); }, { timeout: 180_000 });
after(async () => { await h?.close(); });

const runs = async (): Promise<RunManifest[]> => (await h.get<{ runs: RunManifest[] }>('api/runs')).runs;
const fixtureLines = async (): Promise<string[]> => (await readFile(h.csv.path, 'utf8')).trim().split('\n');

async function uploadText(page: Page, name: string, text: string): Promise<void> {
  await page.goto(h.pageUrl('data'));
  await page.getByTestId('upload-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

/** Starts a fit through the API with the fixture's detected roles (for a fit this page did not start). */
async function startViaApi(iterations: number): Promise<RunManifest> {
  const form = new FormData();
  form.append('file', new Blob([await readFile(h.csv.path)], { type: 'text/csv' }), 'api.csv');
  const upload = await (await fetch(`${h.url}api/uploads`, { method: 'POST', body: form })).json() as Upload;
  const of = (role: string) => upload.columns.filter((c) => c.suggestedRole === role).map((c) => c.name);
  const res = await fetch(`${h.url}api/runs`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ uploadId: upload.uploadId, name: 'api-fit', roles: { date: of('date')[0], target: of('target')[0], channels: of('channel'), controls: of('control'), events: of('event') }, options: { iterations } }),
  });
  assert.equal(res.status, 202);
  return await res.json() as RunManifest;
}

async function cancelAll(): Promise<void> {
  for (const r of await runs()) if (r.status === 'queued' || r.status === 'running') await fetch(`${h.url}api/runs/${r.id}/cancel`, { method: 'POST' });
}

test('data review: one row out of date order and an empty spend cell: roles and frequency detected, both warnings with their Cleaning fix, and ticking both makes the roles usable', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    const lines = await fixtureLines();
    [lines[5], lines[6]] = [lines[6], lines[5]];
    const header = lines[0].split(',');
    const spend = h.csv.channelColumns[0];
    const cells = lines[10].split(',');
    cells[header.indexOf(spend)] = '';
    lines[10] = cells.join(',');
    await uploadText(page, 'swapped.csv', lines.join('\n') + '\n');
    await page.getByTestId('columns-table').waitFor();
    assert.match(await page.getByTestId('upload-summary').innerText(), / · weekly from /);
    for (const [column, role] of Object.entries(h.csv.expectedRoles)) assert.equal(await page.getByTestId(`role-${column}`).inputValue(), role, column);
    const issues = page.locator('[data-testid="issues-table"]').last();
    await issues.getByText('UNSORTED_DATES').waitFor();
    const text = await issues.innerText();
    assert.match(text, /tick "Sort rows by date" under Cleaning/);
    assert.match(text, /EMPTY_CELL[\s\S]*under Cleaning/);
    await page.getByTestId('clean-sort_dates').check();
    await page.getByTestId('clean-fill_gaps').check();
    await page.getByTestId('roles-ok').waitFor();
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('data review: holidays typed in the Holidays field are checked with the roles; an unknown id is listed as HOLIDAY_UNKNOWN', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await uploadText(page, 'holidays.csv', (await fixtureLines()).join('\n') + '\n');
    await page.getByTestId('roles-ok').waitFor();
    await page.getByTestId('holidays-input').fill('us, xmas');
    const issues = page.locator('[data-testid="issues-table"]').last();
    await issues.getByText('HOLIDAY_UNKNOWN').waitFor();
    assert.match(await issues.innerText(), /unknown holiday set or id 'xmas'/);
    await page.getByTestId('holidays-input').fill('us, retail');
    await page.getByTestId('week-label').waitFor(); // weekly data: which day labels the week
    await page.getByTestId('roles-ok').waitFor();
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('data review: a semicolon file with decimal commas is refused with the real error count and one "and N more" line', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    const lines = await fixtureLines();
    await uploadText(page, 'semicolon.csv', lines.map((l) => l.split(',').map((c) => c.replace('.', ',')).join(';')).join('\n') + '\n');
    const banner = page.getByTestId('upload-error');
    await banner.waitFor();
    const n = Number(/(\d+) errors found/.exec(await banner.innerText())?.[1]);
    const more = await banner.getByText(/^and \d+ more DECIMAL_COMMA errors/).allInnerTexts();
    assert.equal(more.length, 1, more.join(' | '));
    const listed = await banner.locator('tbody tr', { hasText: 'uses a comma as decimal point' }).count();
    assert.equal(listed + Number(/and (\d+) more/.exec(more[0])?.[1]), n, 'listed + "and N more" = the count in the header');
    assert.deepEqual(problems.filter((p) => !/status of 422/.test(p)), []);
  } finally { await context.close(); }
});

test('data review: Train starts at the engine default; a double click starts one fit; a too long holdout is explained by the form field, without negative counts', { timeout: 90_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await page.goto(h.pageUrl('data'));
    await page.getByTestId('upload-input').setInputFiles(h.csv.path);
    await page.getByTestId('roles-ok').waitFor();
    assert.equal(Number(await page.getByTestId('option-iterations').inputValue()), DEFAULT_SEARCH_ITERATIONS);
    await page.getByTestId('option-holdout').fill('500');
    await page.getByTestId('train-button').click();
    const error = page.getByTestId('train-error');
    await error.waitFor();
    const text = await error.innerText();
    assert.match(text, /^Holdout periods: a holdout of 500 periods leaves none of the \d+ periods to fit/);
    assert.doesNotMatch(text, /options\.|request body|-\d/);

    await page.getByTestId('option-holdout').fill('0');
    await page.getByTestId('option-iterations').fill('20000');
    const before = (await runs()).length;
    await page.getByTestId('train-button').dblclick();
    await page.getByTestId('cancel-button').waitFor();
    await page.waitForTimeout(500);
    assert.equal((await runs()).length, before + 1, 'one fit started');
    await page.getByTestId('cancel-button').click();
    await page.locator('[data-testid="train-status"][data-status="cancelled"]').waitFor({ timeout: 20_000 });
    assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), []);
  } finally { await context.close(); await cancelAll(); }
});

test('data review: a queued fit shows 0% and how many fits are ahead; a reloaded Data page shows the running fit with its progress and Cancel', { timeout: 90_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    const first = await startViaApi(200_000);
    await page.goto(h.pageUrl('data'));
    await page.getByTestId('upload-input').setInputFiles(h.csv.path);
    await page.getByTestId('roles-ok').waitFor();
    // The API's fit is shown on top, followed live.
    await page.locator(`[data-testid="train-status"][data-run="${first.id}"]`).waitFor();
    await page.getByTestId('option-iterations').fill('60');
    await page.getByTestId('train-button').click();
    const own = page.locator('[data-testid="train-status"]').last();
    await own.getByText('queued (1 ahead)').waitFor({ timeout: 10_000 });
    assert.equal(await own.locator('[data-testid="progress-bar"]').getAttribute('data-value'), '0');

    await page.reload();
    const followed = page.locator(`[data-testid="train-status"][data-run="${first.id}"]`);
    await followed.waitFor();
    await followed.getByTestId('cancel-button').click();
    await page.locator(`[data-testid="train-status"][data-run="${first.id}"][data-status="cancelled"]`).waitFor({ timeout: 20_000 });
    // The page's own fit, queued behind it, now runs and is followed after the reload.
    const ownId = (await runs()).find((r) => r.id !== first.id && (r.status === 'queued' || r.status === 'running'))?.id;
    assert.ok(ownId, 'the page\'s fit is still queued or running');
    await page.locator(`[data-testid="train-status"][data-run="${ownId}"]`).waitFor({ timeout: 20_000 });
    await page.getByTestId('active-run-done').waitFor({ timeout: 60_000 });
    assert.deepEqual(problems, []);
  } finally { await context.close(); await cancelAll(); }
});

test('data review: a fit started on the Data page turns up in the run picker of another page and of another tab once done', { timeout: 120_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  const other = await h.openPage();
  try {
    await other.page.goto(h.pageUrl('executive'));
    await other.page.getByTestId('run-picker').waitFor();
    await page.goto(h.pageUrl('data'));
    await page.getByTestId('upload-input').setInputFiles(h.csv.path);
    await page.getByTestId('roles-ok').waitFor();
    await page.getByTestId('option-iterations').fill('3000');
    await page.getByTestId('train-button').click();
    await page.getByTestId('cancel-button').waitFor();
    await page.getByTestId('nav-executive').click();
    const id = (await runs()).find((r) => r.status === 'queued' || r.status === 'running')?.id;
    assert.ok(id);
    const done = (p: Page) => p.locator(`[data-testid="run-picker"] option[value="${id}"]:not([disabled])`).waitFor({ state: 'attached', timeout: 90_000 });
    // The second tab comes back into view (it reads the run list again), then follows the fit until it is done.
    await other.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await Promise.all([done(page), done(other.page)]);
    assert.deepEqual([...problems, ...other.problems], []);
  } finally { await context.close(); await other.context.close(); await cancelAll(); }
});

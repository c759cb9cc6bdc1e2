// Browser end-to-end test of organic media in the dashboard: a Bayesian run with a newsletter column
// given the organic role (the API accepts it, the engine samples it), whose explorer draws the organic
// response curve in exposure units and whose organic table carries the credible interval.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SummaryResult } from '@mixwise/engine';
import type { RunManifest, Upload } from '@mixwise/contracts';
import { PAGE_CHARTS, SCREENSHOT_DIR, startHarness, waitForCharts, type Harness } from './harness.ts';

let h: Harness;
before(async () => { h = await startHarness({ nChannels: 2, seed: 3, iterations: 50 }); }, { timeout: 180_000 });
after(async () => { await h?.close(); });

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(h.url + path, init);
  const text = await res.text();
  assert.ok(res.ok, `${init?.method ?? 'GET'} ${path} → ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** The harness CSV with a `newsletter_sends` column: campaign weeks of 3,000–5,000 sends, 100 otherwise. */
async function csvWithSends(): Promise<string> {
  const lines = (await readFile(h.csv.path, 'utf8')).trim().split('\n');
  const path = join(h.tmp, 'with-sends.csv');
  await writeFile(path, lines.map((l, k) => `${l},${k === 0 ? 'newsletter_sends' : k % 3 === 0 ? 3000 + 500 * (k % 5) : 100}`).join('\n') + '\n');
  return path;
}

test('a Bayesian run with organic media: the explorer draws their response curve in exposure units, the table gives their credible interval', { timeout: 180_000 }, async () => {
  const form = new FormData();
  form.append('file', new Blob([await readFile(await csvWithSends())], { type: 'text/csv' }), 'with-sends.csv');
  const upload = await api<Upload>('api/uploads', { method: 'POST', body: form });
  const of = (role: string) => upload.columns.filter((c) => c.suggestedRole === role).map((c) => c.name);
  assert.ok(!of('control').includes('newsletter_sends'), 'a sends column is never suggested as a control');
  const roles = { date: of('date')[0], target: of('target')[0], channels: of('channel'), controls: of('control'), events: of('event'), organic: ['newsletter_sends'] };
  const started = await api<RunManifest>('api/runs', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ uploadId: upload.uploadId, name: 'organic', roles, options: { iterations: 50, seed: 1, method: 'bayes', bayes: { chains: 1, warmup: 30, draws: 12 } } }),
  });
  for (const deadline = Date.now() + 150_000; ;) {
    const run = await api<RunManifest>(`api/runs/${started.id}`);
    if (run.status === 'done') break;
    assert.ok(run.status !== 'failed' && run.status !== 'cancelled', `the run ended ${run.status}: ${run.error?.message ?? ''}`);
    assert.ok(Date.now() < deadline, 'the organic Bayesian fit took too long');
    await new Promise((r) => setTimeout(r, 200));
  }
  const summary = await api<SummaryResult>(`api/runs/${started.id}/summary`);
  const interval = summary.organic?.[0].contribution_interval;
  assert.ok(Array.isArray(interval), JSON.stringify(summary.organic));

  const { page, context, problems } = await h.openPage();
  try {
    await page.goto(h.pageUrl('explorer', started.id));
    await waitForCharts(page, [...PAGE_CHARTS.explorer, 'organic-response-curves']);
    assert.match(await page.getByTestId('explorer-organic-curves').innerText(), /against a sustained exposure per period, in the column's own units \(sends, impressions\), not money: there is no spend, so no ROI\. The dot is the current mean exposure, labelled with the extra \S+ per 1,000 more exposures/);
    const table = page.getByTestId('table-organic-terms');
    assert.match(await table.innerText(), /90% credible interval/i);
    assert.match(await table.innerText(), /newsletter_sends\t[\d.]+k\t[\d.]+[kM]?\t[\d.]+[kM]? – [\d.]+[kM]?\t/);
    assert.doesNotMatch(await table.innerText(), /NaN|undefined/);
    await page.getByTestId('chart-organic-response-curves').screenshot({ path: join(SCREENSHOT_DIR, 'explorer-organic-curves.png') });
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

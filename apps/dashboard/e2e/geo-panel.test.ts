// Browser end-to-end test of the geo-level model in the dashboard: a small panel (a row per week and
// region) is uploaded, "Model each geo" chosen under the Panel column, the fit followed to its end, and
// the executive page shows the Geos section (charts from @mixwise/charts and the per-geo table) and, beside
// the recommendation and on the simulator page, the split across geos a plan assumes; the national run of the
// harness shows none of them. The file has a population column, given the role "Geo size (population)", so
// the split is by population share. Same set-up as dashboard.test.ts (harness.ts).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { RunManifest } from '@mixwise/contracts';
import { simulateGeoPanel } from '@mixwise/engine';
import { PAGE_CHARTS, SCREENSHOT_DIR, startHarness, waitForCharts, type Harness } from './harness.ts';

let h: Harness;
before(async () => { h = await startHarness({ nChannels: 2, seed: 3, iterations: 50 }); }, { timeout: 180_000 });
after(async () => { await h?.close(); });

/** A long panel file from the engine's geo simulator: 3 regions × 60 weeks, so the fit takes seconds; each region's population on its rows. */
function panelCsv(): { text: string; geos: string[] } {
  const { table } = simulateGeoPanel({ seed: 4, nGeos: 3, weeks: 60, population: true });
  const panel = table.panel;
  if (panel?.size === undefined) throw new Error('simulateGeoPanel gave no panel with a population');
  const size = panel.size;
  const header = ['date', 'region', 'revenue', ...table.channels.map((c) => `${c.name}_spend`), 'population'];
  const rows = table.dates.flatMap((date, t) => panel.geos.map((geo, g) => [date, geo, panel.target[g][t].toFixed(2), ...panel.spend.map((s) => s[g][t].toFixed(2)), String(size.values[g])].join(',')));
  return { text: [header.join(','), ...rows].join('\n') + '\n', geos: [...panel.geos] };
}

test('a panel trained as a geo-level model: the choice, the options it refuses, progress, then the Geos section and the split across geos on the recommendation and the simulator', { timeout: 180_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    const { text, geos } = panelCsv();
    await page.goto(h.pageUrl('data'));
    await page.getByTestId('upload-input').setInputFiles({ name: 'regions.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.getByTestId('columns-table').waitFor();
    assert.equal(await page.getByTestId('role-region').inputValue(), 'panel');
    // Adding the geos up stays the default; a cleaning tick the geo-level model cannot take is unticked and disabled by the switch.
    assert.equal(await page.getByTestId('panel-mode-sum').isChecked(), true);
    await page.getByTestId('roles-ok').waitFor();
    assert.doesNotMatch(await page.getByTestId('roles-ok').innerText(), /geos/);
    await page.getByTestId('clean-fill_gaps').check();
    await page.getByTestId('panel-mode-geo').check();
    // The population column sizes the geos (a role of its own, only with "Model each geo").
    await page.getByTestId('role-population').selectOption('geo_size');
    assert.equal(await page.getByTestId('clean-fill_gaps').isChecked(), false);
    assert.equal(await page.getByTestId('clean-fill_gaps').isDisabled(), true);
    assert.equal(await page.getByTestId('clean-sort_dates').isDisabled(), false);
    await page.getByTestId('roles-ok').filter({ hasText: 'geos' }).waitFor();
    assert.match(await page.getByTestId('roles-ok').innerText(), new RegExp(`Ready: 60 weekly periods .*, 3 geos \\(${geos.join(', ')}\\) modelled each\\.`));
    // The Bayesian method is not offered with the geo-level model: said before Train, which waits.
    await page.getByTestId('option-method').selectOption('bayes');
    assert.match(await page.getByTestId('geo-conflicts').innerText(), /ridge method only/);
    assert.equal(await page.getByTestId('train-button').isDisabled(), true);
    await page.getByTestId('option-method').selectOption('ridge');
    assert.equal(await page.getByTestId('geo-conflicts').count(), 0);
    await page.getByTestId('option-iterations').fill('50');
    assert.match(await page.getByTestId('geo-fit-note').innerText(), /takes longer than a national fit/);
    await page.getByTestId('train-button').click();
    // The progress bar is shown while the geo-level fit runs.
    await page.locator('[data-testid="train-status"]').waitFor();
    await page.waitForURL(/#\/executive\?run=/, { timeout: 150_000 });
    const runId = decodeURIComponent(/run=([^&]+)/.exec(page.url())![1]);
    const run = await h.get<RunManifest>(`api/runs/${runId}`);
    assert.equal(run.status, 'done');
    assert.deepEqual([run.roles?.panel, run.roles?.panelMode, run.roles?.geoSize], ['region', 'geo', 'population']);

    const section = page.getByTestId('geos-section');
    await section.waitFor();
    await waitForCharts(page, [...PAGE_CHARTS.executive, 'geo-results', 'geo-fit']);
    assert.match(await section.locator('h2, h3').first().innerText(), /^Geos \(3, by region\)$/);
    const table = await page.getByTestId('table-geos').innerText();
    for (const geo of geos) assert.match(table, new RegExp(`^${geo}\\t\\d+(\\.\\d)?%\\t`, 'm'), `${geo} has a row`);
    assert.match(table, /share of population/i);
    assert.doesNotMatch(table, /NaN|undefined/);
    await section.screenshot({ path: join(SCREENSHOT_DIR, 'executive-geos.png') });

    // The split across geos the planner assumes, every geo at its summary share, largest first: beside the
    // recommendation and on the simulator page (whose optimiser, plan and goals all take it).
    const summary = await h.get<{ geos: { name: string; share: number }[] }>(`api/runs/${runId}/summary`);
    const bySize = [...summary.geos].sort((a, b) => b.share - a.share).map((g) => `${g.name} ${(100 * g.share).toFixed(1)}%`).join(', ');
    const sentence = `Geo-level model (3 values of region): each channel's budget is taken as split across them in proportion to their share of population (the geos' size column) (${bySize}); the plan does not move budget between geos.`;
    assert.equal(await page.getByTestId('recommendation-geo-split').innerText(), sentence);
    // And what today's split gives against it, with the numbers: the model's untested credit, which no plan moves;
    // the optimise answer's geoSplitNow (the API's), with the curves it is on.
    const now = /^At the current split across geos, the current spend is predicted to give [\d,.]+ of revenue per period \([\d,.]+ from media\).*(as at a split by population share\.|untested\), which no plan here moves\.) Curves: (expected over \d+ bootstrap replicates|the fitted model's point estimate[^.]*)\.$/;
    assert.match(await page.getByTestId('recommendation-geo-split-now').innerText(), now);
    await page.goto(h.pageUrl('simulator', runId));
    assert.equal(await page.getByTestId('simulator-geo-split').innerText(), sentence);
    assert.match(await page.getByTestId('simulator-geo-split-now').innerText(), now);

    // The national run of the harness keeps the national pages: no Geos section, no split across geos.
    await page.goto(h.pageUrl('executive', h.run.id));
    await waitForCharts(page, PAGE_CHARTS.executive);
    assert.equal(await page.getByTestId('geos-section').count(), 0);
    await page.getByTestId('recommendation-lift').waitFor();
    assert.equal(await page.getByTestId('recommendation-geo-split').count(), 0);
    assert.equal(await page.getByTestId('recommendation-geo-split-now').count(), 0);
    await page.goto(h.pageUrl('simulator', h.run.id));
    await page.getByTestId('simulator-curves').waitFor();
    assert.equal(await page.getByTestId('simulator-geo-split').count(), 0);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

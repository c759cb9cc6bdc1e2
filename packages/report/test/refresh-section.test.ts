import { test } from 'node:test';
import { formatRoi } from '@mixwise/charts';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { compareRuns, newPeriodsRoi, summarizeModel, type SummaryResult } from '@mixwise/engine';
import { readModel } from '@mixwise/data';
import { renderReport } from '../src/index.ts';

const model = readModel(fileURLToPath(new URL('./fixtures/report-hash/national', import.meta.url)));
const fitted = summarizeModel(model);
// Both models with ±10% intervals; the previous one 16 periods shorter, its first channel's ROI a third lower (its interval ends below today's).
const now: SummaryResult = { ...fitted, channels: fitted.channels.map((c) => ({ ...c, roi_interval: [c.roi * 0.9, c.roi * 1.1] as [number, number] })) };
const [first] = now.channels;
const lowInterval: [number, number] = [first.roi * 0.6, first.roi * 0.75];
const previous: SummaryResult = {
  ...now, periods: now.periods - 16, window: { start: now.window.start, end: '2024-09-02' },
  channels: now.channels.map((c, i) => (i === 0 ? { ...c, roi: first.roi * (2 / 3), roi_interval: lowInterval } : c)),
};
const comparison = compareRuns({ run: 'runs/aug', summary: previous }, { run: 'runs/dec', summary: now });
const refreshed: SummaryResult = { ...now, refresh: { previous: 'runs/aug', new_periods: 16, bound_width: 0.2, comparison } };

/** The section's HTML, or undefined. */
const sectionOf = (html: string): string | undefined => /<section id="refresh">.*?<\/section>/s.exec(html)?.[0];

test('a refreshed run\'s report opens with the changes since the previous model: sentence, chart, tables, headline', () => {
  const html = renderReport({ model, summary: refreshed });
  const s = sectionOf(html);
  assert.ok(s !== undefined, 'the refresh section is there');
  // First section, and first in the navigation.
  assert.ok(html.indexOf('<section id="refresh">') < html.indexOf('<section id="fit">'));
  // Right after the executive summary, before the business sections.
  assert.match(html, /<nav><a href="#summary">Summary<\/a><a href="#refresh">Changes since the previous model<\/a><a href="#roi">/);
  assert.ok(s.includes(`This model refreshes runs/aug (data to 2024-09-02) with 16 new periods, to ${now.window.end}; each curve parameter was searched over 20% of its range`));
  assert.ok(s.includes(comparison.headline.replace(/'/g, '&#39;')));
  // The ROI chart (SVG) with its readable name.
  assert.match(s, /<figure class="chart" data-chart="roi-comparison"><svg role="img" aria-label="ROI per channel before and after the refresh"/);
  // Per channel: the exact ROIs and change, the channel as the row header, the verdict.
  const row = new RegExp(`<tr data-key="${first.name}"><th scope="row">${first.name}</th>.*?</tr>`).exec(s)?.[0] ?? '';
  assert.ok(row.includes(`data-field="roi_a" data-value="${first.roi * (2 / 3)}"`), row);
  assert.ok(row.includes(`data-field="roi_b" data-value="${first.roi}"`), row);
  assert.ok(row.includes(`data-field="roi_change" data-value="${first.roi - first.roi * (2 / 3)}"`), row);
  assert.ok(row.includes('<td data-field="verdict">intervals do not overlap</td>'), row);
  assert.equal(comparison.channels[0].verdict, 'intervals do not overlap');
  // The other channels did not move: change 0, their (identical) intervals overlap.
  assert.equal((s.match(/data-field="verdict">intervals overlap</g) ?? []).length, now.channels.length - 1);
  // The runs side by side: periods of each.
  assert.ok(s.includes(`data-field="before.periods" data-value="${now.periods - 16}"`));
  assert.ok(s.includes(`data-field="after.periods" data-value="${now.periods}"`));
  assert.ok(s.includes(`<th scope="row">${first.name} (intervals apart)</th>`) === false, 'the "(intervals apart)" mark is the chart\'s, not the table\'s');
});

test('the new periods on their own: spend, contribution and ROI of the new rows beside the whole-window ROI', () => {
  const n = newPeriodsRoi(model, '2024-09-02');
  assert.ok(n.periods > 0);
  const html = renderReport({ model, summary: { ...refreshed, refresh: { ...refreshed.refresh!, new_periods_roi: n } } });
  const s = sectionOf(html) ?? '';
  assert.ok(s.includes(`Over the ${n.periods} new periods (${n.first_date} to ${n.last_date})`), 'the span is named');
  for (const ch of n.channels) {
    const row = new RegExp(`<table class="refresh-new-periods">.*?<tr data-key="${ch.name}">(.*?)</tr>`, 's').exec(s)?.[1] ?? '';
    assert.ok(row.includes(`data-field="new_contribution" data-value="${ch.contribution}"`), row);
    if (ch.roi !== null) assert.ok(row.includes(`data-field="new_roi" data-value="${ch.roi}"`), row);
  }
  // The fixture stores no replicates, so every interval is null: no column of n/a, and no caption claiming intervals.
  assert.ok(n.channels.every((ch) => ch.roi_interval === null));
  assert.ok(!s.includes('90% interval, new periods') && !s.includes('new_roi_interval'));
  assert.ok(s.includes('point estimates, without intervals'));
  // An interval given is shown as the whole window's are (the fixture stores no replicates, so its own are null).
  const withInterval = { ...n, channels: n.channels.map((ch, i) => (i === 0 ? { ...ch, roi_interval: [0.75, 1.25] as const } : ch)) };
  const shown = sectionOf(renderReport({ model, summary: { ...refreshed, refresh: { ...refreshed.refresh!, new_periods_roi: withInterval } } })) ?? '';
  assert.ok(shown.includes(`<td data-field="new_roi_interval">${formatRoi(0.75)} – ${formatRoi(1.25)}</td>`));
  assert.ok(shown.includes('90% interval, new periods'));
  assert.ok(shown.includes('with 90% intervals over the model&#39;s bootstrap replicates') || shown.includes("with 90% intervals over the model's bootstrap replicates"));
  // A summary written before the intervals existed: no interval column.
  const older = { ...n, channels: n.channels.map(({ roi_interval: _r, ...ch }) => ch) };
  assert.ok(!(sectionOf(renderReport({ model, summary: { ...refreshed, refresh: { ...refreshed.refresh!, new_periods_roi: older } } })) ?? '').includes('new_roi_interval'));
  // Without new_periods_roi (summaries written before it), no such table.
  assert.ok(!(sectionOf(renderReport({ model, summary: refreshed })) ?? '').includes('refresh-new-periods'));
});

test('no refresh section for an ordinary run, nor for a malformed refresh', () => {
  assert.equal(sectionOf(renderReport({ model, summary: now })), undefined);
  const broken = { ...now, refresh: { previous: 'runs/aug', new_periods: 16 } } as unknown as SummaryResult;
  assert.equal(sectionOf(renderReport({ model, summary: broken })), undefined);
});

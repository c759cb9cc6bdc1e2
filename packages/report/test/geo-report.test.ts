import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MmmModel, SummaryResult } from '@mixwise/engine';
import { quickFit } from './quick-fit.ts';
import { writeJsonAtomic } from '@mixwise/data';
import { readRun, renderReport, type ReportGeo } from '../src/index.ts';

let model: MmmModel;
let summary: SummaryResult;
before(async () => {
  ({ model, summary } = await quickFit());
});

const COUNTRIES: ReportGeo = {
  level: 'country', kpi: 'revenue', window: { start: '2021-01-04', end: '2024-12-23' },
  rows: [{ geo: 'US', region: 'NA', kpi: 750, pipeline: 2000 }, { geo: 'DE', region: 'EMEA', kpi: 250, pipeline: 500 }, { geo: 'SG', region: 'APAC', kpi: 0.5, pipeline: 1 }],
};
const geoSectionOf = (html: string): string => html.match(/<section id="geo">[\s\S]*?<\/section>/)?.[0] ?? '';

test('a run with geo.json: a geography section with the world map as inline SVG, coloured, and a table of every country', () => {
  const html = renderReport({ model, summary, geo: COUNTRIES });
  const section = geoSectionOf(html);
  assert.match(section, /<figure class="chart" data-chart="geo-map"><svg/);
  assert.ok(html.includes('<a href="#geo">By geography</a>'));
  // US holds the maximum: the darkest colour of the ramp (#08519c as ECharts writes it).
  assert.ok(section.includes('fill="rgb(8,81,156)"'));
  // SG has no shape at 1:110m: named in the subtitle (rendered as SVG text), still in the table.
  assert.ok(section.includes('Not on the map: SG 0.5 (too small to draw)'));
  assert.ok(section.includes('<tr data-key="SG">'));
  // Shares of the total 1000.5, exact values kept in data-value.
  assert.ok(section.includes(`data-field="share" data-value="${750 / 1000.5}"`));
  assert.ok(section.includes('data-field="pipeline" data-value="2000"'));
  // No script, no URL: still self-contained.
  assert.ok(!/<script|https?:\/\//.test(section));
});

test('named geos without shapes: bars, not a map; a run without geo.json has no geography section', () => {
  const html = renderReport({ model, summary, geo: { level: 'geo', kpi: 'conversions', rows: [{ geo: 'Geo0', kpi: 3, spend: 10 }, { geo: 'Geo1', kpi: 9, spend: 20 }] } });
  const section = geoSectionOf(html);
  assert.ok(section.includes('no map: these geos are not real places'));
  assert.ok(section.includes('data-field="spend" data-value="20"'));
  const plain = renderReport({ model, summary });
  assert.equal(geoSectionOf(plain), '');
  assert.ok(!plain.includes('href="#geo"'));
});

test('readRun reads geo.json from the run folder (and ignores a malformed one)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-report-geo-'));
  try {
    await writeJsonAtomic(join(dir, 'model.json'), model);
    assert.equal(readRun(dir).geo, undefined);
    await writeJsonAtomic(join(dir, 'geo.json'), COUNTRIES);
    assert.deepEqual(readRun(dir).geo, COUNTRIES);
    await writeJsonAtomic(join(dir, 'geo.json'), { level: 'country', kpi: 'revenue', rows: [{ geo: 'US', kpi: 'lots' }] });
    assert.equal(readRun(dir).geo, undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

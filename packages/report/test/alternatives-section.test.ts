import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel, SummaryResult } from '@mixwise/engine';
import { escapeHtml, renderReport } from '../src/index.ts';
import { quickFit } from './quick-fit.ts';

let model: MmmModel;
let summary: SummaryResult;
before(async () => {
  ({ model, summary } = await quickFit());
});

const sectionOf = (html: string): string => html.match(/<section id="alternatives">[\s\S]*?<\/section>/)?.[0] ?? '';
const rowOf = (sec: string, key: string): string => sec.match(new RegExp(`<tr data-key="${key}">([\\s\\S]*?)</tr>`))?.[1] ?? '';
const valueOf = (row: string, field: string): number => Number(row.match(new RegExp(`data-field="${field}" data-value="([^"]*)"`))?.[1]);

test('lowest-score rule: the first alternative is the default, marked, with its stored ROIs; at most 10 rows', () => {
  const sec = sectionOf(renderReport({ model, summary }));
  assert.ok(sec.includes('<h2>Alternative models</h2>'));
  assert.ok(model.search.pareto.length > 0);
  const first = rowOf(sec, 'alternative-1');
  assert.ok(first.includes('1 (default)'), first);
  assert.ok(!sec.includes('data-key="default"'));
  model.search.pareto[0].channels.forEach((c, k) => assert.equal(valueOf(first, `roi_${k}`), c.roi));
  assert.equal(valueOf(first, 'score'), model.search.pareto[0].score);
  assert.equal((sec.match(/<tr data-key=/g) ?? []).length, Math.min(10, model.search.pareto.length));
  // No holdout → no validation split in the search, no lift tests: those columns are left out.
  assert.ok(!sec.includes('MAPE.LIFT'));
  assert.ok(sec.includes(escapeHtml(model.search.selectionRule.replace(/\.\s*$/, ''))));
});

test('a default that is no alternative (posterior rule) gets its own first row with summary.json\'s ROIs', () => {
  const moved = {
    ...model,
    search: { ...model.search, pareto: model.search.pareto.map((p) => ({ ...p, lambda: p.lambda * 3 })), selectionRule: 'posterior medoid: test' },
  };
  const sec = sectionOf(renderReport({ model: moved, summary }));
  const def = rowOf(sec, 'default');
  assert.ok(def.includes('>default<'), def);
  summary.channels.forEach((c, k) => assert.equal(valueOf(def, `roi_${k}`), c.roi));
  assert.equal(valueOf(def, 'score'), model.search.chosen.score);
  assert.ok(!sec.includes('(default)'));
  assert.ok(sec.includes('How the default was chosen (docs/model.md §9): posterior medoid: test.'));
});

test('no stored alternatives: no section', () => {
  const html = renderReport({ model: { ...model, search: { ...model.search, pareto: [] } }, summary });
  assert.ok(!html.includes('<section id="alternatives">'));
});

test('the objective columns say they are the search\'s, on its own split, not the Fit table\'s; a count KPI heads its channels "KPI per spend"', () => {
  const sec = sectionOf(renderReport({ model, summary }));
  assert.ok(sec.includes('<th scope="col">search NRMSE train</th>'), sec.slice(0, 2000));
  assert.ok(!/<th scope="col">NRMSE train<\/th>/.test(sec));
  assert.ok(sec.includes('measured on the search&#39;s training/validation split'));
  assert.ok(!sec.includes('each refitted on all non-holdout rows)'));
  assert.ok(sec.includes(`<th scope="col">${model.channels[0].name} ROI</th>`));
  const count = sectionOf(renderReport({ model: { ...model, target: { ...model.target, kind: 'count' } }, summary }));
  assert.ok(count.includes(`<th scope="col">${model.channels[0].name} KPI per spend</th>`));
  assert.ok(!count.includes(`<th scope="col">${model.channels[0].name} ROI</th>`));
});

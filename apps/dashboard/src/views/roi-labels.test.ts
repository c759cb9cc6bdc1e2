import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every .tsx view under a folder, with its text. */
function views(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return views(path);
    return e.name.endsWith('.tsx') ? [{ file: path, text: readFileSync(path, 'utf8') }] : [];
  });
}

test('no view labels KPI ÷ spend "ROI" outright: headers, cards and chart labels take roiLabel (KPI per spend for a count KPI)', () => {
  // "ROI prior" names the fit's prior setting (mixwise's ROI prior), not a figure shown for the KPI.
  const fixed = /header: '[^']*\bROI\b|<th[^>]*>ROI<|label="[^"]*\bROI\b|ariaLabel="[^"]*\bROI\b|title="[^"]*\bROI\b(?! prior)|title=\{`ROI\b/;
  const found = views(new URL('.', import.meta.url).pathname).flatMap(({ file, text }) =>
    text.split('\n').flatMap((line, i) => (fixed.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])));
  assert.deepEqual(found, []);
});

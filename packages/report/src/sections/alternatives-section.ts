import { formatRoi, formatSignificant, roiLabel } from '@mixwise/charts';
import { isDefaultAlternative, objectiveValue, PARETO_OBJECTIVE_COLUMNS } from '@mixwise/data';
import type { ObjectiveName } from '@mixwise/engine';
import { escapeHtml } from '../escape-html.ts';
import { htmlTable, type Cell } from '../html-table.ts';
import { section, type SectionContext } from './section-context.ts';

/** How many stored alternatives the report lists (model.json and pareto_models hold all of them). */
export const REPORT_ALTERNATIVES = 10;

/**
 * The objectives are the search's, measured on its own training/validation split (docs/model.md §8),
 * not the refit's figures in the Fit and lift-test tables, so the headings say "search".
 */
const HEADINGS: Readonly<Record<ObjectiveName, string>> = {
  nrmseTrain: 'search NRMSE train', nrmseValidation: 'search NRMSE validation', decompRssd: 'search DECOMP.RSSD', mapeLift: 'search MAPE.LIFT',
};

function num(x: number, field: string, format: (v: number) => string): Cell {
  return Number.isFinite(x) ? { text: format(x), value: x, field } : { text: 'n/a', value: null, field };
}

/**
 * Alternative models: the first REPORT_ALTERNATIVES of model.json's `search.pareto` (Pareto-front
 * members, best score first) with their objectives and each channel's ROI, beside the default model,
 * so a reader sees how much the ROIs move among models that fit about equally well. The default is the
 * alternative with its hyperparameters (isDefaultAlternative, marked "default"); when none is (the
 * posterior rule's default is a posterior sample), it is a first row of its own, with search.chosen's
 * objectives and summary.json's ROIs. Objective columns undefined for every row (no validation rows, no
 * lift tests) are left out. A sentence says how the default was chosen (search.selectionRule).
 * @example alternativesSection(ctx).includes('data-key="alternative-1"') // true when the search stored one
 */
export function alternativesSection(ctx: SectionContext): string {
  const { model, summary } = ctx;
  const shown = model.search.pareto.slice(0, REPORT_ALTERNATIVES);
  const defaultAt = shown.findIndex((alt) => isDefaultAlternative(model, alt));
  const entries = shown.map((alt, i) => ({
    key: `alternative-${i + 1}`, label: i === defaultAt ? `${i + 1} (default)` : String(i + 1),
    score: alt.score, objectives: alt.objectives as readonly (number | null)[], roi: alt.channels.map((c) => c.roi), isDefault: i === defaultAt,
  }));
  if (defaultAt < 0) {
    entries.unshift({
      key: 'default', label: 'default', score: model.search.chosen.score, objectives: model.search.chosen.objectives,
      roi: model.channels.map((ch) => summary.channels.find((c) => c.name === ch.name)?.roi ?? NaN), isDefault: true,
    });
  }
  const objectives = PARETO_OBJECTIVE_COLUMNS.filter(([name]) => entries.some((e) => Number.isFinite(objectiveValue(model, e.objectives, name))));
  const rows = entries.map((e) => ({
    key: e.key,
    cells: [
      { text: e.label, field: 'model', ...(e.isDefault ? { className: 'default' } : {}) },
      num(e.score, 'score', (v) => formatSignificant(v, 3)),
      ...objectives.map(([name, column]) => num(objectiveValue(model, e.objectives, name), column, (v) => formatSignificant(v, 3))),
      ...e.roi.map((r, k) => num(r, `roi_${k}`, formatRoi)),
    ],
  }));
  const roiName = roiLabel(model.target.kind);
  const headers = ['model', 'score', ...objectives.map(([name]) => HEADINGS[name]), ...model.channels.map((c) => `${c.name} ${roiName}`)];
  const total = model.search.pareto.length;
  const listed = total > shown.length ? `the first ${shown.length} of the ${total} stored` : `the ${total} stored`;
  const how = defaultAt >= 0
    ? `The default model is alternative ${defaultAt + 1}.`
    : 'The default model is not one of them, so it is listed first with its own objectives and ROIs.';
  return section('alternatives', 'Alternative models', [
    `<p>Models on the search's Pareto front (${listed}, best score first): `
      + `they fit about equally well, and the spread of their ${roiName === 'ROI' ? 'ROIs' : `${roiName} figures`} shows how far the data pin each channel down. `
      + `${how} All of them are in model.json (search.pareto) and the pareto_models export table.</p>`,
    htmlTable(headers, rows, 'alternatives'),
    `<p class="note">${escapeHtml(`Score and objectives are the search's, measured on the search's training/validation split (docs/model.md §8), so the default's differ from the Fit table's NRMSE and the lift-test table's MAPE, which are the refit's on all non-holdout rows. Each ${roiName} is the alternative's refit on all non-holdout rows, over the modeling window.`)}</p>`,
    `<p class="note">How the default was chosen (docs/model.md §9): ${escapeHtml(model.search.selectionRule.replace(/\.\s*$/, ''))}.</p>`,
  ].join(''));
}

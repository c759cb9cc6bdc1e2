import { z } from 'zod';
import type { Frequency } from '@mixwise/engine';
import type { CleaningStep } from '../clean/run-cleaning.ts';

/** Cleaning steps written as a bare name in mixwise.yaml. */
export const CLEANING_BARE_STEPS = ['sort_dates', 'fill_gaps', 'impute_controls', 'winsorize', 'sum_panel', 'skip_missing_kpi', 'decimal_comma'] as const;

const quantile = z.number().min(0).max(1);
const inRange = (q: number | undefined): boolean => q === undefined || (q >= 0 && q <= 1);

const winsorizeOptions = z.strictObject({
  lower: quantile.optional().describe('Lower quantile, 0 to 1 (default 0 for spend, 0.01 otherwise): smaller values are raised to it; a zero spend never is.'),
  upper: quantile.optional().describe('Upper quantile, 0 to 1 (default 0.99): larger values are lowered to it.'),
  columns: z.array(z.string().min(1)).min(1).optional().describe('Columns to cap (default: the spend columns).'),
}).refine((w) => !inRange(w.lower) || !inRange(w.upper) || (w.lower ?? 0.01) < (w.upper ?? 0.99), {
  message: 'the lower quantile must be below the upper one (defaults 0.01 and 0.99)',
  path: ['upper'],
  params: { hint: 'e.g. { lower: 0.01, upper: 0.99 }' },
});

const sumPanelOptions = z.strictObject({
  column: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional()
    .describe('The column that splits each date into rows: geo, region, product…; or a list of the columns that do together, e.g. [geo, product] (default: found from the data).'),
  keep: z.array(z.string()).min(1).optional().describe('Only the rows with these values are added up; one value models that geo or product alone (default: all). With one panel column only.'),
}).refine((o) => o.keep === undefined || typeof o.column !== 'object' || o.column.length === 1, {
  message: 'keep names values of one panel column, but column lists several',
  path: ['keep'],
  params: { hint: 'remove keep, or keep only the rows wanted in the file before adding up' },
});

const stepWithOptions = z.strictObject({
  sum_panel: sumPanelOptions.optional().describe('Roll a panel (one row per date and geo or product) up to one row per date.'),
  negatives: z.enum(['clip', 'reject']).optional().describe('Negative spend: clip to 0, or reject the data.'),
  winsorize: winsorizeOptions.optional().describe('Cap values at sample quantiles.'),
}).refine((s) => Object.keys(s).length === 1, {
  message: 'each cleaning entry is one step',
  params: { hint: 'write one step per list entry, e.g. "- negatives: clip"' },
});

// decimal_comma always runs first (runCleaning), so the refine below lets it be listed before sum_panel.
const isSumPanel = (e: unknown): boolean => e === 'sum_panel' || (typeof e === 'object' && e !== null && 'sum_panel' in e);

/** The `cleaning:` list of mixwise.yaml: steps applied in order before the modeling table is built. */
export const cleaningSchema = z.array(z.union([
  z.enum(CLEANING_BARE_STEPS).describe('A step without options: sum_panel (panel column found from the data), sort_dates, fill_gaps, impute_controls, winsorize (spend capped above its 0.99 quantile; a zero spend is never raised), skip_missing_kpi (a period whose KPI is empty, NA or NaN is left out of the fit; with fill_gaps, so is a missing period) or decimal_comma (in a semicolon-separated file, decimal commas are read as decimal points, 1234,5 as 1234.5; always runs first).'),
  stepWithOptions,
])).refine((entries) => entries.filter((e) => e !== 'decimal_comma').findIndex(isSumPanel) <= 0, {
  message: 'sum_panel must be the first cleaning step: the other steps work on one row per date',
  params: { hint: 'move sum_panel to the top of the cleaning: list' },
}).describe('Cleaning steps applied in order before the modeling table is built; every change is logged in changes.csv.');

/** One entry of the `cleaning:` list as validated. */
export type CleaningEntry = z.output<typeof cleaningSchema>[number];

/**
 * The cleaning steps of a config's `cleaning:` list, in order, for runCleaning. fill_gaps uses the
 * config's granularity when it is set.
 * @param entries the validated list
 * @param granularity the config's `granularity`
 * @example cleaningSteps(['sort_dates', { negatives: 'clip' }]) // [{ type: 'sort-dates' }, { type: 'negatives', mode: 'clip' }]
 */
export function cleaningSteps(entries: readonly CleaningEntry[], granularity?: Frequency): CleaningStep[] {
  return entries.map((e): CleaningStep => {
    if (e === 'sum_panel') return { type: 'sum-panel' };
    if (e === 'sort_dates') return { type: 'sort-dates' };
    if (e === 'decimal_comma') return { type: 'decimal-comma' };
    if (e === 'fill_gaps') return granularity === undefined ? { type: 'fill-gaps' } : { type: 'fill-gaps', frequency: granularity };
    if (e === 'impute_controls') return { type: 'impute-controls' };
    if (e === 'winsorize') return { type: 'winsorize' };
    if (e === 'skip_missing_kpi') return { type: 'skip-missing-kpi' };
    if (e.negatives !== undefined) return { type: 'negatives', mode: e.negatives };
    if (e.sum_panel !== undefined) {
      const { column, keep } = e.sum_panel;
      return { type: 'sum-panel', ...(column === undefined ? {} : { column }), ...(keep === undefined ? {} : { keep }) };
    }
    const w = e.winsorize ?? {};
    return { type: 'winsorize', ...(w.lower === undefined ? {} : { lower: w.lower }), ...(w.upper === undefined ? {} : { upper: w.upper }),
      ...(w.columns === undefined ? {} : { columns: w.columns }) };
  });
}

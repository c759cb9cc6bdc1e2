import { z } from 'zod';

/**
 * A cleaning step the dashboard can turn on, named as after `mixwise fit --clean` (negatives_clip is
 * `negatives=clip`). The server applies them in a fixed order (sort, negatives, gaps, skipped KPI, controls, caps),
 * after the panel roll-up, and logs every changed cell.
 */
export const CleaningChoiceSchema = z.enum(['sort_dates', 'negatives_clip', 'fill_gaps', 'impute_controls', 'winsorize', 'skip_missing_kpi']);

/** One of the dashboard's cleaning steps. */
export type CleaningChoice = z.infer<typeof CleaningChoiceSchema>;

/** The cleaning steps chosen for a check or a fit (none by default: bad data is refused). */
export const CleaningChoicesSchema = z.array(CleaningChoiceSchema).refine((c) => new Set(c).size === c.length, { message: 'each cleaning step once' }).default([]);

/** What one cleaning step changed: cells per column (as changes.json records it). */
export const CleaningStepSummarySchema = z.object({
  step: z.string(),
  changes: z.number().int().nonnegative(),
  columns: z.record(z.string(), z.number().int().nonnegative()),
});

/** What one cleaning step changed. */
export type CleaningStepSummary = z.infer<typeof CleaningStepSummarySchema>;

import { z } from 'zod';

/** `GET /api/runs/:id/decomposition`: decomposition.csv as JSON (numbers parsed, dates as text). */
export const DecompositionRowsSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.union([z.number(), z.string(), z.null()]))),
});

/** The decomposition table. */
export type DecompositionRows = z.infer<typeof DecompositionRowsSchema>;

import { z } from 'zod';
import { CleaningChoiceSchema } from './cleaning-choice.ts';

/**
 * A validation finding, exactly the shape of @mixwise/data's `Issue`: a stable code, a severity, what
 * is wrong, how to fix it, and where (`row` is the 1-based line in the file, the header being row 1).
 */
export const IssueSchema = z.object({
  code: z.string().min(1),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  hint: z.string(),
  at: z.object({
    file: z.string().optional(),
    row: z.number().int().positive().optional(),
    column: z.string().optional(),
  }),
  /**
   * Machine-readable facts about the finding (warmUpGap: a gap before the window's start that fill_gaps can close;
   * gap: periods missing from the sequence, which fill_gaps with skip_missing_kpi can close; nan: a KPI cell
   * written NaN, which skip_missing_kpi leaves out like an empty one).
   */
  details: z.object({ warmUpGap: z.literal(true).optional(), gap: z.literal(true).optional(), nan: z.literal(true).optional() }).optional(),
  /** The dashboard's cleaning step that would fix it (set by the server's role check). */
  fix: CleaningChoiceSchema.optional(),
});

/** A validation finding (see IssueSchema). */
export type Issue = z.infer<typeof IssueSchema>;

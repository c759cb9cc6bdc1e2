import { z } from 'zod';
import { IssueSchema } from './issue.ts';
import { ColumnRoleSchema } from './column-role.ts';
import { UploadIdSchema } from './ids.ts';

/** One column of an uploaded file with the role detection suggests. */
export const UploadColumnSchema = z.object({
  name: z.string().min(1),
  /** Every non-empty cell parses as a number. */
  numeric: z.boolean(),
  suggestedRole: ColumnRoleSchema,
  /**
   * Why a numeric column is suggested 'ignore', e.g. 'named like media exposure' (what `mixwise fit` says of it);
   * for a column suggested 'control' despite a few empty cells, the cleaning step that fills them (impute_controls).
   */
  note: z.string().optional(),
});

/**
 * `POST /api/uploads` (201) and `GET /api/uploads/:id`: what the file holds, the detected roles,
 * the first rows as text cells, and the validation issues (warnings; errors are a 422 instead).
 */
export const UploadSchema = z.object({
  uploadId: UploadIdSchema,
  fileName: z.string().min(1),
  format: z.enum(['csv', 'parquet']),
  bytes: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
  columns: z.array(UploadColumnSchema),
  /** Detected periodicity, when a date column was found. */
  frequency: z.enum(['daily', 'weekly', 'monthly']).nullable(),
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
  /** Up to 20 data rows, cells as text, in column order. */
  preview: z.array(z.array(z.string())),
  issues: z.array(IssueSchema),
  createdAt: z.iso.datetime(),
});

/** An uploaded data file (see UploadSchema). */
export type Upload = z.infer<typeof UploadSchema>;
/** One column of an upload. */
export type UploadColumn = z.infer<typeof UploadColumnSchema>;

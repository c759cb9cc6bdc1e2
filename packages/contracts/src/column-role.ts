import { z } from 'zod';

/** What a column of an uploaded file is used for. */
export const ColumnRoleSchema = z.enum(['date', 'target', 'channel', 'control', 'event', 'ignore']);

/** One of date | target | channel | control | event | ignore. */
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;

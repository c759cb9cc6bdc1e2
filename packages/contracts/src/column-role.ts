import { z } from 'zod';

/**
 * What a column of an uploaded file is used for. 'panel' is the column that splits every date into
 * rows (geo, product…): the rows of each date are added up into one before the fit.
 */
export const ColumnRoleSchema = z.enum(['date', 'target', 'channel', 'control', 'event', 'panel', 'ignore']);

/** One of date | target | channel | control | event | panel | ignore. */
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;

import { z } from 'zod';

/**
 * What a column of an uploaded file is used for. 'panel' is the column that splits every date into
 * rows (geo, product…): the rows of each date are added up into one before the fit. 'organic' is organic
 * media: exposure without spend (newsletter sends), never suggested by the server.
 */
export const ColumnRoleSchema = z.enum(['date', 'target', 'channel', 'control', 'organic', 'event', 'panel', 'ignore']);

/** One of date | target | channel | control | organic | event | panel | ignore. */
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;

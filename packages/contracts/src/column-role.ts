import { z } from 'zod';

/**
 * What a column of an uploaded file is used for. 'panel' is the column that splits every date into
 * rows (geo, product…): the rows of each date are added up into one before the fit. 'organic' is organic
 * media: exposure without spend (newsletter sends), never suggested by the server. 'geo_size' is the
 * column holding each geo's size (population, households…) for the geo-level model (roles.geoSize),
 * never suggested by the server either.
 */
export const ColumnRoleSchema = z.enum(['date', 'target', 'channel', 'control', 'organic', 'event', 'panel', 'geo_size', 'ignore']);

/** One of date | target | channel | control | organic | event | panel | geo_size | ignore. */
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;

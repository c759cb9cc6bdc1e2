import { z } from 'zod';

/** Names a run's downloadable files may have: one segment, a-z 0-9 _ - ., a known extension. */
export const EXPORT_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,80}\.(csv|json|sqlite|parquet|html)$/;

/**
 * `GET /api/runs/:id/exports`: the downloadable files of a run: `GET /api/runs/:id/exports/:name` serves
 * the run folder's files, `GET /api/runs/:id/exports/csv/:name` and `…/parquet/:name` the BI tables.
 */
export const RunExportsSchema = z.object({
  files: z.array(z.object({
    name: z.string().regex(EXPORT_NAME_PATTERN),
    /** 'run': the run folder's own files; 'csv' / 'parquet': the BI tables under exports/. */
    folder: z.enum(['run', 'csv', 'parquet']),
    bytes: z.number().int().nonnegative(),
    /** URL path of the download. */
    href: z.string(),
  })),
});

/** A run's downloadable files. */
export type RunExports = z.infer<typeof RunExportsSchema>;

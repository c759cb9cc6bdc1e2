import { z } from 'zod';

/** One geography's totals over the modeling window, in the KPI's and spend's own units. */
export const GeoBreakdownRowSchema = z.object({
  /** ISO 3166-1 alpha-2 code (level 'country') or the data's geo name (level 'geo'). */
  geo: z.string().min(1),
  /** Region of a country (B2B ref_countries). */
  region: z.string().optional(),
  /** The KPI summed over the window. */
  kpi: z.number().finite(),
  /** B2B: pipeline created in the window. */
  pipeline: z.number().finite().optional(),
  /** Meridian: media spend over every channel in the window. */
  spend: z.number().finite().optional(),
});

/**
 * A run's KPI by geography: geo.json in the run folder and `GET /api/runs/:id/geo`. Data as
 * recorded in the sources, not modelled per geography (the model is national). 'country' rows are
 * ISO 3166-1 alpha-2 codes (mappable); 'geo' rows are named areas without shapes (Meridian's Geo0 …).
 */
export const GeoBreakdownSchema = z.object({
  level: z.enum(['country', 'geo']),
  /** Name of the KPI in rows[].kpi, e.g. 'revenue' or 'conversions'. */
  kpi: z.string().min(1),
  /** First and last date (week start) included. */
  window: z.object({ start: z.string(), end: z.string() }).optional(),
  rows: z.array(GeoBreakdownRowSchema),
});

/** One row of a geo breakdown. */
export type GeoBreakdownRow = z.infer<typeof GeoBreakdownRowSchema>;
/** A run's KPI by geography. */
export type GeoBreakdown = z.infer<typeof GeoBreakdownSchema>;

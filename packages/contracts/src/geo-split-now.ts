import { z } from 'zod';

/**
 * A geo-level model's current spend at the two splits across geos (engine geoSplitNow; `mixwise
 * optimize`'s geo_split_now): steady-state KPI per period from media with each channel's current spend
 * split by the geos' KPI shares (`proportional`, what the answer's "current" and every plan assume) and
 * as its history split it (`historical`); `gap` = proportional − historical, the KPI per period the model
 * credits to re-splitting alone (untested; no plan moves budget between geos); `kpi` the whole KPI per
 * period at the historical split; `basis` the curves (the replicates' mean or the point estimate);
 * `text` the sentence with the numbers (engine geoSplitNowText); `sizeColumn` the size column the geos'
 * shares are of (population…) when the fit had one, absent for the KPI shares.
 */
export const GeoSplitNowSchema = z.object({
  basis: z.enum(['point', 'expected']),
  kpi: z.number(),
  proportional: z.number(),
  historical: z.number(),
  gap: z.number(),
  channels: z.array(z.object({ channel: z.string(), current: z.number(), proportional: z.number(), historical: z.number(), gap: z.number() })),
  text: z.string(),
  sizeColumn: z.string().optional(),
});

/** A geo-level model's current spend at the two splits across geos (GeoSplitNowSchema). */
export type GeoSplitNowBody = z.infer<typeof GeoSplitNowSchema>;

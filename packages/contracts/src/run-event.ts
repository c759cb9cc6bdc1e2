import { z } from 'zod';
import { RunIdSchema } from './ids.ts';
import { RunProgressSchema, RunStatusSchema } from './run-manifest.ts';

/**
 * One server-sent event of `GET /api/runs/:id/events` (SSE `event: run`, `data:` this JSON): a
 * snapshot of the run's status and progress. The first event is the state at connection time; the
 * stream ends after an event whose status is done, failed or cancelled.
 */
export const RunEventSchema = z.object({
  runId: RunIdSchema,
  status: RunStatusSchema,
  progress: RunProgressSchema,
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Event time, ISO 8601. */
  at: z.iso.datetime(),
});

/** A progress/status event of a run. */
export type RunEvent = z.infer<typeof RunEventSchema>;

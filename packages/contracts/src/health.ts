import { z } from 'zod';

/** `GET /api/health`: the server is up; whether the API needs a token and whether the dashboard is served. */
export const HealthSchema = z.object({
  ok: z.literal(true),
  version: z.string(),
  auth: z.boolean(),
  dashboard: z.boolean(),
});

/** The health answer. */
export type Health = z.infer<typeof HealthSchema>;

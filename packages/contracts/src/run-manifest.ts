import { z } from 'zod';
import { RunIdSchema, UploadIdSchema } from './ids.ts';
import { RolesSchema } from './roles.ts';
import { CleaningChoiceSchema } from './cleaning-choice.ts';
import { FitOptionsSchema } from './fit-request.ts';

/** Life cycle of a run: queued → running → done | failed | cancelled. */
export const RunStatusSchema = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);

/** Statuses after which a run never changes. */
export const TERMINAL_RUN_STATUSES = ['done', 'failed', 'cancelled'] as const;

/** Fit progress: `done` of `total` steps of the current phase (the engine's Progress); 'starting' (total 0) until the fit reports its first step. */
export const RunProgressSchema = z.object({
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  phase: z.enum(['queued', 'reading', 'starting', 'search', 'posterior', 'refit', 'bootstrap', 'sample', 'writing', 'done']),
});

/** Where a run came from: a fit of an upload, or a run folder opened with `mixwise serve --model DIR`. */
export const RunSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('upload'), uploadId: UploadIdSchema, fileName: z.string() }),
  z.object({ type: z.literal('folder'), path: z.string() }),
]);

/** A run (`GET /api/runs/:id`, `POST /api/runs` → 202, and run.json in the run folder). */
export const RunManifestSchema = z.object({
  id: RunIdSchema,
  name: z.string(),
  status: RunStatusSchema,
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  progress: RunProgressSchema,
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  source: RunSourceSchema,
  roles: RolesSchema.nullable(),
  /** The cleaning steps applied before the fit (absent in runs made before they existed). */
  cleaning: z.array(CleaningChoiceSchema).optional(),
  options: FitOptionsSchema.nullable(),
});

/** `GET /api/runs`: every run, newest first. */
export const RunListSchema = z.object({ runs: z.array(RunManifestSchema) });

/** A run's life-cycle status. */
export type RunStatus = z.infer<typeof RunStatusSchema>;
/** A run's progress. */
export type RunProgress = z.infer<typeof RunProgressSchema>;
/** Where a run came from. */
export type RunSource = z.infer<typeof RunSourceSchema>;
/** A run. */
export type RunManifest = z.infer<typeof RunManifestSchema>;
/** The run list. */
export type RunList = z.infer<typeof RunListSchema>;

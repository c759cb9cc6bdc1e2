import type { MmmModel } from '@mixwise/engine';
import type { RunRegistry } from './runs/run-registry.ts';
import type { FitJobs } from './jobs/fit-jobs.ts';
import type { UploadStore } from './uploads/upload-store.ts';

/** What every route module needs: the stores, the jobs, the limits. */
export interface ServerContext {
  readonly registry: RunRegistry;
  readonly jobs: FitJobs;
  readonly uploads: UploadStore;
  readonly maxUploadBytes: number;
  /** model.json of a finished run (cached), or a NOT_FOUND / NOT_READY ApiHttpError. */
  readonly model: (runId: string) => Promise<MmmModel>;
}

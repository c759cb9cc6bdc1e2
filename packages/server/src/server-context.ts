import type { RunRegistry } from './runs/run-registry.ts';
import type { FitJobs } from './jobs/fit-jobs.ts';
import type { UploadStore } from './uploads/upload-store.ts';
import type { OptimizerPool } from './optimize/optimizer-pool.ts';
import type { CheckPool } from './jobs/check-pool.ts';
import type { ModelRef } from './optimize/optimizer-protocol.ts';

/** What every route module needs: the stores, the jobs, the limits. */
export interface ServerContext {
  readonly registry: RunRegistry;
  readonly jobs: FitJobs;
  readonly uploads: UploadStore;
  readonly maxUploadBytes: number;
  /** Worker threads for the optimizer routes. */
  readonly optimizer: OptimizerPool;
  /** Worker threads for file and role checks. */
  readonly checks: CheckPool;
  /** Where a finished run's model.json is (for an optimizer worker to read), or a NOT_FOUND / NOT_READY ApiHttpError. */
  readonly modelRef: (runId: string) => Promise<ModelRef>;
}

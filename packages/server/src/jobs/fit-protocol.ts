import type { FitOptions } from '@mixwise/contracts';
import type { ModelingTable, ModelSource } from '@mixwise/engine';

/** workerData of a fit worker. */
export interface FitWorkerData {
  /** The worker module the bootstrap imports. */
  readonly moduleUrl: string;
  readonly table: ModelingTable;
  readonly options: FitOptions;
  /** Folder the run files are written into (the run's staging folder). */
  readonly outDir: string;
  /** Worker threads for the search and the chains (1: everything in the fit worker itself). */
  readonly threads: number;
  /** The uploaded file the table was read from, recorded in model.json. */
  readonly source?: ModelSource;
}

/** Messages a fit worker sends to the main thread. */
export type FitWorkerMessage =
  | { readonly type: 'progress'; readonly phase: 'search' | 'posterior' | 'refit' | 'bootstrap' | 'sample' | 'writing'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly files: string[] }
  | { readonly type: 'failed'; readonly code: string; readonly message: string };

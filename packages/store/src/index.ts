// @mixwise/store: what a run is on disk, shared by the CLI and the server.
export { runSpec, posteriorLength, type RunSpecOptions } from './run-spec.ts';
export { writeRunFiles, RUN_FILES, OPTIMIZATION_FILES, type GeoFileAction, type RunFileExtras, type RunWriteStep, type StagedRunFiles, type SwapEnd, type WrittenRun } from './write-run-files.ts';
export { modelSource } from './model-source.ts';

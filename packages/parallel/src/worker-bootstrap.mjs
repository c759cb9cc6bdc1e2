// Entry file of every pool worker: worker threads do not inherit the main thread's TypeScript
// loader, so register tsx here, then load the worker module named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.moduleUrl);

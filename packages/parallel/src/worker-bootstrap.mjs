// Entry file of every pool worker: worker threads do not inherit the main thread's TypeScript
// loader, so register it here (tsx and the engine's source condition), then load the worker module
// named in workerData.
import { workerData } from 'node:worker_threads';
import './register.mjs';

await import(workerData.moduleUrl);

// Entry file of the server's workers (fits, optimizer calls): worker threads do not inherit the main
// thread's TypeScript loader, so register tsx here, then load the worker module named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.moduleUrl);

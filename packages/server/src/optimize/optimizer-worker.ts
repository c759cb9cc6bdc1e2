// An optimizer worker: runs /optimize, /plan and /scenarios calls (runOptimizerTask) one at a time,
// off the server's event loop, on models it reads itself and keeps while their file is unchanged.
import { parentPort } from 'node:worker_threads';
import { DataError, readModel } from '@mixwise/data';
import type { MmmModel } from '@mixwise/engine';
import { ApiHttpError } from '../http/api-http-error.ts';
import { withoutPaths } from '../http/without-paths.ts';
import { runOptimizerTask } from './run-optimizer-task.ts';
import type { OptimizerJobMessage, OptimizerReply } from './optimizer-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('optimizer-worker must run in a worker thread');

/** Models kept per worker (the oldest read is dropped first). */
const KEPT_MODELS = 4;
const models = new Map<string, { stamp: string; model: MmmModel }>();

function modelOf(ref: OptimizerJobMessage['model']): MmmModel {
  const kept = models.get(ref.path);
  if (kept?.stamp === ref.stamp) return kept.model;
  const model = readModel(ref.folder);
  models.delete(ref.path);
  models.set(ref.path, { stamp: ref.stamp, model });
  if (models.size > KEPT_MODELS) models.delete(models.keys().next().value as string);
  return model;
}

port.on('message', (job: OptimizerJobMessage) => {
  let reply: OptimizerReply;
  try {
    reply = { id: job.id, type: 'result', result: runOptimizerTask(modelOf(job.model), job.task) };
  } catch (err) {
    reply = err instanceof ApiHttpError
      ? { id: job.id, type: 'api-error', code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) }
      // A model.json that cannot be read is the run's fault, not the server's: a 422 naming the file, not the folder.
      : err instanceof DataError ? { id: job.id, type: 'api-error', code: 'INVALID_DATA', message: `this run's model cannot be used: ${withoutPaths(err.issues[0]?.message ?? err.message)}` }
      : { id: job.id, type: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});

// A check worker: inspects uploaded files and checks column roles (the data layer's readers and
// validation rules, which are synchronous and can take seconds on a wide file), and renders run reports,
// off the server's event loop.
import { parentPort } from 'node:worker_threads';
import { DataError } from '@mixwise/data';
import { readRun, renderReport } from '@mixwise/report';
import { dataErrorAnswer } from '../http/data-error-answer.ts';
import { ApiHttpError } from '../http/api-http-error.ts';
import { inspectCsv } from '../uploads/inspect-csv.ts';
import { checkRoles } from '../uploads/check-roles.ts';
import type { CheckJobMessage, CheckReply, CheckTask } from './check-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('check-worker must run in a worker thread');

function run(task: CheckTask): unknown {
  switch (task.kind) {
    case 'inspect': return inspectCsv(task.path, task.fileName);
    case 'roles': return checkRoles(task.csvPath, task.fileName, task.roles, task.cleaning, { pairExposure: task.pairExposure === true });
    case 'report': return report(task.dir);
  }
}

/** The report of a run folder; a folder the data layer refuses (a broken model.json) is a 422 as on the main thread. */
function report(dir: string): string {
  try {
    return renderReport(readRun(dir));
  } catch (err) {
    if (err instanceof DataError) throw dataErrorAnswer(err);
    // The server's log then says which job failed (the answer is a generic 500 with its id).
    if (err instanceof Error) err.message = `rendering the report of ${dir} failed: ${err.message}`;
    throw err;
  }
}

port.on('message', (job: CheckJobMessage) => {
  let reply: CheckReply;
  try {
    reply = { id: job.id, type: 'result', result: run(job.task) };
  } catch (err) {
    reply = err instanceof ApiHttpError
      ? { id: job.id, type: 'api-error', code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) }
      : { id: job.id, type: 'failed', message: err instanceof Error ? err.message : String(err), ...(err instanceof Error && err.stack ? { stack: err.stack } : {}) };
  }
  port.postMessage(reply);
});

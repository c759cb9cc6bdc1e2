// A fit worker: fits the model of one run (the same spec, engine call, worker threads and run files as
// `mixwise fit`, from @mixwise/store and @mixwise/parallel), writes the run files into the staging
// folder, and reports progress. The main thread terminates it to cancel (its own workers end with it).
import { parentPort, workerData } from 'node:worker_threads';
import { basename } from 'node:path';
import { fitMmm, withHolidayCalendar } from '@mixwise/engine';
import { runSpec, writeRunFiles } from '@mixwise/store';
import { threadedFit } from '@mixwise/parallel';
import { GEO_RESULTS_FILE, panelGeoBreakdown, writeGeoResults } from '@mixwise/data';
import type { FitWorkerData, FitWorkerMessage } from './fit-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('fit-worker must run in a worker thread');
const post = (m: FitWorkerMessage): void => port.postMessage(m);
const data = workerData as FitWorkerData;

let last = 0;
try {
  const fitted = await fitMmm(data.table, runSpec(data.table, data.options), {
    ...threadedFit(data.threads),
    onProgress: (p) => {
      const now = Date.now();
      // at most ~20 messages a second, but always the last step of a phase
      if (now - last < 50 && p.done < p.total) return;
      last = now;
      post({ type: 'progress', phase: p.phase, done: p.done, total: p.total });
    },
  });
  // The holidays asked for and their week label travel with the model, as in `mixwise fit`.
  const model = withHolidayCalendar(data.source ? { ...fitted, source: data.source } : fitted, data.table);
  post({ type: 'progress', phase: 'writing', done: 0, total: 1 });
  // A geo-level fit also writes, as `mixwise fit --geo`: geo.json (the panel's KPI and spend by geo, mapped
  // in the report) and geo-results.csv (summary.json `geos` as a table). The window is the whole table.
  // Both move in with model.json (writeRunFiles' swap).
  const geo = data.table.panel === undefined ? undefined : panelGeoBreakdown(data.table, { start: 0, end: data.table.dates.length });
  const { files } = await writeRunFiles(data.outDir, model, geo === undefined ? {} : {
    geo, geoFile: 'write', files: [{ names: [GEO_RESULTS_FILE], write: (dir, summary) => writeGeoResults(dir, summary.geos ?? []) }],
  });
  post({ type: 'done', files: [...new Set(files.map((f) => (f.includes('/exports/') ? 'exports' : basename(f))))] });
} catch (err) {
  const code = typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : 'FIT_FAILED';
  post({ type: 'failed', code, message: err instanceof Error ? err.message : String(err) });
}

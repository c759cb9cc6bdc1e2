/**
 * Run an async task for the latest argument only: while one call is in flight, newer arguments
 * replace each other and only the newest runs next. Keeps a slider from queueing stale what-ifs.
 * @param task the async work
 * @returns a function to submit arguments (fire and forget)
 * @example const submit = latestOnly(async (x: number) => show(await compute(x))); submit(1); submit(2); submit(3) // runs 1, then 3
 */
export function latestOnly<A>(task: (arg: A) => Promise<void>): (arg: A) => void {
  let busy = false;
  let pending: { arg: A } | null = null;
  const run = (arg: A): void => {
    busy = true;
    task(arg).catch(() => undefined).finally(() => {
      busy = false;
      if (pending !== null) { const next = pending.arg; pending = null; run(next); }
    });
  };
  return (arg: A) => { if (busy) pending = { arg }; else run(arg); };
}

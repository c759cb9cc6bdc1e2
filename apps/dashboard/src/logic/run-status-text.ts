/** The parts of a run event (RunEvent) the status line needs. */
export interface RunStatusLike {
  readonly status: string;
  readonly progress: { readonly phase: string; readonly done: number; readonly total: number };
}

/**
 * The caption of a fit's progress bar: a queued fit says how many fits it waits for ("queued (2 ahead)")
 * when the run list tells, a running one its phase and count ("running · search 120 / 300").
 * @param event the latest event, or null before the first one arrives
 * @param ahead fits queued or running before this one (runsAhead), null when unknown
 * @example runStatusText({ status: 'queued', progress: { phase: 'queued', done: 0, total: 0 } }, 1) // 'queued (1 ahead)'
 */
export function runStatusText(event: RunStatusLike | null, ahead: number | null): string {
  const status = event?.status ?? 'queued';
  if (status === 'queued') return ahead === null ? 'queued' : ahead === 0 ? 'queued (next)' : `queued (${ahead.toLocaleString('en-US')} ahead)`;
  const p = event?.progress;
  if (p === undefined || p.phase === status || p.phase === 'queued') return status;
  const count = p.total > 0 ? ` ${p.done.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')}` : '';
  return `${status} · ${p.phase}${count}`;
}

/**
 * What the fit's polite status region says: its status and phase, without the counts (which change
 * many times a second and would be read out over and over), and "Fit finished" at the end.
 * @example runPhaseText({ status: 'running', progress: { phase: 'search', done: 120, total: 300 } }) // 'Fit running: search'
 */
export function runPhaseText(event: RunStatusLike | null): string {
  const status = event?.status ?? 'queued';
  if (status === 'done') return 'Fit finished';
  if (status === 'running') {
    const phase = event?.progress.phase;
    return phase === undefined || phase === 'running' || phase === 'queued' ? 'Fit running' : `Fit running: ${phase}`;
  }
  return `Fit ${status}`;
}

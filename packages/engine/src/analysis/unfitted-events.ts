import type { MmmModel } from '../model/mmm-model.ts';
import { fittedRows } from '../spec/fitted-rows.ts';

/** An event column that does not vary over the fitted periods, and where it is on outside them. */
export interface UnfittedEvent {
  readonly name: string;
  /** Periods of the holdout (after the fitted rows) in which the event is on (non-zero). */
  readonly inHoldout: number;
}

/**
 * The events (baseline terms of kind 'event': the file's 0/1 columns and built-in holidays) that are
 * constant over the fitted rows (the window less its holdout): the regression cannot estimate their
 * effect (a flat column gets coefficient 0), so where they are on — in the holdout, or warm-up rows —
 * the model predicts no event effect. Typically a holiday or promotion that only falls in the holdout.
 * @param model a fitted model
 * @returns the events, in baseline order, with how many holdout periods each is on
 * @example unfittedEvents(model) // [{ name: 'holiday_us_christmas', inHoldout: 1 }]
 */
export function unfittedEvents(model: Pick<MmmModel, 'baseline' | 'window' | 'holdout'>): UnfittedEvent[] {
  const rows = fittedRows(model);
  const out: UnfittedEvent[] = [];
  for (const b of model.baseline) {
    if (b.kind !== 'event' || rows.end <= rows.start) continue;
    const first = b.values[rows.start];
    let flat = true;
    for (let t = rows.start + 1; t < rows.end && flat; t++) flat = b.values[t] === first;
    if (!flat) continue;
    let inHoldout = 0;
    for (let t = rows.end; t < model.window.end; t++) if (b.values[t] !== first) inHoldout++;
    out.push({ name: b.name, inHoldout });
  }
  return out;
}

/**
 * The EVENT_NOT_FITTED warning's message for unfittedEvents' result (null when there are none).
 * @example unfittedEventsText([{ name: 'holiday_us_christmas', inHoldout: 1 }]) // 'holiday_us_christmas does not vary over the fitted periods …'
 */
export function unfittedEventsText(events: readonly UnfittedEvent[]): string | null {
  if (events.length === 0) return null;
  const names = events.map((e) => (e.inHoldout > 0 ? `${e.name} (on in ${e.inHoldout} holdout period${e.inHoldout === 1 ? '' : 's'})` : e.name));
  const one = events.length === 1;
  return `${names.join(', ')} ${one ? 'does' : 'do'} not vary over the fitted periods, so ${one ? 'its' : 'their'} effect cannot be estimated: ${one ? 'it stays' : 'they stay'} at 0 in the model, which predicts no event effect where ${one ? 'it is' : 'they are'} on (in the holdout, the holdout metrics then miss it); shorten the holdout so the fitted periods include ${one ? 'it' : 'them'}, or leave ${one ? 'it' : 'them'} out`;
}

import type { GeoSplitNowAnswer, MmmModel } from '@mixwise/engine';
import { drawSource } from '@mixwise/engine';
import { geoSplitNote } from '../logic/geo-split.ts';
import { geoSplitNowNote } from '../logic/geo-split-now.ts';
import { modelReplicates } from '../logic/curve-basis.ts';

/**
 * On a geo-level run, the split across geos that a budget or plan assumes (geoSplitNote), and what
 * today's split gives against it: `now`, the geoSplitNow of the engine's answer the card shows (as the
 * API's /optimize or /plan carries it), with the curves it is on (test id `${testId}-now`); nothing on
 * a national run, and no second line until the answer is in.
 */
export function GeoSplitNote({ model, testId, now }: { model: MmmModel; testId: string; now?: GeoSplitNowAnswer | null | undefined }) {
  const text = geoSplitNote(model);
  if (text === null) return null;
  const note = geoSplitNowNote(now, modelReplicates(model), drawSource(model));
  return (
    <>
      <p className="muted small geo-split" data-testid={testId}>{text}</p>
      <GeoSplitNowLine note={note} testId={`${testId}-now`} />
    </>
  );
}

/** The geoSplitNow line alone (a plan's, under its table). */
export function GeoSplitNowLine({ note, testId }: { note: ReturnType<typeof geoSplitNowNote>; testId: string }) {
  return note === null ? null : <p className="muted small geo-split-now" data-testid={testId} data-gap={String(note.gap)} data-basis={note.basis}>{note.text}</p>;
}

import { useMemo } from 'react';
import type { MmmModel } from '@mixwise/engine';
import { geoSplitNote } from '../logic/geo-split.ts';
import { geoSplitNowNote } from '../logic/geo-split-now.ts';

/**
 * On a geo-level run, the split across geos that a budget or plan assumes (geoSplitNote), and what
 * today's split gives against it (geoSplitNowNote, test id `${testId}-now`); nothing on a national run.
 */
export function GeoSplitNote({ model, testId }: { model: MmmModel; testId: string }) {
  const text = geoSplitNote(model);
  const now = useMemo(() => geoSplitNowNote(model), [model]);
  if (text === null) return null;
  return (
    <>
      <p className="muted small geo-split" data-testid={testId}>{text}</p>
      {now === null ? null : <p className="muted small geo-split-now" data-testid={`${testId}-now`} data-gap={String(now.gap)}>{now.text}</p>}
    </>
  );
}

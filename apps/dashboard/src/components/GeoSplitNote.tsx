import type { MmmModel } from '@mixwise/engine';
import { geoSplitNote } from '../logic/geo-split.ts';

/** On a geo-level run, the split across geos that a budget or plan assumes (geoSplitNote); nothing on a national run. */
export function GeoSplitNote({ model, testId }: { model: Pick<MmmModel, 'panel'>; testId: string }) {
  const text = geoSplitNote(model);
  return text === null ? null : <p className="muted small geo-split" data-testid={testId}>{text}</p>;
}

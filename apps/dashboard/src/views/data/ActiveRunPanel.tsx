import { useState } from 'react';
import type { RunManifest } from '@mixwise/contracts';
import { pageHref } from '../../api.ts';
import { formatHash } from '../../router.ts';
import { Section } from '../../components/Section.tsx';
import { useRunEvents } from '../../state/use-run-events.ts';
import { RunStatus } from './RunStatus.tsx';

interface Props {
  /** A fit this page did not start: one started before a reload or a visit to another page, or in another tab. */
  readonly run: RunManifest;
  readonly ahead: number | null;
  /** The run ended (the run list is read again). */
  readonly onEnded: () => void;
}

/** The progress and Cancel of a fit that is queued or running, followed live; a link to it once done. */
export function ActiveRunPanel({ run, ahead, onEnded }: Props) {
  const [cancelError, setCancelError] = useState<string | null>(null);
  const { event, error } = useRunEvents(run.id, onEnded);
  const shown = cancelError ?? error;
  return (
    <Section title={`Training ${run.name}`}>
      <RunStatus runId={run.id} event={event} method={run.options?.method ?? 'ridge'} ahead={ahead} onError={setCancelError} />
      {event?.status === 'done' ? (
        <p data-testid="active-run-done">Done: <a href={pageHref(formatHash({ page: 'executive', runId: run.id }))}>open the new run</a>.</p>
      ) : null}
      {shown !== null ? <div className="banner error" role="alert" data-testid="train-error">{shown}</div> : null}
    </Section>
  );
}

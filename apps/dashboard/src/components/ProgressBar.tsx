import { useId } from 'react';

interface Props {
  /** 0..1, or null for an indeterminate bar. */
  readonly value: number | null;
  readonly label?: string;
  /** The bar's accessible name, e.g. "Fit progress" (the caption, when given, follows it). */
  readonly name?: string;
  readonly testId?: string;
}

/** A progress bar with an accessible name and value and an optional caption. */
export function ProgressBar({ value, label, name = 'Progress', testId = 'progress-bar' }: Props) {
  const pct = value === null ? null : Math.round(Math.max(0, Math.min(1, value)) * 100);
  const id = useId();
  return (
    <div className="progress">
      <span id={`${id}-name`} className="visually-hidden">{name}</span>
      <div className="progress-track" role="progressbar" aria-labelledby={`${id}-name`} aria-describedby={`${id}-label`}
        aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined} data-testid={testId} data-value={pct ?? ''}>
        <div className={`progress-fill${pct === null ? ' indeterminate' : ''}`} style={{ width: pct === null ? '30%' : `${pct}%` }} />
      </div>
      <div className="progress-label" id={`${id}-label`}>{label}{pct !== null ? ` — ${pct}%` : ''}</div>
    </div>
  );
}

interface Props {
  /** 0..1, or null for an indeterminate bar. */
  readonly value: number | null;
  readonly label?: string;
  readonly testId?: string;
}

/** A progress bar with an accessible value and an optional caption. */
export function ProgressBar({ value, label, testId = 'progress-bar' }: Props) {
  const pct = value === null ? null : Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div className="progress">
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined} data-testid={testId} data-value={pct ?? ''}>
        <div className={`progress-fill${pct === null ? ' indeterminate' : ''}`} style={{ width: pct === null ? '30%' : `${pct}%` }} />
      </div>
      <div className="progress-label">{label}{pct !== null ? ` — ${pct}%` : ''}</div>
    </div>
  );
}

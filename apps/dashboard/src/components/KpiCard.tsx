interface Props {
  readonly label: string;
  readonly value: string;
  readonly hint?: string;
  /** A smaller second line: what the number is measured on, when another page shows a kindred one (data-testid `<testId>-note`). */
  readonly note?: string;
  readonly testId?: string;
  /** The value changes as the user works (the simulator's predictions): said politely, as one, when it does. */
  readonly live?: boolean;
}

/** A headline number with its label and an optional one-line explanation. */
export function KpiCard({ label, value, hint, note, testId, live = false }: Props) {
  return (
    <div className="kpi-card" data-testid={testId} aria-live={live ? 'polite' : undefined} aria-atomic={live ? true : undefined}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {hint ? <div className="kpi-hint">{hint}</div> : null}
      {note ? <div className="kpi-note" data-testid={testId ? `${testId}-note` : undefined}>{note}</div> : null}
    </div>
  );
}

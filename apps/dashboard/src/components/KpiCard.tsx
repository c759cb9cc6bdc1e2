interface Props {
  readonly label: string;
  readonly value: string;
  readonly hint?: string;
  readonly testId?: string;
}

/** A headline number with its label and an optional one-line explanation. */
export function KpiCard({ label, value, hint, testId }: Props) {
  return (
    <div className="kpi-card" data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {hint ? <div className="kpi-hint">{hint}</div> : null}
    </div>
  );
}

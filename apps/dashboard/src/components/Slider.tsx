interface Props {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly onChange: (value: number) => void;
  readonly display?: string;
  readonly testId?: string;
  readonly disabled?: boolean;
}

/** A labelled range input showing its formatted value. */
export function Slider({ id, label, value, min, max, step, onChange, display, testId, disabled }: Props) {
  return (
    <div className="slider">
      <label htmlFor={id}>{label}</label>
      <input
        id={id} type="range" min={min} max={max} step={step} value={value} disabled={disabled}
        data-testid={testId} onChange={(e) => onChange(Number(e.currentTarget.value))}
      />
      <output htmlFor={id}>{display ?? String(value)}</output>
    </div>
  );
}

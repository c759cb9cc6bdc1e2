import { useState } from 'react';
import { readSpendText, spendText } from '../../logic/amount.ts';

interface Props {
  readonly name: string;
  readonly spend: number;
  readonly disabled: boolean;
  readonly onSpend: (value: number) => void;
  /** The word for one period, e.g. week. */
  readonly period: string;
}

/**
 * A channel's spend per period as an exact amount: typing a usable amount (15000, 15,000, 15k; at most
 * the API's 1e15) moves the channel at once; while the text is not one, the spend stays and a message
 * under the field says so (a tooltip alone goes unseen), as the Total budget field does. The text
 * typed is kept while the field has focus (so "1" on the way to "150k" is not reformatted under the
 * cursor); otherwise it shows the spend set by the slider, the optimiser or the total.
 */
export function SpendField({ name, spend, disabled, onSpend, period }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  // The last text typed that is not an amount: its message stays after the field loses focus (the
  // field then shows the spend kept) until the next edit, so it is read, not flashed.
  const [refused, setRefused] = useState<string | null>(null);
  // A spend set elsewhere (slider, total, Optimise) is a valid edit: the old refusal no longer applies.
  const [seen, setSeen] = useState(spend);
  if (spend !== seen) { setSeen(spend); setRefused(null); }
  const text = draft ?? spendText(spend);
  const read = draft !== null ? readSpendText(draft, period) : null;
  const problem = read !== null && 'problem' in read ? read.problem : refused;
  const problemId = `spend-problem-${name}`;
  return (
    <span className="spend-field-box">
      <input type="text" inputMode="decimal" className="spend-field" value={text} disabled={disabled}
        aria-label={`${name} spend per period`} aria-invalid={read !== null && 'problem' in read} data-testid={`spend-${name}`}
        aria-describedby={problem !== null ? problemId : undefined}
        title={`${name}'s spend per period; type an exact amount`}
        onFocus={() => setDraft(text)}
        onBlur={() => { setRefused(read !== null && 'problem' in read ? `"${draft ?? ''}" was not taken. ${read.problem}` : null); setDraft(null); }}
        onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); }}
        onChange={(e) => {
          const t = e.currentTarget.value;
          setDraft(t);
          setRefused(null);
          const r = readSpendText(t, period);
          if ('spend' in r) onSpend(r.spend);
        }} />
      {problem !== null ? <span className="error small spend-problem" id={problemId} role="alert" data-testid={`spend-problem-${name}`}>{problem}</span> : null}
    </span>
  );
}

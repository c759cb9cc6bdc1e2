import { useState } from 'react';
import { parseAmount, spendText } from '../../logic/amount.ts';

interface Props {
  readonly name: string;
  readonly spend: number;
  readonly disabled: boolean;
  readonly onSpend: (value: number) => void;
}

/**
 * A channel's spend per period as an exact amount: typing a usable amount (15000, 15,000, 15k) moves
 * the channel at once; while the text is not one, the spend stays and the field says so. The text
 * typed is kept while the field has focus (so "1" on the way to "150k" is not reformatted under the
 * cursor); otherwise it shows the spend set by the slider, the optimiser or the total.
 */
export function SpendField({ name, spend, disabled, onSpend }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? spendText(spend);
  const bad = draft !== null && parseAmount(draft) === null;
  return (
    <input type="text" inputMode="decimal" className="spend-field" value={text} disabled={disabled}
      aria-label={`${name} spend per period`} aria-invalid={bad} data-testid={`spend-${name}`}
      title={bad ? 'Type an amount ≥ 0, such as 15000, 15,000 or 15k; the spend stays as it was until you do.' : `${name}'s spend per period; type an exact amount`}
      onFocus={() => setDraft(text)}
      onBlur={() => setDraft(null)}
      onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); }}
      onChange={(e) => {
        const t = e.currentTarget.value;
        setDraft(t);
        const v = parseAmount(t);
        if (v !== null) onSpend(v);
      }} />
  );
}

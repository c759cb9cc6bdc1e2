import { referenceChoiceOf, referenceChoices, type ReferenceChoice } from '../../logic/reference-periods.ts';

interface Props {
  readonly choice: ReferenceChoice;
  readonly customText: string;
  /** Why the typed N cannot be used (null when it can, or when no N is typed). */
  readonly problem: string | null;
  readonly windowPeriods: number;
  readonly period: string;
  readonly onChoice: (choice: ReferenceChoice) => void;
  readonly onCustomText: (text: string) => void;
}

/**
 * "Current spend measured over" (`mixwise optimize --reference-periods N`): the whole window, the last
 * 52 or 13 periods, or the last N typed. Outside the simulator's keyed part, so that changing it keeps
 * the focus here while the rest of the page is rebuilt on the new current spend.
 */
export function ReferenceField({ choice, customText, problem, windowPeriods, period, onChoice, onCustomText }: Props) {
  return (
    <div className="stack">
      <div className="toolbar">
        <label className="inline">Current spend measured over
          <select value={choice} data-testid="reference-periods" onChange={(e) => onChoice(referenceChoiceOf(e.currentTarget.value))}>
            {referenceChoices(windowPeriods, period).map((c) => <option key={c.value} value={c.value} disabled={c.disabled}>{c.label}</option>)}
          </select>
        </label>
        {choice === 'custom' ? (
          <label className="inline">Last N {period}s
            <input type="text" inputMode="numeric" className="amount-field" value={customText} placeholder={`1 to ${windowPeriods}`} data-testid="reference-periods-custom"
              aria-invalid={problem !== null} aria-describedby={problem !== null ? 'reference-periods-problem' : undefined}
              onChange={(e) => onCustomText(e.currentTarget.value)} />
          </label>
        ) : null}
      </div>
      {problem !== null ? <p className="error field-problem" id="reference-periods-problem" role="alert" data-testid="reference-periods-problem">{problem}</p> : null}
    </div>
  );
}

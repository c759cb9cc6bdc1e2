import type { RoiLabel } from '@mixwise/charts';
import type { WhatIfResult } from '../../logic/what-if.ts';
import { Fragment, useRef } from 'react';
import type { ControlInput } from '../../logic/bound-fields.ts';
import { formatCompact, formatPct, formatRoi } from '../../logic/format.ts';
import { nextSliderRanges, type SliderRanges, type ThumbMove } from '../../logic/slider-range.ts';
import { beyondDataTitle } from '../../logic/beyond-data-title.ts';
import { SpendField } from './SpendField.tsx';
import { spendText } from '../../logic/amount.ts';
import { limitBadge, type LimitMove } from '../../logic/limit-moves.ts';

interface Props {
  readonly names: readonly string[];
  readonly current: readonly number[];
  readonly spend: readonly number[];
  /** Highest sustained spend per channel in the data, when known (the slider reaches 1.5× it). */
  readonly observedHigh: readonly (number | undefined)[];
  readonly result: WhatIfResult | null;
  /** The bound fields as typed, and what is wrong with each channel's (null when nothing). */
  readonly inputs: readonly ControlInput[];
  readonly problems: readonly (string | null)[];
  readonly onSpend: (index: number, value: number) => void;
  readonly onInput: (index: number, input: ControlInput) => void;
  /** What KPI ÷ spend is called for this KPI (roiLabel: 'ROI', or 'KPI per spend' for a count KPI). */
  readonly roiName: RoiLabel;
  /** The word for one period, e.g. week. */
  readonly period: string;
  /** How many times Reset has been pressed: each press sets every slider's range anew. */
  readonly resets: number;
  /** Per channel, the limit the last Optimise stopped it at (null: free, or no Optimise shown). */
  readonly limits?: readonly (LimitMove | null)[];
}

/**
 * One row per channel: a spend slider (0 to at least 3× current; see sliderMax and nextSliderRanges) with a field for an
 * exact amount, the live prediction (tagged when the spend lies
 * outside the levels the data cover), and the optimiser's bounds and lock in one column (so that the
 * table fits an 800 px window); a channel whose bound fields are not usable gets a row under it that
 * says why.
 */
export function ChannelTable({ roiName, names, current, spend, observedHigh, result, inputs, problems, onSpend, onInput, period, resets, limits = [] }: Props) {
  // step "any": the thumb holds the exact spend (Chromium's arrow keys then move 1% of the range).
  // A slider's top does not shrink while its own thumb moves (it would jump under the pointer); a
  // typed amount, Optimise, the total and Reset set it anew (nextSliderRanges).
  const ranges = useRef<SliderRanges | null>(null);
  const thumb = useRef<ThumbMove | null>(null);
  ranges.current = nextSliderRanges(ranges.current, spend, current, observedHigh, thumb.current, resets);
  const tops = ranges.current.max;
  return (
    <div className="table-wrap">
      <table className="table channel-table">
        <thead>
          <tr>
            <th scope="col">Channel</th><th scope="col" className="slider-col">Spend per {period}</th><th scope="col" className="num">Change</th>
            <th scope="col" className="num">KPI</th>
            <th scope="col" className="num">{roiName} <span className="basis-tag">steady state</span></th><th scope="col" className="num">mROI <span className="basis-tag">steady state</span></th>
            <th scope="col" className="limits-col" title="The optimiser's bounds as multiples of current spend, and a lock that keeps the channel's spend">Min × · Max × · Lock</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name, i) => {
            const c = result?.channels[i];
            const max = tops[i];
            const change = current[i] > 0 ? (spend[i] - current[i]) / current[i] : null;
            const input = inputs[i], problem = problems[i];
            const problemId = `bound-problem-${i}`;
            const limit = limits[i] ?? null;
            return (
              <Fragment key={name}>
                <tr className={problem !== null ? 'has-problem' : undefined}>
                  <th scope="row">{name}</th>
                  <td className="slider-col">
                    <div className="slider-cell">
                      <input type="range" min={0} max={max} step="any" value={spend[i]} aria-label={`${name} spend per period (slider)`} aria-valuetext={`${spendText(spend[i])} per ${period}`}
                        data-testid={`slider-${name}`} disabled={input.locked} onChange={(e) => { const v = Number(e.currentTarget.value); thumb.current = { index: i, value: v }; onSpend(i, v); }} />
                      <SpendField key={resets} name={name} spend={spend[i]} period={period} disabled={input.locked} onSpend={(v) => onSpend(i, v)} />
                      {c?.beyondData ? (
                        <span className="badge warning" data-testid={`beyond-data-${name}`}
                          title={beyondDataTitle(name, c.beyondData, c.sparse)}>
                          {c.beyondData === 'below' ? 'below data' : 'beyond data'}
                        </span>
                      ) : null}
                    </div>
                  </td>
                  <td data-label="Change" className={`num ${change !== null && change > 0.005 ? 'up' : change !== null && change < -0.005 ? 'down' : ''}`}>
                    {formatPct(change, true)}
                    {limit ? <span className="badge limit" data-testid={`limit-${name}`} title={`The optimiser stopped ${name} at its ${limit.side} limit: the limit, not the model, sets this figure`}>{limitBadge(limit)}</span> : null}
                  </td>
                  <td className="num" data-label="KPI" data-testid={`kpi-${name}`}>{c ? formatCompact(c.response) : '…'}</td>
                  <td className="num" data-label={`${roiName} (steady state)`}>{c ? formatRoi(c.roi) : '…'}</td>
                  <td className="num" data-label="mROI (steady state)" data-testid={`mroi-${name}`}>{c ? formatRoi(c.mroi) : '…'}</td>
                  <td className="limits-col">
                    <div className="limits-cell">
                      {/* Kept as text: a field emptied while retyping is not 0 (readControls says what is wrong). */}
                      <label className="bound-label"><span className="bound-name">Min ×</span>
                      <input type="number" className="bound" min={0} step={0.1} value={input.minText} aria-label={`${name} Min ×: lowest spend as a multiple of current`} data-testid={`bound-min-${name}`}
                        aria-invalid={problem !== null} aria-describedby={problem !== null ? problemId : undefined}
                        onChange={(e) => onInput(i, { ...input, minText: e.currentTarget.value })} /></label>
                      <label className="bound-label"><span className="bound-name">Max ×</span>
                      <input type="number" className="bound" min={0} step={0.1} value={input.maxText} aria-label={`${name} Max ×: highest spend as a multiple of current`} data-testid={`bound-max-${name}`}
                        aria-invalid={problem !== null} aria-describedby={problem !== null ? problemId : undefined}
                        onChange={(e) => onInput(i, { ...input, maxText: e.currentTarget.value })} /></label>
                      <label className="lock" title={`Keep ${name}'s spend when the total changes or the optimiser runs`}>
                        <input type="checkbox" checked={input.locked} aria-label={`lock ${name}`} data-testid={`lock-${name}`}
                          onChange={(e) => onInput(i, { ...input, locked: e.currentTarget.checked })} />
                        lock
                      </label>
                    </div>
                  </td>
                </tr>
                {problem !== null ? (
                  <tr className="problem-row">
                    <td colSpan={7} id={problemId} className="error small" role="alert" data-testid={`bound-problem-${name}`}>{name}: {problem}</td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

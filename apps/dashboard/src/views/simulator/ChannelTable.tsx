import type { WhatIfResult } from '../../logic/what-if.ts';
import type { ChannelControl } from '../../logic/constraints.ts';
import { formatCompact, formatPct, formatRatio } from '../../logic/format.ts';

interface Props {
  readonly names: readonly string[];
  readonly current: readonly number[];
  readonly spend: readonly number[];
  readonly result: WhatIfResult | null;
  readonly controls: readonly ChannelControl[];
  readonly onSpend: (index: number, value: number) => void;
  readonly onControl: (index: number, control: ChannelControl) => void;
  /** The word for one period, e.g. week. */
  readonly period: string;
}

/**
 * One row per channel: a spend slider (0–3× current), the live prediction (tagged when the spend lies
 * outside the levels the data cover), and the optimiser's bounds and lock.
 */
export function ChannelTable({ names, current, spend, result, controls, onSpend, onControl, period }: Props) {
  return (
    <div className="table-wrap">
      <table className="table channel-table">
        <thead>
          <tr>
            <th>Channel</th><th className="slider-col">Spend per {period}</th><th className="num">Change</th>
            <th className="num">KPI</th><th className="num">ROI</th><th className="num">mROI</th>
            <th className="num" title="Optimiser bounds as multiples of current spend">Min ×</th><th className="num">Max ×</th><th>Lock</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name, i) => {
            const c = result?.channels[i];
            const max = Math.max(current[i] * 3, 1);
            const change = current[i] > 0 ? (spend[i] - current[i]) / current[i] : null;
            return (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td className="slider-col">
                  <div className="slider-cell">
                    <input type="range" min={0} max={max} step={max / 300} value={spend[i]} aria-label={`${name} spend per period`}
                      data-testid={`slider-${name}`} disabled={controls[i].locked} onChange={(e) => onSpend(i, Number(e.currentTarget.value))} />
                    <output data-testid={`spend-${name}`}>{formatCompact(spend[i])}</output>
                    {c?.beyondData ? (
                      <span className="badge warning" data-testid={`beyond-data-${name}`}
                        title={`The data never held ${name} at a sustained spend this ${c.beyondData === 'below' ? 'low' : 'high'}: the prediction here extrapolates the fitted curve.`}>
                        {c.beyondData === 'below' ? 'below data' : 'beyond data'}
                      </span>
                    ) : null}
                  </div>
                </td>
                <td className={`num ${change !== null && change > 0.005 ? 'up' : change !== null && change < -0.005 ? 'down' : ''}`}>{formatPct(change, true)}</td>
                <td className="num" data-testid={`kpi-${name}`}>{c ? formatCompact(c.response) : '…'}</td>
                <td className="num">{c ? formatRatio(c.roi) : '…'}</td>
                <td className="num" data-testid={`mroi-${name}`}>{c ? formatRatio(c.mroi) : '…'}</td>
                <td className="num">
                  <input type="number" className="bound" min={0} step={0.1} value={controls[i].min} aria-label={`${name} minimum multiple`} data-testid={`bound-min-${name}`}
                    onChange={(e) => onControl(i, { ...controls[i], min: Number(e.currentTarget.value) })} />
                </td>
                <td className="num">
                  <input type="number" className="bound" min={0} step={0.1} value={controls[i].max} aria-label={`${name} maximum multiple`} data-testid={`bound-max-${name}`}
                    onChange={(e) => onControl(i, { ...controls[i], max: Number(e.currentTarget.value) })} />
                </td>
                <td>
                  <input type="checkbox" checked={controls[i].locked} aria-label={`lock ${name}`} data-testid={`lock-${name}`}
                    onChange={(e) => onControl(i, { ...controls[i], locked: e.currentTarget.checked })} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

import { useEffect, useRef } from 'react';
import { echarts } from './echarts-setup.ts';
import type { EChartsOption, ECharts } from 'echarts';
import type { ChartTable } from '../logic/chart-table.ts';

/** Handlers for ECharts events, e.g. `{ click: (p) => … }`. */
export type ChartEvents = Readonly<Record<string, (params: unknown) => void>>;

interface Props {
  /** Used in the test id `chart-<name>`. */
  readonly name: string;
  readonly option: EChartsOption | null;
  readonly height?: number;
  readonly events?: ChartEvents;
  readonly title?: string;
  /** What a screen reader announces for the chart (role="img"): a readable name, never the `name` slug. */
  readonly ariaLabel: string;
  /** Redraw at most this often (ms) while the option keeps changing, e.g. during a slider drag; the last option always lands. */
  readonly throttleMs?: number;
  /** The chart's data as a table, under a closed "Show data" (the text alternative of the canvas). */
  readonly table?: ChartTable | null;
}

/** Whether the user asked for less motion: charts then draw without animation. */
function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * An Apache ECharts chart: created on mount, `setOption` whenever the option changes, resized with
 * its box, disposed on unmount. Sets `data-drawn="true"` on the first frame and `data-rendered="true"`
 * once ECharts has finished drawing (after its animation).
 */
export function EChart({ name, option, height = 320, events, title, ariaLabel, throttleMs = 0, table = null }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const handlers = useRef<ChartEvents | undefined>(events);
  const hasOption = useRef(false);
  handlers.current = events;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    // data-drawn: first frame on screen; data-rendered: drawing (and its animation) finished. Both only
    // once an option was set: ECharts also fires these for the empty chart right after init.
    c.on('rendered', () => { if (hasOption.current && !el.hasAttribute('data-drawn')) el.setAttribute('data-drawn', 'true'); });
    c.on('finished', () => { if (hasOption.current) el.setAttribute('data-rendered', 'true'); });
    c.on('click', (p) => handlers.current?.click?.(p));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
      hasOption.current = false;
      el.removeAttribute('data-rendered');
      el.removeAttribute('data-drawn');
    };
  }, []);

  const last = useRef(0);
  useEffect(() => {
    const c = chart.current;
    if (!c || !option) return;
    const draw = () => {
      last.current = performance.now();
      hasOption.current = true;
      c.setOption(reducedMotion() ? { ...option, animation: false } : option, { notMerge: true, lazyUpdate: false });
    };
    const wait = last.current + throttleMs - performance.now();
    if (throttleMs <= 0 || wait <= 0) { draw(); return; }
    const timer = setTimeout(draw, wait);
    return () => clearTimeout(timer);
  }, [option, throttleMs]);

  return (
    <figure className="chart">
      {title ? <figcaption>{title}</figcaption> : null}
      <div ref={box} className="chart-canvas" data-testid={`chart-${name}`} role="img" aria-label={ariaLabel} style={{ height }} />
      {table ? (
        <details className="chart-data" data-testid={`data-table-${name}`}>
          <summary>Show data<span className="visually-hidden"> of {ariaLabel}</span></summary>
          <div className="table-wrap">
            <table className="table">
              <caption>{table.caption}</caption>
              <thead><tr>{table.columns.map((c, i) => <th key={c} scope="col" className={i > 0 ? 'num' : undefined}>{c}</th>)}</tr></thead>
              <tbody>
                {table.rows.map((r) => (
                  <tr key={r[0]}>{r.map((v, i) => (i === 0 ? <th key={i} scope="row">{v}</th> : <td key={i} className="num">{v}</td>))}</tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </figure>
  );
}

import type { EChartsOption } from 'echarts';
import { storedDrawPositions, type MmmModel } from '@mixwise/engine';
import { baseOption } from './base-option.ts';
import { COLORS, channelColor } from './palette.ts';
import { formatRoi, roundTo } from './format.ts';
/** Height of one channel's panel and the gap above it, in pixels. */
const PANEL = 110;
const GAP = 34;

/** Pixel height the posteriorRoiTraces chart needs for a model (one panel per channel), so callers can size it. */
export function posteriorRoiTracesHeight(model: MmmModel): number {
  return 40 + model.channels.length * (PANEL + GAP);
}

/**
 * Trace plot of a Bayesian fit: each channel's ROI over the stored posterior draws (model.json
 * bootstrapRoi), one line per chain, one panel per channel. Converged chains overlap as one band of
 * noise around the same level; a chain stuck elsewhere, or drifting, shows as a line apart — the
 * picture behind the R-hat (Gelman et al., Bayesian Data Analysis, 3rd ed., §11.4). The x axis is the
 * draw's index within its chain (storedDrawPositions).
 * @param model a model fitted with method 'bayes' (model.bayes and bootstrapRoi set)
 * @returns ECharts option: per channel a grid with series named 'chain 1', 'chain 2', …
 * @throws Error when the model has no posterior draws
 * @example posteriorRoiTraces(model).series.length // channels × chains
 */
export function posteriorRoiTraces(model: MmmModel): EChartsOption {
  const b = model.bayes, roi = model.bootstrapRoi;
  if (!b || !roi || roi.length === 0) throw new Error('posteriorRoiTraces: the model has no posterior draws (fit with method "bayes")');
  const positions = storedDrawPositions(roi.length, b.chains, b.draws);
  const n = model.channels.length;
  const panels = model.channels.map((ch, k) => ({ name: ch.name, top: 40 + k * (PANEL + GAP) + GAP - 14 }));
  return {
    ...baseOption(false),
    legend: { top: 4, data: Array.from({ length: b.chains }, (_, c) => `chain ${c + 1}`) },
    tooltip: { trigger: 'axis', confine: true, valueFormatter: (v) => (typeof v === 'number' ? formatRoi(v) : String(v)) },
    title: panels.map((p) => ({ text: `${p.name} ROI`, top: p.top - 22, left: 64, textStyle: { fontSize: 12, fontWeight: 'normal' as const } })),
    grid: panels.map((p) => ({ left: 64, right: 24, top: p.top, height: PANEL - 20 })),
    xAxis: panels.map((_, k) => ({
      type: 'value' as const, gridIndex: k, min: 0, max: b.draws - 1,
      axisLabel: { show: k === n - 1 }, splitLine: { show: false },
      ...(k === n - 1 ? { name: 'draw within chain', nameLocation: 'middle' as const, nameGap: 26 } : {}),
    })),
    yAxis: panels.map((_, k) => ({ type: 'value' as const, gridIndex: k, scale: true, splitNumber: 3, splitLine: { lineStyle: { color: COLORS.grid } } })),
    series: model.channels.flatMap((_, k) => Array.from({ length: b.chains }, (__, c) => ({
      name: `chain ${c + 1}`, type: 'line' as const, xAxisIndex: k, yAxisIndex: k, showSymbol: false,
      // Coloured by chain (palette order), not by channel: in a trace plot the chains are what is compared.
      lineStyle: { width: 1, opacity: 0.85 }, color: channelColor(c),
      data: positions.flatMap((p, i) => (p.chain === c ? [[p.draw, roundTo(roi[i][k])]] : [])),
    }))),
  };
}

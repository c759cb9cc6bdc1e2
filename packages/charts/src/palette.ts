/**
 * The one colour palette of every Mixwise chart (dashboard and report), so a channel keeps its
 * colour everywhere. Colours are fixed hex strings: output is deterministic.
 */

/** Channel colours, used in channel order (wraps after the last). */
export const CHANNEL_COLORS: readonly string[] = [
  '#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#86bcb6',
];

/** Named roles used across charts. */
export const COLORS = {
  baseline: '#bab0ac',
  actual: '#2f3640',
  fitted: '#e15759',
  positive: '#59a14f',
  negative: '#e15759',
  total: '#4e79a7',
  neutral: '#8c8c8c',
  holdout: 'rgba(237, 201, 72, 0.18)',
  /** Shading of the periods without a KPI (left out of the fit). */
  missingKpi: 'rgba(140, 140, 140, 0.16)',
  grid: '#e6e6e6',
  text: '#2f3640',
  highlight: '#d62728',
  muted: '#c7c7c7',
} as const;

/**
 * Colour of the channel at position `index` (0-based, wraps around the palette).
 * @param index channel position in the model
 * @example channelColor(0) // '#4e79a7'
 * @example channelColor(10) // '#4e79a7'
 */
export function channelColor(index: number): string {
  const n = CHANNEL_COLORS.length;
  return CHANNEL_COLORS[((index % n) + n) % n];
}

/** Diverging scale for correlations, from −1 (blue) through 0 (white) to +1 (red). */
export const DIVERGING: readonly string[] = ['#2c7bb6', '#abd9e9', '#ffffff', '#fdae61', '#d7191c'];

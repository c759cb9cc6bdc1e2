/**
 * The one colour palette of every Mixwise chart (dashboard and report), so a channel keeps its
 * colour everywhere. Colours are fixed hex strings: output is deterministic.
 */

/**
 * Channel colours, used in channel order (wraps after the last). Based on the Okabe–Ito palette
 * (Masataka Okabe and Kei Ito, "Color Universal Design (CUD): How to make figures and presentations
 * that are friendly to colorblind people", 2002/2008): blue #0072B2, vermillion #D55E00, bluish green
 * #009E73 and reddish purple #CC79A7 as published; sky blue #56B4E9 darkened to #4897c4 so that it has
 * 3:1 contrast on white (WCAG 2.2 1.4.11); plus a dark grey and the wine #882255 of Paul Tol's "muted"
 * scheme. Okabe–Ito's orange and yellow are left out: darkened to 3:1 on white they can no longer be
 * told from vermillion by people with deuteranopia or protanopia. test/palette.test.ts checks the
 * contrast and the distances under simulated colour-vision deficiencies.
 */
export const CHANNEL_COLORS: readonly string[] = [
  '#0072b2', '#d55e00', '#4897c4', '#882255', '#009e73', '#cc79a7', '#3a3a3a',
];

/** Named roles used across charts. */
export const COLORS = {
  baseline: '#6b6b6b',
  actual: '#2f3640',
  fitted: '#d55e00',
  /** Gains and losses: blue and vermillion, a pair told apart with any colour vision (not green and red). */
  positive: '#0072b2',
  negative: '#d55e00',
  total: '#2f3640',
  neutral: '#767676',
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
 * @example channelColor(0) // '#0072b2'
 * @example channelColor(7) // '#0072b2'
 */
export function channelColor(index: number): string {
  const n = CHANNEL_COLORS.length;
  return CHANNEL_COLORS[((index % n) + n) % n];
}

/** The line between stacked areas: a thin white separator, so that neighbours do not rely on hue alone. */
export const SEPARATOR = '#ffffff';

/** Diverging scale for correlations, from −1 (blue) through 0 (white) to +1 (red). */
export const DIVERGING: readonly string[] = ['#2c7bb6', '#abd9e9', '#ffffff', '#fdae61', '#d7191c'];

/**
 * The smallest return on spend shown as such (a KPI counted in units far smaller than spend can
 * give 7e-10 per unit of spend), well above the round-off on figures near 1 (about 1e-16).
 */
export const ROUND_OFF = 1e-12;

/**
 * Decimals a return on spend (ROI, mROI, ROAS, CPA, an end of an interval) is shown with: 2, or for
 * ROUND_OFF ≤ |x| < 0.1 enough for 2 significant digits (1 − ⌊log10 |x|⌋, at most 12), so a count KPI's
 * 0.0019 orders per unit of spend never reads as 0.00. Below ROUND_OFF a value is zero up to floating-point
 * round-off (3.8e-16 from a curve evaluated at zero spend) and gets 2 decimals, so it prints as 0.00,
 * not as twelve zeros. One rule for the engine's sentences, the CLI, the report, the charts and the dashboard.
 * @example roiDecimals(1.456) // 2
 * @example roiDecimals(0.0057) // 4
 * @example roiDecimals(3.8e-16) // 2
 */
export function roiDecimals(x: number): number {
  const a = Math.abs(x);
  return Number.isFinite(a) && a >= ROUND_OFF && a < 0.1 ? Math.min(12, 1 - Math.floor(Math.log10(a))) : 2;
}

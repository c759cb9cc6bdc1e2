/**
 * DECOMP.RSSD (Robyn): √Σ_c (effect share_c − spend share_c)², the distance between each paid
 * channel's share of the media effect and its share of the spend. Shares are 0 when their total is not
 * positive (no effect, or no spend).
 * @param contrib each paid channel's contribution [n]
 * @param spend each paid channel's spend [n]
 * @param spendTotal Σ spend
 * @param n number of paid channels
 * @example decompRssd(Float64Array.of(3, 1), Float64Array.of(1, 1), 2, 2) // √((0.75−0.5)² + (0.25−0.5)²) ≈ 0.354
 */
export function decompRssd(contrib: Float64Array, spend: Float64Array, spendTotal: number, n: number): number {
  let effTotal = 0;
  for (let c = 0; c < n; c++) effTotal += contrib[c];
  let rssd = 0;
  for (let c = 0; c < n; c++) {
    const eff = effTotal > 0 ? contrib[c] / effTotal : 0;
    const sp = spendTotal > 0 ? spend[c] / spendTotal : 0;
    rssd += (eff - sp) ** 2;
  }
  return Math.sqrt(rssd);
}

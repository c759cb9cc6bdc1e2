/** Where one stored posterior draw came from: its chain and its index among that chain's kept draws. */
export interface StoredDrawPosition {
  readonly chain: number;
  readonly draw: number;
}

/**
 * The positions of the draws a Bayesian fit stores (model.json bootstrapRoi / bootstrapCurves): `nStored`
 * draws spaced evenly over the chains' kept draws laid end to end (chain 0's, then chain 1's, …), each
 * at the middle of its share, so every chain gives the same number (± 1) and traces can be drawn per chain.
 * @param nStored draws stored, ≤ chains × draws
 * @param chains number of chains
 * @param draws kept draws per chain
 * @returns one position per stored draw, in storage order
 * @example storedDrawPositions(4, 2, 10) // [{chain 0, draw 2}, {0, 7}, {1, 2}, {1, 7}]
 */
export function storedDrawPositions(nStored: number, chains: number, draws: number): StoredDrawPosition[] {
  const total = chains * draws;
  return Array.from({ length: nStored }, (_, i) => {
    const j = Math.floor(((i + 0.5) * total) / nStored);
    return { chain: Math.floor(j / draws), draw: j % draws };
  });
}

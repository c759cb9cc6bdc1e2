import { cholesky } from '../../linalg/cholesky.ts';

/** The parts of a ridge fit that its marginal likelihood (fit/posterior/ridge-evidence.ts) needs. */
export interface EvidenceTerms {
  /** ‖ỹ − Z̃b‖² + n·λ·‖b‖² in standardised units (ỹ has unit variance). */
  readonly penalizedRss: number;
  /** log det(G/λ) over the live columns, G = Z̃ᵀZ̃/n + λI. */
  readonly logDetRatio: number;
  /** Number of live (non-constant) columns. */
  readonly nLive: number;
  /** Rows fitted. */
  readonly n: number;
}

/**
 * Evidence terms of a solved ridge problem: the penalised residual sum of squares and log det(G/λ)
 * restricted to the live columns (a dead column is an identity row of G and no parameter).
 * @param g G = Z̃ᵀZ̃/n + λI, row-major [p × p] (not modified)
 * @param b the standardised solution [p] (0 on dead columns)
 * @param live 1 for a live column [p]
 * @param p matrix order
 * @param lambda the ridge penalty λ > 0
 * @param rss ‖ỹ − Z̃b‖² on the n rows, standardised units
 * @param n rows fitted
 * @returns the terms; logDetRatio is NaN when G is not positive definite on the live columns
 * @example evidenceTerms(Float64Array.of(2), Float64Array.of(0.5), Uint8Array.of(1), 1, 1, 3, 10).logDetRatio // ln 2
 */
export function evidenceTerms(g: ArrayLike<number>, b: ArrayLike<number>, live: Uint8Array, p: number, lambda: number, rss: number, n: number): EvidenceTerms {
  const idx: number[] = [];
  let bb = 0;
  for (let j = 0; j < p; j++) if (live[j]) { idx.push(j); bb += b[j] * b[j]; }
  const m = idx.length;
  const sub = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let k = 0; k < m; k++) sub[i * m + k] = g[idx[i] * p + idx[k]];
  let logDet = 0; // an empty determinant is 1: with no live column the evidence is that of ỹ alone
  if (m > 0) {
    try {
      const l = cholesky(sub, m);
      for (let i = 0; i < m; i++) logDet += 2 * Math.log(l[i * m + i]);
    } catch {
      logDet = NaN; // not positive definite: no evidence for this candidate
    }
  }
  return { penalizedRss: rss + n * lambda * bb, logDetRatio: logDet - m * Math.log(lambda), nLive: m, n };
}

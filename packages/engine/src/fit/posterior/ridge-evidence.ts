import type { EvidenceTerms } from '../search/evidence-terms.ts';

/**
 * Log marginal likelihood (evidence) of a ridge regression, up to a constant, with the noise variance
 * at its maximum: y = Z̃b + e, e ~ N(0, σ²I), b ~ N(0, σ²/(nλ)·I) on the standardised design, so the
 * ridge solution is the posterior mode and
 *   log p(y | θ) = −(n/2)·log(‖ỹ − Z̃b̂‖² + nλ‖b̂‖²) − ½·log det(G/λ) + const,   G = Z̃ᵀZ̃/n + λI
 * (Bishop 2006, *Pattern Recognition and Machine Learning*, §3.5.1, eq. 3.86, with σ² maximised out;
 * MacKay 1992, "Bayesian interpolation"). Unlike the profile likelihood −(n/2)·log RSS, the
 * determinant is an Occam factor: hyperparameters that make the media columns more flexible, or λ
 * that makes the prior weaker, pay for it, so λ gets an interior optimum instead of its lower bound.
 * The box constraints (media b ≥ 0, signed controls) are treated as inactive in the determinant.
 * @param terms evidenceTerms of the fitted candidate
 * @returns the log evidence (−Infinity when it is undefined: zero fit error or a singular design)
 * @example ridgeLogEvidence({ penalizedRss: 1, logDetRatio: 0, nLive: 1, n: 10 }) // 0
 */
export function ridgeLogEvidence(terms: EvidenceTerms): number {
  const { penalizedRss, logDetRatio, n } = terms;
  if (!(penalizedRss > 0) || !Number.isFinite(logDetRatio)) return -Infinity;
  return -(n / 2) * Math.log(penalizedRss) - 0.5 * logDetRatio;
}

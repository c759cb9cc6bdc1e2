/**
 * A tunable kernel parameter: its name, the hyperparameter search bounds and how to search them.
 * `scale: 'log'` means the search samples log-uniformly between the bounds. lower == upper fixes the
 * parameter: its search coordinate stays in the space but every value of it decodes to that value.
 */
export interface ParamSpec {
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
  readonly scale: 'linear' | 'log';
  /** One line for docs and the model explorer. */
  readonly doc: string;
}

/** Map u ∈ [0,1] to the parameter's range (linear or log-uniform). */
export function fromUnit(p: ParamSpec, u: number): number {
  // Exactly the fixed value (exp(log(x)) can miss it by an ulp).
  if (p.upper === p.lower) return p.lower;
  const v = Math.min(1, Math.max(0, u));
  if (p.scale === 'log') return Math.exp(Math.log(p.lower) + v * (Math.log(p.upper) - Math.log(p.lower)));
  return p.lower + v * (p.upper - p.lower);
}

/**
 * Inverse of fromUnit, clamped to [0,1]. A fixed parameter (lower == upper: fromUnit gives that value
 * for every u) has no inverse; it maps to the middle, 0.5, rather than 0/0 = NaN.
 */
export function toUnit(p: ParamSpec, x: number): number {
  if (p.upper === p.lower) return 0.5;
  const u = p.scale === 'log'
    ? (Math.log(x) - Math.log(p.lower)) / (Math.log(p.upper) - Math.log(p.lower))
    : (x - p.lower) / (p.upper - p.lower);
  return Math.min(1, Math.max(0, u));
}

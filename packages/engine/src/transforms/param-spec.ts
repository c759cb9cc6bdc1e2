/**
 * A tunable kernel parameter: its name, the hyperparameter search bounds and how to search them.
 * `scale: 'log'` means the search samples log-uniformly between the bounds.
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
  const v = Math.min(1, Math.max(0, u));
  if (p.scale === 'log') return Math.exp(Math.log(p.lower) + v * (Math.log(p.upper) - Math.log(p.lower)));
  return p.lower + v * (p.upper - p.lower);
}

/** Inverse of fromUnit, clamped to [0,1]. */
export function toUnit(p: ParamSpec, x: number): number {
  const u = p.scale === 'log'
    ? (Math.log(x) - Math.log(p.lower)) / (Math.log(p.upper) - Math.log(p.lower))
    : (x - p.lower) / (p.upper - p.lower);
  return Math.min(1, Math.max(0, u));
}

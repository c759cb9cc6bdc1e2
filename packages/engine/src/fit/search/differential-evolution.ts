import type { Rng } from '../../random/rng.ts';
import { normal } from '../../random/distributions.ts';

/**
 * Adaptive differential evolution on the unit hypercube, in ask/tell form so that each generation's
 * candidates can be evaluated as one batch (in parallel workers) and the run stays bit-reproducible.
 *
 * Strategy: JADE's "DE/current-to-pbest/1/bin" with adaptive F and CR (Zhang & Sanderson 2009,
 * "JADE: Adaptive Differential Evolution With Optional External Archive", IEEE TEC 13(5)), without the
 * archive. Mutant v = x_i + F·(x_pbest − x_i) + F·(x_r1 − x_r2); binomial crossover with rate CR;
 * a coordinate that leaves [0, 1] is put halfway between the parent and the violated bound.
 * F ~ Cauchy(μF, 0.1) truncated to (0, 1], CR ~ N(μCR, 0.1) clipped to [0, 1]; after each generation
 * μCR ← (1−c)μCR + c·mean(successful CR), μF ← (1−c)μF + c·Lehmer-mean(successful F), c = 0.1.
 */
export interface DifferentialEvolution {
  readonly dim: number;
  readonly populationSize: number;
  /** Candidates to evaluate next, row-major [populationSize × dim] in [0, 1]. */
  ask(): Float64Array;
  /** Scalar fitness (lower is better; NaN counts as +∞) of the rows returned by the last ask(). */
  tell(fitness: Float64Array): void;
  /** Best point and fitness seen so far. */
  best(): { x: Float64Array; fitness: number };
}

export interface DifferentialEvolutionOptions {
  readonly dim: number;
  readonly populationSize: number;
  readonly rng: Rng;
  /** Share of the population counted as "p-best" (JADE's p); default 0.1. */
  readonly pBest?: number;
  /** Optional starting points (each length dim) placed in the first population. */
  readonly initial?: readonly ArrayLike<number>[];
}

/**
 * Create a DE optimizer. The first ask() returns a stratified random (Latin hypercube) population.
 * @example
 * const de = createDifferentialEvolution({ dim: 2, populationSize: 20, rng: createRng(1) });
 * for (let g = 0; g < 100; g++) { const x = de.ask(); de.tell(sphere(x)); }
 * de.best().fitness // ≈ 0 for the sphere function centred in the cube
 */
export function createDifferentialEvolution(options: DifferentialEvolutionOptions): DifferentialEvolution {
  const { dim, populationSize: np, rng } = options;
  const pBest = options.pBest ?? 0.1;
  const pop = new Float64Array(np * dim);
  const fit = new Float64Array(np).fill(Infinity);
  const trial = new Float64Array(np * dim);
  const trialF = new Float64Array(np);
  const trialCR = new Float64Array(np);
  let muF = 0.5, muCR = 0.5;
  let initialised = false;
  const bestX = new Float64Array(dim);
  let bestFit = Infinity;

  // Latin hypercube: each coordinate's np values fall one per stratum, in a random order.
  for (let d = 0; d < dim; d++) {
    const order = Array.from({ length: np }, (_, i) => i);
    for (let i = np - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      const t = order[i]; order[i] = order[j]; order[j] = t;
    }
    for (let i = 0; i < np; i++) pop[i * dim + d] = (order[i] + rng.next()) / np;
  }
  (options.initial ?? []).slice(0, np).forEach((x, i) => {
    for (let d = 0; d < dim; d++) pop[i * dim + d] = Math.min(1, Math.max(0, x[d]));
  });

  function cauchy(loc: number, scale: number): number {
    return loc + scale * Math.tan(Math.PI * (rng.next() - 0.5));
  }

  function ask(): Float64Array {
    if (!initialised) return pop.slice();
    const order = Array.from({ length: np }, (_, i) => i).sort((a, b) => fit[a] - fit[b] || a - b);
    const nTop = Math.max(2, Math.round(pBest * np));
    for (let i = 0; i < np; i++) {
      let f = 0;
      while (f <= 0) f = cauchy(muF, 0.1);
      f = Math.min(1, f);
      const cr = Math.min(1, Math.max(0, normal(rng, muCR, 0.1)));
      trialF[i] = f; trialCR[i] = cr;
      const pb = order[Math.floor(rng.next() * nTop)];
      let r1 = i, r2 = i;
      while (r1 === i) r1 = Math.floor(rng.next() * np);
      while (r2 === i || r2 === r1) r2 = Math.floor(rng.next() * np);
      const jRand = Math.floor(rng.next() * dim);
      for (let d = 0; d < dim; d++) {
        const xi = pop[i * dim + d];
        let v = xi;
        if (d === jRand || rng.next() < cr) {
          v = xi + f * (pop[pb * dim + d] - xi) + f * (pop[r1 * dim + d] - pop[r2 * dim + d]);
          if (v < 0) v = xi / 2;
          else if (v > 1) v = (xi + 1) / 2;
        }
        trial[i * dim + d] = v;
      }
    }
    return trial.slice();
  }

  function tell(fitness: Float64Array): void {
    if (!initialised) {
      for (let i = 0; i < np; i++) {
        fit[i] = Number.isNaN(fitness[i]) ? Infinity : fitness[i];
        if (fit[i] < bestFit) { bestFit = fit[i]; bestX.set(pop.subarray(i * dim, (i + 1) * dim)); }
      }
      initialised = true;
      return;
    }
    let sCR = 0, sF = 0, sF2 = 0, nOk = 0;
    for (let i = 0; i < np; i++) {
      const f = Number.isNaN(fitness[i]) ? Infinity : fitness[i];
      if (f <= fit[i]) {
        if (f < fit[i]) { sCR += trialCR[i]; sF += trialF[i]; sF2 += trialF[i] * trialF[i]; nOk++; }
        fit[i] = f;
        pop.set(trial.subarray(i * dim, (i + 1) * dim), i * dim);
        if (f < bestFit) { bestFit = f; bestX.set(pop.subarray(i * dim, (i + 1) * dim)); }
      }
    }
    if (nOk > 0) {
      muCR = 0.9 * muCR + 0.1 * (sCR / nOk);
      muF = 0.9 * muF + 0.1 * (sF2 / sF);
    }
  }

  return { dim, populationSize: np, ask, tell, best: () => ({ x: bestX.slice(), fitness: bestFit }) };
}

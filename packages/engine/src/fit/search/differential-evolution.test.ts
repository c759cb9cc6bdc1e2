import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDifferentialEvolution } from './differential-evolution.ts';
import { createRng } from '../../random/rng.ts';

function run(f: (x: Float64Array) => number, dim: number, generations: number, seed: number) {
  const de = createDifferentialEvolution({ dim, populationSize: 30, rng: createRng(seed) });
  for (let g = 0; g < generations; g++) {
    const pop = de.ask();
    const fit = new Float64Array(30);
    for (let i = 0; i < 30; i++) fit[i] = f(pop.subarray(i * dim, (i + 1) * dim));
    de.tell(fit);
  }
  return de.best();
}

// Sphere centred at 0.3 in every coordinate: minimum 0 there.
const sphere = (x: Float64Array) => x.reduce((s, v) => s + (v - 0.3) ** 2, 0);
// Rosenbrock mapped from [0,1] to [-2, 2]: minimum 0 at u = 0.75 (x = 1).
const rosenbrock = (u: Float64Array) => {
  let s = 0;
  for (let i = 0; i + 1 < u.length; i++) {
    const x = 4 * u[i] - 2, y = 4 * u[i + 1] - 2;
    s += 100 * (y - x * x) ** 2 + (1 - x) ** 2;
  }
  return s;
};

test('DE finds the minimum of a 10-d sphere', () => {
  const best = run(sphere, 10, 300, 1);
  assert.ok(best.fitness < 1e-8, `fitness ${best.fitness}`);
  for (const v of best.x) assert.ok(Math.abs(v - 0.3) < 1e-4);
});

test('DE solves 4-d Rosenbrock', () => {
  const best = run(rosenbrock, 4, 600, 2);
  assert.ok(best.fitness < 1e-4, `fitness ${best.fitness}`);
  for (const v of best.x) assert.ok(Math.abs(v - 0.75) < 0.01);
});

test('DE keeps candidates in the unit cube', () => {
  const de = createDifferentialEvolution({ dim: 3, populationSize: 20, rng: createRng(5) });
  for (let g = 0; g < 50; g++) {
    const pop = de.ask();
    for (const v of pop) assert.ok(v >= 0 && v <= 1);
    // Fitness pulls toward a corner to push the mutants out of the box.
    de.tell(Float64Array.from({ length: 20 }, (_, i) => -pop[i * 3] - pop[i * 3 + 1] - pop[i * 3 + 2]));
  }
});

test('DE is reproducible for a seed and differs across seeds', () => {
  const a = run(sphere, 5, 20, 9), b = run(sphere, 5, 20, 9), c = run(sphere, 5, 20, 10);
  assert.deepEqual(Array.from(a.x), Array.from(b.x));
  assert.notDeepEqual(Array.from(a.x), Array.from(c.x));
});

test('DE treats NaN fitness as worst', () => {
  const de = createDifferentialEvolution({ dim: 2, populationSize: 10, rng: createRng(1) });
  const pop = de.ask();
  de.tell(Float64Array.from({ length: 10 }, (_, i) => (i === 0 ? NaN : sphere(pop.subarray(i * 2, i * 2 + 2)))));
  assert.ok(Number.isFinite(de.best().fitness));
});

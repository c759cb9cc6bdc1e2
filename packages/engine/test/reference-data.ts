/**
 * Shared test data for the stats tests, reproduced exactly in python3 for their reference values:
 * Park & Miller (1988) minimal standard generator s ← 48271·s mod (2³¹ − 1), u = s / (2³¹ − 1)
 * (exact in doubles), then Box–Muller pairs for normals. The python side:
 *   M = 2147483647
 *   def lehmer(seed, n):
 *       s, out = seed, []
 *       for _ in range(n):
 *           s = (48271 * s) % M
 *           out.append(s / M)
 *       return np.array(out)
 *   def normals(seed, n):
 *       u = lehmer(seed, 2 * n)
 *       return np.sqrt(-2 * np.log(u[0::2])) * np.cos(2 * np.pi * u[1::2])
 */
import assert from 'node:assert/strict';

/** The Park–Miller modulus 2³¹ − 1. */
const M = 2147483647;

/**
 * `n` Park–Miller uniforms in (0, 1) from `seed` (the seed itself is not returned).
 * @example lehmer(1, 1) // [48271 / 2147483647]
 */
export function lehmer(seed: number, n: number): number[] {
  const out: number[] = [];
  let s = seed;
  for (let i = 0; i < n; i++) { s = (48271 * s) % M; out.push(s / M); }
  return out;
}

/**
 * `n` standard normals by Box–Muller (cosine branch) from the uniforms `lehmer(seed, 2n)`.
 * @example normals(12345, 1)[0] // ≈ −0.24467609 (NORMAL200[0])
 */
export function normals(seed: number, n: number): number[] {
  const u = lehmer(seed, 2 * n);
  return Array.from({ length: n }, (_, i) => Math.sqrt(-2 * Math.log(u[2 * i])) * Math.cos(2 * Math.PI * u[2 * i + 1]));
}

/**
 * AR(1) series x[t] = phi·x[t−1] + z[t] with x[−1] = 0.
 * @example ar1([1, 1], 0.5) // [1, 1.5]
 */
export function ar1(z: number[], phi = 0.6): number[] {
  let prev = 0;
  return z.map((v) => (prev = phi * prev + v));
}

/** Ten hand-typed values. */
export const SMALL = [4.2, 3.9, 5.1, 6.3, 4.8, 5.5, 3.7, 4.4, 7.9, 5.0];
/** normals(12345, 200). */
export const NORMAL200 = normals(12345, 200);
/** Standard exponentials −ln(u) from lehmer(777, 60). */
export const SKEWED60 = lehmer(777, 60).map((u) => -Math.log(u));
/** Log-normals exp(0.5·z), z = normals(4242, 25). */
export const LOGNORM25 = normals(4242, 25).map((z) => Math.exp(0.5 * z));
/** ar1(normals(999, 200)) with phi = 0.6. */
export const AR200 = ar1(normals(999, 200));

/**
 * Assert |got − expected| ≤ rel·|expected|, naming `label` in the failure message.
 * @example close(1 + 1e-12, 1, 1e-9, 'x') // passes
 */
export function close(got: number, expected: number, rel: number, label: string): void {
  assert.ok(Math.abs(got - expected) <= rel * Math.abs(expected), `${label}: ${got} vs ${expected}`);
}

/**
 * Seeded pseudo-random numbers. The engine never calls Math.random, so the same seed gives
 * bit-identical results on every platform.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counter, PractRand-tested), seeded through
 * splitmix32 so that nearby integer seeds give unrelated streams.
 */
export interface Rng {
  /** Uniform on [0, 1) with 32 bits of resolution. */
  next(): number;
  /** A new independent generator derived from this one (for per-worker or per-chain streams). */
  fork(): Rng;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Create a seeded generator.
 * @param seed any integer (fractions are truncated)
 * @example const r = createRng(42); r.next(); // same value on every run
 */
export function createRng(seed: number): Rng {
  const init = splitmix32(Math.trunc(seed) ^ 0x5bd1e995);
  let a = init(), b = init(), c = init(), d = init();
  const next = (): number => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    fork: () => createRng(Math.floor(next() * 4294967296) ^ Math.floor(next() * 65536)),
  };
}

import { createRng } from '../random/rng.ts';
import type { Rng } from '../random/rng.ts';

/**
 * A generator for a named side stream of a seed (e.g. the B2B breakdown or the e-commerce order
 * counts), independent of the main simulation stream: createRng(FNV-1a hash of "seed:label")
 * (Fowler–Noll–Vo, 32-bit FNV-1a). Adding a side stream never changes the main data.
 * @param seed the simulation seed
 * @param label the stream's name
 * @example derivedRng(1, 'breakdown').next() === derivedRng(1, 'breakdown').next() // true
 */
export function derivedRng(seed: number, label: string): Rng {
  const text = `${Math.trunc(seed)}:${label}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return createRng(h | 0);
}

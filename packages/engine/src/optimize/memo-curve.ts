import type { Curve } from './curve.ts';

/** Slots of a memo's hash table (a power of two, small enough to stay in cache); it starts afresh when half are taken. */
const SLOTS = 1 << 12;
const MASK = SLOTS - 1;

/**
 * A curve that remembers its value, slope and curvature at every spend it was asked about, for
 * callers that solve many budget problems on the same curves (informationValue re-solves the budget
 * problem (channels + 1) × replicates times with most channels on the same mixture curves, and each
 * solve asks again about the same lattice points, bounds and Newton iterates). The answers are the
 * wrapped curve's own, so results are bit-identical; only repeated evaluations are saved. The memo is
 * a small open-addressing hash table on the bits of x (linear probing), cleared when half full.
 * @param curve the curve to wrap (a pure function of x)
 * @example memoCurve(mixture).d1(x) // mixture.d1(x), computed once per distinct x
 */
export function memoCurve(curve: Curve): Curve {
  // Slot i holds x at 4i and its value, d1, d2 at 4i + 1..3 (NaN: not asked yet); NaN x: empty slot.
  const table = new Float64Array(4 * SLOTS).fill(NaN);
  const bits = new Float64Array(1), words = new Int32Array(bits.buffer);
  let used = 0;
  /** The slot of x: where it is, or the empty slot where it goes. */
  const slotOf = (x: number): number => {
    bits[0] = x;
    let i = (Math.imul(words[0], 0x9e3779b1) ^ Math.imul(words[1] ^ (words[1] >>> 15), 0x85ebca77)) >>> 0;
    i = (i ^ (i >>> 16)) & MASK;
    for (;;) {
      const k = table[4 * i];
      if (k === x || k !== k) return i;
      i = (i + 1) & MASK;
    }
  };
  const memo = (at: number, f: (x: number) => number) => (x: number): number => {
    if (x !== x) return f(x);
    let i = slotOf(x);
    if (table[4 * i] === x) {
      const hit = table[4 * i + at];
      if (hit === hit) return hit;
    } else {
      if (used >= SLOTS >>> 1) { table.fill(NaN); used = 0; i = slotOf(x); }
      table[4 * i] = x;
      used++;
    }
    const v = f(x);
    table[4 * i + at] = v;
    return v;
  };
  return {
    value: memo(1, (x) => curve.value(x)), d1: memo(2, (x) => curve.d1(x)), d2: memo(3, (x) => curve.d2(x)),
    inflection: curve.inflection,
    ...(curve.convexConcave === undefined ? {} : { convexConcave: curve.convexConcave }),
  };
}

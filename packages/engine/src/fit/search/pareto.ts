/**
 * Multi-objective utilities for the hyperparameter search. Every objective is MINIMISED; a set of
 * candidates is a row-major Float64Array [n × m] (row i = objectives of candidate i, e.g.
 * NRMSE and DECOMP.RSSD). NaN objectives (a failed fit) count as +Infinity, i.e. the worst value.
 */
import { EngineError } from '../../errors.ts';

/** NaN → +Infinity, so a failed objective never looks good. */
function worstIfNaN(v: number): number {
  return v !== v ? Infinity : v;
}

/**
 * Pareto dominance for minimisation (Deb et al. 2002, "A fast and elitist multiobjective genetic
 * algorithm: NSGA-II", IEEE Trans. Evol. Comput. 6(2), §III-A): `a` dominates `b` when it is no
 * worse in every objective and strictly better in at least one. NaN counts as +Infinity.
 * @param a objectives of one candidate, length m
 * @param b objectives of another candidate, length m
 * @returns true when a dominates b (false for identical vectors)
 * @throws EngineError('SHAPE_MISMATCH') when the lengths differ
 * @example dominates([1, 2], [1, 3]) // true ; dominates([1, 3], [2, 2]) // false
 */
export function dominates(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) throw new EngineError('SHAPE_MISMATCH', `dominates: lengths differ (${a.length} vs ${b.length})`);
  let strictly = false;
  for (let j = 0; j < a.length; j++) {
    const x = worstIfNaN(a[j]), y = worstIfNaN(b[j]);
    if (x > y) return false;
    if (x < y) strictly = true;
  }
  return strictly;
}

function checkShape(objectives: ArrayLike<number>, n: number, m: number): void {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(m) || m < 1) {
    throw new EngineError('INVALID_ARGUMENT', `need integers n ≥ 0 and m ≥ 1 (n = ${n}, m = ${m})`);
  }
  if (objectives.length !== n * m) {
    throw new EngineError('SHAPE_MISMATCH', `objectives [n × m]: expected ${n * m} entries, got ${objectives.length}`);
  }
}

/**
 * Non-domination rank of every candidate: rank 0 is the Pareto front (dominated by nobody), rank 1
 * is the front once rank 0 is removed, and so on — the front numbering of NSGA-II's fast
 * non-dominated sort (Deb et al. 2002, §III-A). NaN objectives count as +Infinity; identical rows
 * share a rank.
 *
 * The ranks are identical to Deb's algorithm, but they are computed with the Efficient
 * Non-domination Sort with binary search (ENS-BS; Zhang, Tian, Cheng & Jin 2015, "An efficient
 * approach to non-dominated sorting for evolutionary multi-objective optimization", IEEE Trans.
 * Evol. Comput. 19(2)): rows are visited in lexicographic order, so no later row can dominate an
 * earlier one, and each row is placed in the first front none of whose members dominates it
 * (found by binary search, since "dominated by a member of front k" is monotone in k). This needs
 * O(n) memory instead of Deb's O(n²) domination lists, which matters for tens of thousands of
 * candidates; the worst case stays O(m·n²) comparisons.
 * @param objectives row-major [n × m], all minimised
 * @param n number of candidates
 * @param m number of objectives
 * @returns Int32Array [n] of front ranks (0 = Pareto front)
 * @throws EngineError('SHAPE_MISMATCH') when objectives.length ≠ n·m; EngineError('INVALID_ARGUMENT') on bad n, m
 * @example nonDominatedSort(Float64Array.of(1, 4, 2, 2, 3, 3, 4, 1, 2, 5), 5, 2) // Int32Array [0, 0, 1, 0, 1]
 */
export function nonDominatedSort(objectives: ArrayLike<number>, n: number, m: number): Int32Array {
  checkShape(objectives, n, m);
  const obj = new Float64Array(n * m);
  for (let k = 0; k < n * m; k++) obj[k] = worstIfNaN(objectives[k]);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((p, q) => {
    const rp = p * m, rq = q * m;
    for (let j = 0; j < m; j++) {
      const d = obj[rp + j] - obj[rq + j];
      if (d < 0) return -1;
      if (d > 0) return 1;
      // equal values (including Infinity = Infinity, where d is NaN) fall through to the next objective
    }
    return p - q;
  });

  /** Does row t dominate row s, given that t comes no later than s in lexicographic order? */
  const dominatesLater = (t: number, s: number): boolean => {
    const rt = t * m, rs = s * m;
    let strictly = false;
    for (let j = 0; j < m; j++) {
      const x = obj[rt + j], y = obj[rs + j];
      if (x > y) return false;
      if (x < y) strictly = true;
    }
    return strictly;
  };
  const dominatedByFront = (front: number[], s: number): boolean => {
    for (let i = front.length - 1; i >= 0; i--) if (dominatesLater(front[i], s)) return true;
    return false;
  };

  const rank = new Int32Array(n);
  const fronts: number[][] = [];
  for (let idx = 0; idx < n; idx++) {
    const s = order[idx];
    let lo = 0, hi = fronts.length; // answer in [lo, hi]; hi = a new front
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (dominatedByFront(fronts[mid], s)) lo = mid + 1;
      else hi = mid;
    }
    if (lo === fronts.length) fronts.push([]);
    fronts[lo].push(s);
    rank[s] = lo;
  }
  return rank;
}

/**
 * Indices of the Pareto-optimal (rank-0, non-dominated) candidates, in increasing order.
 * See {@link nonDominatedSort}; NaN objectives count as +Infinity.
 * @param objectives row-major [n × m], all minimised
 * @param n number of candidates
 * @param m number of objectives
 * @returns Int32Array of row indices on the Pareto front (empty only when n = 0)
 * @throws EngineError('SHAPE_MISMATCH') when objectives.length ≠ n·m
 * @example paretoFront(Float64Array.of(1, 4, 2, 2, 3, 3, 4, 1, 2, 5), 5, 2) // Int32Array [0, 1, 3]
 */
export function paretoFront(objectives: ArrayLike<number>, n: number, m: number): Int32Array {
  const rank = nonDominatedSort(objectives, n, m);
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (rank[i] === 0) out.push(i);
  return Int32Array.from(out);
}

/**
 * NSGA-II crowding distance of each candidate within a set, usually one front (Deb et al. 2002,
 * §III-B): per objective, sort the set, give the two extremes +Infinity, and add to every interior
 * point the gap between its two neighbours divided by the objective's range (max − min) in the set.
 * Larger means more isolated, i.e. more worth keeping for diversity. Sets of one or two points get
 * +Infinity for every point.
 *
 * NaN counts as +Infinity; the range is taken over the finite values, a point whose neighbour
 * is +Infinity gets +Infinity, and an objective with zero range adds nothing. Ties are broken by
 * row index, so the result is deterministic.
 * @param objectives row-major [n × m], all minimised
 * @param indices the rows forming the set (e.g. paretoFront(...)), length k
 * @param m number of objectives
 * @returns Float64Array [k], distance of indices[i] at position i
 * @throws EngineError('INVALID_ARGUMENT') when an index is out of range or m < 1
 * @example crowdingDistance(Float64Array.of(0, 4, 1, 2, 2, 1, 4, 0), [0, 1, 2, 3], 2)
 *   // Float64Array [Infinity, 1.25, 1.25, Infinity] ((2 − 0)/4 + (4 − 1)/4 for the second point)
 */
export function crowdingDistance(objectives: ArrayLike<number>, indices: ArrayLike<number>, m: number): Float64Array {
  if (!Number.isInteger(m) || m < 1 || objectives.length % m !== 0) {
    throw new EngineError('INVALID_ARGUMENT', `crowdingDistance: objectives.length must be a multiple of m = ${m}`);
  }
  const n = objectives.length / m;
  const k = indices.length;
  for (let i = 0; i < k; i++) {
    const r = indices[i];
    if (!Number.isInteger(r) || r < 0 || r >= n) {
      throw new EngineError('INVALID_ARGUMENT', `crowdingDistance: index ${r} is not a row of the ${n} candidates`);
    }
  }
  const dist = new Float64Array(k);
  if (k <= 2) return dist.fill(Infinity);
  const values = new Float64Array(k);
  const pos = new Int32Array(k);
  for (let j = 0; j < m; j++) {
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < k; i++) {
      const v = worstIfNaN(objectives[indices[i] * m + j]);
      values[i] = v;
      pos[i] = i;
      if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
    }
    pos.sort((p, q) => (values[p] < values[q] ? -1 : values[p] > values[q] ? 1 : indices[p] - indices[q]));
    dist[pos[0]] = Infinity;
    dist[pos[k - 1]] = Infinity;
    const range = hi - lo;
    for (let i = 1; i < k - 1; i++) {
      let gap = values[pos[i + 1]] - values[pos[i - 1]];
      if (gap !== gap) gap = 0; // both neighbours at +Infinity
      if (gap === 0) continue;
      dist[pos[i]] += range > 0 ? gap / range : Infinity;
    }
  }
  return dist;
}

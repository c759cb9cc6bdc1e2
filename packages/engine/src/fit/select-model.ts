import type { SearchResult } from './search/run-search.ts';

/** The documented default rule, stored in model.json. */
export const SELECTION_RULE =
  'lowest weighted score Σ w·objective (weights in spec.search.weights) among all candidates; ties broken by evaluation order';

/**
 * Index of the default model among the search's candidates (see SELECTION_RULE).
 * @example selectModel(result) // index into result.params rows
 */
export function selectModel(result: SearchResult): number {
  let best = -1;
  let bestScore = Infinity;
  for (let i = 0; i < result.nCandidates; i++) {
    const s = result.scores[i];
    if (s < bestScore) { bestScore = s; best = i; }
  }
  return best < 0 ? 0 : best;
}

/**
 * Indices of the best `k` candidates by score that differ from each other (duplicates, which DE
 * produces when a point survives many generations, are skipped).
 */
export function topCandidates(result: SearchResult, k: number): number[] {
  const order = Array.from({ length: result.nCandidates }, (_, i) => i)
    .filter((i) => Number.isFinite(result.scores[i]))
    .sort((a, b) => result.scores[a] - result.scores[b] || a - b);
  const out: number[] = [];
  let last = NaN;
  for (const i of order) {
    if (result.scores[i] === last) continue;
    last = result.scores[i];
    out.push(i);
    if (out.length >= k) break;
  }
  return out;
}

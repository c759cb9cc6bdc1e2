/**
 * Deterministic vertical nudges for point labels that would print over each other. ECharts'
 * labelLayout moveOverlap cannot do it here: it keeps a label attached to its point (position
 * 'right') in place, and with free labels it shifts every label of the chart along y, near or not.
 * So points that sit together (within `near` of each other on both axes, transitively) form a
 * cluster, and the labels of a cluster are spread `step` px apart around their points, the highest
 * point's label on top. Offsets are plain numbers: the spec stays JSON and renders the same on the
 * server (report SVG) and in the browser.
 * @param points [x, y] of each labelled point, in data units
 * @param near how close counts as together, per axis, in data units
 * @param step px between neighbouring labels of a cluster (default 14, one 12 px line and a gap)
 * @returns the label's y offset in px per point (positive is down; 0 for a point alone)
 * @example labelNudges([[1, 1], [1, 1.01], [5, 5]], { x: 0.1, y: 0.1 }) // [7, -7, 0]
 */
export function labelNudges(points: readonly (readonly [number, number])[], near: { readonly x: number; readonly y: number }, step = 14): number[] {
  const n = points.length;
  const root = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i])));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const [a, b] = [points[i], points[j]];
      if (Math.abs(a[0] - b[0]) <= near.x && Math.abs(a[1] - b[1]) <= near.y) root[find(i)] = find(j);
    }
  }
  const offsets = new Array<number>(n).fill(0);
  const clusters = new Map<number, number[]>();
  for (let i = 0; i < n; i++) clusters.set(find(i), [...(clusters.get(find(i)) ?? []), i]);
  for (const members of clusters.values()) {
    if (members.length < 2) continue;
    // Highest value first (top of the screen), ties in input order, so the result never depends on sorting luck.
    members.sort((i, j) => points[j][1] - points[i][1] || i - j);
    members.forEach((i, k) => { offsets[i] = (k - (members.length - 1) / 2) * step; });
  }
  return offsets;
}

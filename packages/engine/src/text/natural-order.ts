/**
 * Compares two names in natural order: runs of digits by their number, the rest as text, so Geo2
 * comes before Geo10 and DMA 501 before 5010 (plain text order puts Geo10 between Geo1 and Geo2,
 * which reads as a shuffled list). Written out rather than Intl.Collator so the order does not
 * depend on the locale or ICU build; names equal in natural order (Geo01, Geo1) fall back to text order.
 * @example ['Geo10', 'Geo2', 'Geo1'].sort(naturalCompare) // ['Geo1', 'Geo2', 'Geo10']
 */
export function naturalCompare(a: string, b: string): number {
  const xs = a.match(/\d+|\D+/g) ?? [];
  const ys = b.match(/\d+|\D+/g) ?? [];
  for (let k = 0; k < Math.min(xs.length, ys.length); k++) {
    const x = xs[k];
    const y = ys[k];
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const p = x.replace(/^0+(?=\d)/, '');
      const q = y.replace(/^0+(?=\d)/, '');
      if (p.length !== q.length) return p.length - q.length;
      if (p !== q) return p < q ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  if (xs.length !== ys.length) return xs.length - ys.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

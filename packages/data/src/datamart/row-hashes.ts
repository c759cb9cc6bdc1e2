/**
 * The data rows' hashes of a streaming source scan (source-scan.ts), for exact duplicate rows: the
 * lines whose hash another line shares are the candidates DuckDB compares cell by cell.
 */
export class RowHashes {
  private hashes = new Float64Array(0);
  private lines = new Int32Array(0);

  /** Records data row `index`'s hash (53 bits, see hash53) and its file line; a row never set reads as hash 0, line 0. */
  set(index: number, hash: number, line: number): void {
    while (index >= this.hashes.length) {
      const size = Math.max(1024, this.hashes.length * 2);
      this.hashes = grow(this.hashes, new Float64Array(size));
      this.lines = grow(this.lines, new Int32Array(size));
    }
    this.hashes[index] = hash;
    this.lines[index] = line;
  }

  /**
   * The lines of the first `rows` data rows whose hash another row shares (exact duplicates and,
   * rarely, collisions), in file order. Rows are bucketed by their hash's low bits (a counting sort) and compared within a bucket: linear
   * time, where sorting ten million hashes took about a second.
   */
  candidates(rows: number): number[] {
    const n = Math.min(rows, this.hashes.length);
    const hashes = this.hashes;
    const bits = Math.min(22, Math.max(4, Math.ceil(Math.log2(n + 1))));
    const mask = 2 ** bits - 1;
    const starts = new Int32Array(mask + 2);
    for (let i = 0; i < n; i++) starts[((hashes[i] >>> 0) & mask) + 1]++;
    for (let b = 1; b < starts.length; b++) starts[b] += starts[b - 1];
    const order = new Int32Array(n);
    const fill = starts.slice(0, mask + 1);
    for (let i = 0; i < n; i++) order[fill[(hashes[i] >>> 0) & mask]++] = i;
    const repeated = new Uint8Array(n);
    for (let b = 0; b <= mask; b++) {
      const from = starts[b], to = starts[b + 1];
      if (to - from < 2) continue;
      if (to - from <= 8) {
        for (let x = from; x < to; x++) {
          for (let y = x + 1; y < to; y++) {
            if (hashes[order[x]] === hashes[order[y]]) repeated[order[x]] = repeated[order[y]] = 1;
          }
        }
      } else {
        // A crowded bucket (many copies of one row): count its hashes instead of comparing pairs.
        const counts = new Map<number, number>();
        for (let x = from; x < to; x++) counts.set(hashes[order[x]], (counts.get(hashes[order[x]]) ?? 0) + 1);
        for (let x = from; x < to; x++) if ((counts.get(hashes[order[x]]) ?? 0) > 1) repeated[order[x]] = 1;
      }
    }
    const out: number[] = [];
    for (let i = 0; i < n; i++) if (repeated[i] === 1) out.push(this.lines[i]);
    return out;
  }
}

function grow<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

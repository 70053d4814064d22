/**
 * Average-linkage (UPGMA) agglomerative clustering of a dense dissimilarity matrix by the nearest-neighbour chain
 * algorithm (Murtagh 1983, "A survey of recent advances in hierarchical clustering algorithms", Comput. J. 26;
 * Müllner 2011, "Modern hierarchical, agglomerative clustering algorithms", arXiv:1109.2378): O(S²) time and
 * memory with Lance–Williams updates. Average linkage is reducible, so the chain's merges sorted by height form
 * the same dendrogram as the textbook algorithm; `cutAverageLinkage` replays them lowest first and cuts where k
 * clusters remain — or, with `minClusterSize` > 1, at the coarsest level that still has k clusters of at least
 * that size, so a few outliers (which average linkage on co-association data leaves as singletons until the very
 * top) do not take the place of real clusters; the caller decides what to do with the small ones.
 */
export function cutAverageLinkage(distances: Float64Array | Float32Array, size: number, k: number, minClusterSize = 1): Int32Array {
  const s = size;
  const d = Float64Array.from(distances);
  const members = new Float64Array(s).fill(1);
  const active = new Uint8Array(s).fill(1);
  const merges: [number, number, number][] = [];
  const chain: number[] = [];
  let remaining = s;
  while (remaining > 1) {
    if (chain.length === 0) {
      let first = 0;
      while (active[first] === 0) first++;
      chain.push(first);
    }
    const a = chain[chain.length - 1] ?? 0;
    const previous = chain.length > 1 ? (chain[chain.length - 2] ?? -1) : -1;
    let nearest = previous;
    let best = previous >= 0 ? (d[a * s + previous] ?? Infinity) : Infinity;
    for (let b = 0; b < s; b++) {
      if (b === a || active[b] === 0) continue;
      const value = d[a * s + b] ?? Infinity;
      if (value < best) {
        best = value;
        nearest = b;
      }
    }
    if (nearest === previous && previous >= 0) {
      chain.pop();
      chain.pop();
      // Merge a and previous into the lower index; Lance–Williams update for average linkage.
      const keep = Math.min(a, previous);
      const drop = Math.max(a, previous);
      merges.push([keep, drop, best]);
      const na = members[keep] ?? 1;
      const nb = members[drop] ?? 1;
      for (let c = 0; c < s; c++) {
        if (active[c] === 0 || c === keep || c === drop) continue;
        const value = ((d[keep * s + c] ?? 0) * na + (d[drop * s + c] ?? 0) * nb) / (na + nb);
        d[keep * s + c] = value;
        d[c * s + keep] = value;
      }
      members[keep] = na + nb;
      active[drop] = 0;
      remaining--;
    } else chain.push(nearest);
  }
  // Replay the merges lowest first, stopping at k clusters (union–find over original indices).
  const order = merges.map((merge, index) => ({ merge, index })).sort((x, y) => x.merge[2] - y.merge[2] || x.index - y.index);
  const parent = Int32Array.from({ length: s }, (_, i) => i);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root] ?? root;
    while (parent[x] !== root) {
      const next = parent[x] ?? root;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  // Replay once to find the step to stop at: the last one at which at least k clusters have minClusterSize members.
  const sizes = new Float64Array(s).fill(1);
  let big = minClusterSize <= 1 ? s : 0;
  let stopAfter = 0;
  let clusters = s;
  if (clusters <= k || big >= k) stopAfter = 0;
  let step = 0;
  for (const { merge } of order) {
    const ra = find(merge[0]);
    const rb = find(merge[1]);
    if (ra === rb) continue;
    const before = ((sizes[ra] ?? 0) >= minClusterSize ? 1 : 0) + ((sizes[rb] ?? 0) >= minClusterSize ? 1 : 0);
    parent[rb] = ra;
    sizes[ra] = (sizes[ra] ?? 0) + (sizes[rb] ?? 0);
    big += ((sizes[ra] ?? 0) >= minClusterSize ? 1 : 0) - before;
    clusters--;
    step++;
    if (clusters >= k && big >= k) stopAfter = step;
    if (clusters < k) break;
  }
  // Replay again up to that step.
  for (let i = 0; i < s; i++) parent[i] = i;
  step = 0;
  for (const { merge } of order) {
    if (step >= stopAfter) break;
    const ra = find(merge[0]);
    const rb = find(merge[1]);
    if (ra === rb) continue;
    parent[rb] = ra;
    step++;
  }
  return Int32Array.from({ length: s }, (_, i) => find(i));
}

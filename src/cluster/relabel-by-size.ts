/**
 * Turns any community labelling into dense 0-based ids ordered by size, largest first; ties go to the community
 * whose first member comes first, so the same partition always gets the same ids.
 */
export function relabelBySize(membership: ArrayLike<number>, sizeOf?: (member: number) => number): { membership: Int32Array; count: number } {
  const n = membership.length;
  const sizes = new Map<number, number>();
  const first = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = membership[i] ?? 0;
    sizes.set(c, (sizes.get(c) ?? 0) + (sizeOf ? sizeOf(i) : 1));
    if (!first.has(c)) first.set(c, i);
  }
  const order = [...sizes.keys()].sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0) || (first.get(a) ?? 0) - (first.get(b) ?? 0));
  const dense = new Map(order.map((c, position) => [c, position]));
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = dense.get(membership[i] ?? 0) ?? 0;
  return { membership: out, count: order.length };
}

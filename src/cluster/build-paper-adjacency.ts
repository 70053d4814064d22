/**
 * The paper similarity graph as a compact index over paper rows (CSR: offsets + neighbour rows + weights), built
 * once per detectThemes call. Paper-theme assignment (assign-papers-to-paper-communities.ts) runs after every
 * Louvain/Leiden run — reference, consensus, stability and resolution re-runs — and walking the graphology graph
 * with a Map lookup per edge each time was one of the Map-heavy loops of the themes stage at large N; over this
 * index it is a loop over integers (as graphology's own heavy algorithms do).
 *
 * Each row's edges are listed in graphology's order for that node (`graph.forEachEdge(node)`), so a sum over them
 * adds up in the same order as a walk of the graph does, bit for bit. A neighbour that is not one of `paperIds`
 * is stored as -1 (it still counts in the row's weights).
 */
import type { AbstractGraph } from 'graphology-types';

export interface PaperAdjacency {
  /** Row of each paper id (the order of `paperIds`). */
  rowOf: ReadonlyMap<string, number>;
  /** `offsets[i]..offsets[i+1]` index `neighbors` and `weights` for row i. */
  offsets: Uint32Array;
  /** Neighbour row of each edge end, -1 for a node that is not a paper. */
  neighbors: Int32Array;
  /** Edge weight (the `weight` attribute, 1 when it is not a number). */
  weights: Float64Array;
}

export function buildPaperAdjacency(paperIds: readonly string[], graph: AbstractGraph): PaperAdjacency {
  const n = paperIds.length;
  const rowOf = new Map(paperIds.map((id, i) => [id, i]));
  const offsets = new Uint32Array(n + 1);
  const neighbors: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < n; i++) {
    const id = paperIds[i]!;
    if (graph.hasNode(id)) {
      graph.forEachEdge(id, (_edge, attributes, source, target) => {
        neighbors.push(rowOf.get(source === id ? target : source) ?? -1);
        weights.push(typeof attributes.weight === 'number' ? attributes.weight : 1);
      });
    }
    offsets[i + 1] = neighbors.length;
  }
  return { rowOf, offsets, neighbors: Int32Array.from(neighbors), weights: Float64Array.from(weights) };
}

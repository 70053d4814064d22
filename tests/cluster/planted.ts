/** Test fixtures: planted-partition graphs and point clouds, seeded. */
import Graph from 'graphology';
import { createRandom } from '../../src/core/random.ts';

/** `groups` groups of `size` nodes; edge inside a group with probability pIn, between groups with pOut; weights 1..3. */
export function plantedGraph(groups: number, size: number, pIn: number, pOut: number, seed = 7): { graph: Graph; truth: Map<string, number> } {
  const random = createRandom(seed);
  const graph = new Graph({ type: 'undirected' });
  const truth = new Map<string, number>();
  const n = groups * size;
  for (let i = 0; i < n; i++) {
    graph.addNode(`n${i}`);
    truth.set(`n${i}`, Math.floor(i / size));
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const same = Math.floor(i / size) === Math.floor(j / size);
      if (random() < (same ? pIn : pOut)) graph.addEdge(`n${i}`, `n${j}`, { weight: 1 + Math.floor(random() * 3) });
    }
  }
  return { graph, truth };
}

/** Independent modularity: the textbook double sum over node pairs, straight from the graph. */
export function naiveModularity(graph: Graph, community: (node: string) => number, resolution = 1): number {
  const nodes = graph.nodes();
  const strength = new Map<string, number>();
  let twiceM = 0;
  for (const node of nodes) {
    let s = 0;
    graph.forEachEdge(node, (_e, attributes) => {
      s += (attributes.weight as number | undefined) ?? 1;
    });
    strength.set(node, s);
    twiceM += s;
  }
  if (twiceM === 0) return 0;
  let q = 0;
  for (const a of nodes) {
    for (const b of nodes) {
      if (community(a) !== community(b)) continue;
      const edge = a === b ? undefined : graph.edge(a, b);
      const weight = edge === undefined ? 0 : ((graph.getEdgeAttribute(edge, 'weight') as number | undefined) ?? 1);
      q += weight - (resolution * (strength.get(a) ?? 0) * (strength.get(b) ?? 0)) / twiceM;
    }
  }
  return q / twiceM;
}

/** Points around `groups` well-separated random directions in `dimensions` dims. */
export function plantedPoints(groups: number, perGroup: number, dimensions: number, noise: number, seed = 11): { data: Float64Array; truth: number[] } {
  const random = createRandom(seed);
  const centers: number[][] = [];
  for (let g = 0; g < groups; g++) centers.push(Array.from({ length: dimensions }, () => random() * 2 - 1));
  const data: number[] = [];
  const truth: number[] = [];
  for (let g = 0; g < groups; g++) {
    for (let p = 0; p < perGroup; p++) {
      for (const x of centers[g] ?? []) data.push(x + (random() * 2 - 1) * noise);
      truth.push(g);
    }
  }
  return { data: Float64Array.from(data), truth };
}

import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { communityMap } from '../../src/cluster/community-detection.ts';
import { comparePartitions } from '../../src/cluster/compare-partitions.ts';
import { detectLeidenCommunities } from '../../src/cluster/detect-leiden-communities.ts';
import { detectLouvainCommunities } from '../../src/cluster/detect-louvain-communities.ts';
import { naiveModularity, plantedGraph } from './planted.ts';

const detectors = [
  ['louvain', detectLouvainCommunities],
  ['leiden', detectLeidenCommunities],
] as const;

function isConnectedWithin(graph: Graph, members: string[]): boolean {
  const set = new Set(members);
  const seen = new Set([members[0]]);
  const stack = [members[0] ?? ''];
  while (stack.length > 0) {
    const node = stack.pop() ?? '';
    graph.forEachNeighbor(node, (neighbor) => {
      if (set.has(neighbor) && !seen.has(neighbor)) {
        seen.add(neighbor);
        stack.push(neighbor);
      }
    });
  }
  return seen.size === set.size;
}

describe.each(detectors)('%s communities', (_name, detect) => {
  const { graph, truth } = plantedGraph(5, 20, 0.4, 0.02);

  it('puts each node in exactly one community with dense, size-ordered ids', () => {
    const result = detect(graph);
    expect(result.keys).toEqual(graph.nodes());
    expect(result.membership.length).toBe(graph.order);
    const sizes = new Array<number>(result.count).fill(0);
    for (const c of result.membership) {
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThan(result.count);
      sizes[c] = (sizes[c] ?? 0) + 1;
    }
    for (let c = 1; c < sizes.length; c++) expect(sizes[c] ?? 0).toBeLessThanOrEqual(sizes[c - 1] ?? 0);
  });

  it('reports modularity equal to an independent recomputation, at several resolutions', () => {
    for (const resolution of [0.5, 1, 2]) {
      const result = detect(graph, { resolution });
      const map = communityMap(result);
      expect(result.modularity).toBeCloseTo(naiveModularity(graph, (node) => map.get(node) ?? -1, resolution), 10);
    }
  });

  it('recovers a planted partition', () => {
    const result = detect(graph);
    const map = communityMap(result);
    const agreement = comparePartitions(graph.nodes().map((node) => map.get(node) ?? -1), graph.nodes().map((node) => truth.get(node) ?? -1));
    expect(agreement.ari).toBeGreaterThan(0.95);
  });

  it('gives identical communities for the same seed', () => {
    const a = detect(graph, { seed: 3 });
    const b = detect(graph, { seed: 3 });
    expect(Array.from(a.membership)).toEqual(Array.from(b.membership));
  });

  it('handles an empty graph, isolated nodes and keys like __proto__', () => {
    const tiny = new Graph({ type: 'undirected' });
    for (const key of ['__proto__', 'z', 'a', 'b', 'lonely']) tiny.addNode(key);
    tiny.addEdge('__proto__', 'z', { weight: 2 });
    tiny.addEdge('a', 'b', { weight: 1 });
    const result = detect(tiny);
    const map = communityMap(result);
    expect(map.get('__proto__')).toBe(map.get('z'));
    expect(map.get('a')).toBe(map.get('b'));
    expect(map.get('lonely')).not.toBe(map.get('a'));
    expect(detect(new Graph({ type: 'undirected' })).count).toBe(0);
  });
});

describe('leiden communities', () => {
  it('are connected, on many seeds and resolutions', () => {
    const { graph } = plantedGraph(6, 25, 0.15, 0.03, 5);
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const resolution of [0.3, 1, 3]) {
        const result = detectLeidenCommunities(graph, { seed, resolution });
        const groups = new Map<number, string[]>();
        result.keys.forEach((key, i) => {
          const c = result.membership[i] ?? 0;
          groups.set(c, [...(groups.get(c) ?? []), key]);
        });
        for (const members of groups.values()) expect(isConnectedWithin(graph, members)).toBe(true);
      }
    }
  });

  it('reaches at least the modularity of Louvain on a noisy planted graph', () => {
    const { graph } = plantedGraph(6, 25, 0.15, 0.03, 5);
    const leiden = detectLeidenCommunities(graph);
    const louvain = detectLouvainCommunities(graph);
    expect(leiden.modularity).toBeGreaterThan(louvain.modularity - 0.01);
  });
});

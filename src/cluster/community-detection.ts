/**
 * What every community detector here returns: a dense, size-ordered community id per node of the network.
 */
export interface CommunityDetection {
  /** Node keys in network order. */
  keys: string[];
  /** `membership[i]` is the community of `keys[i]`: dense 0-based ids, largest community first. */
  membership: Int32Array;
  /** Number of communities. */
  count: number;
  /** Modularity of the partition at `resolution` (core modularity, recomputed by cluster/modularity.ts). */
  modularity: number;
  resolution: number;
}

/** The partition as a Map from node key to community id (a Map, so keys like `__proto__` are safe). */
export function communityMap(detection: CommunityDetection): Map<string, number> {
  return new Map(detection.keys.map((key, i) => [key, detection.membership[i] ?? 0]));
}

/**
 * The independent clustering runs of detectThemes, as plain data, so they can run anywhere: one after another on
 * the calling thread, or spread over worker threads (io/theme-worker.ts) when the caller gives detectThemesAsync a
 * runner. A run is a consensus community detection (Louvain or Leiden at one seed and resolution) on the themes
 * graph, or a k-means clustering of the fitted LSA rows; each depends only on the run's own options and on the
 * shared `ThemeRunData`, and each derives all its randomness from its seed, so the results are the same wherever
 * and in whatever order the runs execute.
 *
 * To cross a thread the graph travels as a PortableGraph (portable-graph.ts), rebuilt in the same order.
 */
import type { AbstractGraph } from 'graphology-types';
import type { CommunityDetection } from './community-detection.ts';
import { detectConsensusCommunities } from './detect-consensus-communities.ts';
import { detectKmeansClusters, type DetectKmeansClustersOptions, type KmeansClusters } from './detect-kmeans-clusters.ts';
import type { GraphMethod } from './detect-themes.ts';
import type { DenseRows } from './truncated-svd.ts';

export type ThemeRun =
  | { kind: 'communities'; method: GraphMethod; seed: number; resolution: number; runs: number; leidenIterations: number }
  | { kind: 'kmeans'; options: DetectKmeansClustersOptions };

/** A community detection without its keys (the graph's node keys, which the caller has). */
export type ThemeRunResult = { kind: 'communities'; detection: Omit<CommunityDetection, 'keys'> } | { kind: 'kmeans'; clusters: KmeansClusters };

/** What every run reads: the graph communities are found in, and the rows k-means clusters. */
export interface ThemeRunData {
  graph: AbstractGraph;
  rows: DenseRows;
}

/** Runs the clustering runs of one detectThemes call and gives their results in the order of `runs`. */
export type ThemeRunner = (data: ThemeRunData, runs: readonly ThemeRun[]) => Promise<ThemeRunResult[]>;

export function executeThemeRun(run: ThemeRun, data: ThemeRunData): ThemeRunResult {
  if (run.kind === 'kmeans') return { kind: 'kmeans', clusters: detectKmeansClusters(data.rows, run.options) };
  const { keys: _keys, ...detection } = detectConsensusCommunities(data.graph, {
    method: run.method,
    seed: run.seed,
    resolution: run.resolution,
    runs: run.runs,
    leidenIterations: run.leidenIterations,
  });
  return { kind: 'communities', detection };
}

/** The buffers of a result, to move rather than copy across threads. */
export function themeRunTransfer(result: ThemeRunResult): ArrayBuffer[] {
  const arrays = result.kind === 'communities' ? [result.detection.membership] : [result.clusters.assignment, result.clusters.centroids, result.clusters.strength];
  return arrays.map((array) => array.buffer as ArrayBuffer);
}

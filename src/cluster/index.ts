/**
 * Themes: graph communities (Louvain, Leiden) and k-means clusters of papers, labelled, checked for stability and
 * crosswalked. detectThemes runs it all; the pieces are exported for scripts and notebooks.
 */
export { detectThemes, detectThemesAsync, stabilitySeeds, DETECT_THEMES_DEFAULTS, GRAPH_METHODS, GRAPH_INPUTS, type DetectThemesInput, type DetectThemesOptions, type DetectThemesResult, type GraphMethod, type GraphInput } from './detect-themes.ts';
export { detectLouvainCommunities, type DetectLouvainCommunitiesOptions } from './detect-louvain-communities.ts';
export { detectLeidenCommunities, type DetectLeidenCommunitiesOptions } from './detect-leiden-communities.ts';
export { detectConsensusCommunities, type DetectConsensusCommunitiesOptions } from './detect-consensus-communities.ts';
export { detectKmeansClusters, defaultKRange, type DetectKmeansClustersOptions, type KmeansClusters } from './detect-kmeans-clusters.ts';
export { labelThemes, type LabelThemesInput, type LabelThemesOptions, type ThemeLabel } from './label-themes.ts';
export { measureStability, type StabilityReport } from './measure-stability.ts';
export { crosswalkThemes } from './crosswalk-themes.ts';
export { modularity } from './modularity.ts';
export { comparePartitions, type PartitionAgreement } from './compare-partitions.ts';
export { buildPaperVectors, type PaperVectors, type SparseRows, type BuildPaperVectorsOptions } from './build-paper-vectors.ts';
export { buildPaperSimilarityGraph, type BuildPaperSimilarityGraphOptions, type PaperSimilarityGraph } from './build-paper-similarity-graph.ts';
export { truncatedSvd, type DenseRows, type TruncatedSvdOptions } from './truncated-svd.ts';
export { buildWeightedNetwork, type WeightedNetwork } from './weighted-network.ts';
export { communityMap, type CommunityDetection } from './community-detection.ts';
export { executeThemeRun, type ThemeRun, type ThemeRunResult, type ThemeRunData, type ThemeRunner } from './theme-runs.ts';
export { toPortableGraph, fromPortableGraph, type PortableGraph } from './portable-graph.ts';
export { assignThemeAttributes, type AssignThemeAttributesInput } from './assign-theme-attributes.ts';

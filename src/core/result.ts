/**
 * What `analyze()` returns: every table and graph of one run, plus what was skipped or repaired and the options
 * used. Charts, exports and the report are built from this alone.
 */
import type { AbstractGraph } from 'graphology-types';
import type { Issue } from './issues.ts';
import type { Concept, Paper, PaperTheme, Theme } from './types.ts';
import type { MentionList } from './mention-list.ts';

export interface InputSummary {
  /** Path as given or relative to the working directory. */
  path: string;
  format: string;
  /** Papers read from this file before deduplication. */
  papers: number;
  /** The list's own title (`Paper List of Terms(RL+entropy)`), or ''. */
  title: string;
}

export interface RepairSummary {
  /** Files in which something was repaired. */
  files: number;
  spans: number;
  charactersRecovered: number;
  uncertain: number;
}

/** Run-to-run agreement of one method (cluster/measure-stability.ts): reference run vs runs with other seeds. */
export interface StabilitySummary {
  /** Seeds of the compared runs (the reference seed excluded). */
  seeds: number[];
  meanAri: number;
  minAri: number;
  meanNmi: number;
  /** Themes whose mean best Jaccard across runs is >= stableAt, and the others. */
  stableThemes: number;
  fragileThemes: number;
  stableAt: number;
}

/** One cell of the crosswalk: papers in graph theme `row` and k-means cluster `column`. */
export interface CrosswalkCell {
  row: number;
  column: number;
  papers: number;
  /** |row ∩ column| / |row ∪ column|. */
  jaccard: number;
  /** Share of the row theme's papers that are in the column cluster. */
  shareOfRow: number;
  /** Share of the column cluster's papers that are in the row theme. */
  shareOfColumn: number;
}

/** How the themes of one method map onto those of another, over papers (cluster/crosswalk-themes.ts). */
export interface ThemeCrosswalk {
  rowMethod: 'louvain' | 'leiden' | 'kmeans';
  columnMethod: 'louvain' | 'leiden' | 'kmeans';
  /** Theme ids, sizes (papers) and labels of rows and columns, in id order. */
  rows: { id: number; label: string; papers: number }[];
  columns: { id: number; label: string; papers: number }[];
  /** Non-empty cells only, by row then column. */
  cells: CrosswalkCell[];
  /** Agreement between the two paper partitions. */
  ari: number;
  nmi: number;
}

/** Agreement of a graph method's paper themes at another resolution with those at the chosen one. */
export interface ResolutionAgreement {
  resolution: number;
  communities: number;
  ari: number;
  nmi: number;
}

export interface ClusteringSummary {
  louvain: { modularity: number; resolution: number; communities: number; stability?: StabilitySummary; resolutions?: ResolutionAgreement[] };
  /** Leiden on the same graph as Louvain (added by cluster/detect-themes.ts). */
  leiden?: { modularity: number; resolution: number; communities: number; stability?: StabilitySummary; resolutions?: ResolutionAgreement[] };
  kmeans: {
    k: number;
    chosenBy: 'user' | 'silhouette';
    candidates: { k: number; silhouette: number }[];
    /** Latent dimensions of the LSA projection the clusters were computed in. */
    dimensions?: number;
    stability?: StabilitySummary;
  };
  /** The graph method whose themes are crosswalked with k-means. */
  graphMethod?: 'louvain' | 'leiden';
  /** The graph Louvain and Leiden ran on: paper similarity (kNN) or concept co-occurrence; modularity is of that graph. */
  graphInput?: 'papers' | 'concepts';
  /** Papers assigned by similarity (weak: true), per method. */
  weaklyAssigned?: { louvain: number; leiden: number; kmeans: number };
  /** Graph themes (graphMethod) × k-means clusters. */
  crosswalk?: ThemeCrosswalk;
}

export interface AnalysisResult {
  inputs: InputSummary[];
  /** Papers read before deduplication. */
  papersRead: number;
  papers: Paper[];
  concepts: Concept[];
  /** Every paper–concept mention (core/mention-list.ts: iterate it, read its length). */
  mentions: MentionList;
  /** Paper–concept graph (graph/build-paper-concept-graph.ts). */
  paperConceptGraph: AbstractGraph;
  /** Concept co-occurrence graph (graph/build-cooccurrence-graph.ts). */
  conceptGraph: AbstractGraph;
  themes: Theme[];
  paperThemes: PaperTheme[];
  clustering: ClusteringSummary;
  repairs: RepairSummary;
  issues: Issue[];
  /** The options in force, defaults filled in (shown in the report's method section). */
  parameters: Record<string, string | number | boolean>;
}

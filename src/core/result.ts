/**
 * What `analyze()` returns: every table and graph of one run, plus what was skipped or repaired and the options
 * used. Charts, exports and the report are built from this alone.
 */
import type { AbstractGraph } from 'graphology-types';
import type { Issue } from './issues.ts';
import type { Concept, Mention, Paper, PaperTheme, Theme } from './types.ts';

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

export interface ClusteringSummary {
  louvain: { modularity: number; resolution: number; communities: number };
  kmeans: { k: number; chosenBy: 'user' | 'silhouette'; candidates: { k: number; silhouette: number }[] };
}

export interface AnalysisResult {
  inputs: InputSummary[];
  /** Papers read before deduplication. */
  papersRead: number;
  papers: Paper[];
  concepts: Concept[];
  mentions: Mention[];
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

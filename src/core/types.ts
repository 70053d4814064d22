/**
 * The data that flows between papergraph's stages.
 *
 * Every stage takes plain typed data and returns new plain data; nothing here is mutated downstream.
 * Graphs are graphology instances and carry the attribute keys defined in graph/attributes.ts.
 */
import type { Issue } from './issues.ts';

/** Where a piece of input came from: a file path (as the user gave it, relative when possible) and a 1-based line. */
export interface SourceRef {
  file: string;
  line: number;
}

/** One notes section of a paper, by heading ("🌟 论文解读 | …", "📌 背景痛点/本文动机", …). */
export interface NoteSection {
  heading: string;
  text: string;
}

/** One paper, after parsing and deduplication. */
export interface Paper {
  /** arXiv id without version (`2508.14040`), or a stable `title:<slug>` id when the paper has no arXiv link. */
  id: string;
  /** arXiv version number (`4` from `v4`), or null when unknown. */
  version: number | null;
  title: string;
  /** `YYYY-MM`, or null when the list gives no date. */
  month: string | null;
  paperUrl: string;
  /** Code or project page link; empty when none. */
  codeUrl: string;
  /** Abstract with hard wraps joined into single spaces; empty when absent. */
  abstract: string;
  /** Note sections in order; empty when the list has no notes for this paper. */
  notes: NoteSection[];
  /** The anchor the list's `[[TLDR/Notes](#anchor)]` link points to; empty when none. */
  anchor: string;
  /** Every place this paper was read from (several lists, several versions). The first is where the kept version was read. */
  sources: SourceRef[];
  /** arXiv categories when the input carries them (JSONL snapshot). */
  categories: string[];
}

export const CONCEPT_TYPES = ['method', 'phenomenon', 'paradigm', 'model', 'benchmark', 'task', 'own-method', 'other'] as const;
export type ConceptType = (typeof CONCEPT_TYPES)[number];
export function isConceptType(value: unknown): value is ConceptType {
  return typeof value === 'string' && (CONCEPT_TYPES as readonly string[]).includes(value);
}

export const CONCEPT_ORIGINS = ['lexicon', 'acronym', 'discovered'] as const;
export type ConceptOrigin = (typeof CONCEPT_ORIGINS)[number];

/** One canonical concept across the corpus. */
export interface Concept {
  /** Stable id: a slug of the canonical label (`grpo`, `entropy-collapse`). */
  id: string;
  /** Canonical label: the common short form, or the most common surface form with its original case. */
  label: string;
  type: ConceptType;
  /** Every surface form seen or known (expansion, variants), without the label itself. */
  aliases: string[];
  /** Chinese labels found in notes ("熵坍缩"). */
  labelsZh: string[];
  /** Parent concept id in the lexicon hierarchy, or null. */
  parent: string | null;
  origin: ConceptOrigin;
  /** Number of papers mentioning it. */
  papers: number;
  /** Total mentions across papers. */
  mentions: number;
  /** Month of the earliest paper mentioning it, or null. */
  firstMonth: string | null;
}

export const TEXT_FIELDS = ['title', 'abstract', 'notes'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Where one occurrence was found: offsets into the paper's field (UTF-16 code units, end exclusive). */
export interface Evidence {
  field: TextField;
  start: number;
  end: number;
}

/** A concept in one paper. */
export interface Mention {
  paperId: string;
  conceptId: string;
  count: number;
  /** Salience of the concept for this paper, higher is more central; comparable within a paper. */
  score: number;
  inTitle: boolean;
  /** Surface forms found in this paper. */
  forms: string[];
  evidence: Evidence[];
}

export const THEME_METHODS = ['louvain', 'leiden', 'kmeans'] as const;
export type ThemeMethod = (typeof THEME_METHODS)[number];

/** One theme: a community of the concept graph or a k-means cluster of papers. */
export interface Theme {
  method: ThemeMethod;
  /** 0-based, dense, ordered by size (largest first) within a method. */
  id: number;
  label: string;
  /** Concept ids that characterise the theme, best first (2–4 make the label). */
  topConcepts: string[];
  /** Concept ids in the theme (graph communities) or most associated with it (k-means). */
  concepts: string[];
  /** Paper ids assigned to the theme. */
  papers: string[];
  /** Number of members: concepts for concept-graph communities, papers for paper clusters. */
  size: number;
  /** Mean agreement of this theme across seeds (0..1), or null when not measured. */
  stability: number | null;
  /** Stability at or above the stable threshold (0.75, Hennig 2007); absent when not measured. */
  stable?: boolean;
  /** Papers of the theme that were assigned by similarity (weak); absent when not counted. */
  weakPapers?: number;
}

/** A paper's theme under one method. */
export interface PaperTheme {
  paperId: string;
  method: ThemeMethod;
  themeId: number;
  /** 0..1: share of the paper's concept weight in the theme (graph) or cosine similarity to the centroid (k-means). */
  strength: number;
  /** True when the paper had no direct evidence for the theme and was assigned by similarity. */
  weak: boolean;
}

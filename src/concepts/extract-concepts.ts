/**
 * Concept extraction: papers → canonical concepts and per-paper mentions.
 *
 *   1. buildVocabulary    corpus level: lexicon + acronym definitions + discovered terms (+ thesaurus), on a sample
 *   2. matchPapers        per paper: find the vocabulary's terms, score their salience (fast; parallelisable)
 *   3. aggregateMentions  corpus level: counts, first month, aliases and Chinese labels per concept
 *
 * Issues: papers with neither title nor abstract text are reported (`missing-abstract`) and contribute nothing.
 */
import { issue, type Issue } from '../core/issues.ts';
import type { Concept, Mention, Paper } from '../core/types.ts';
import { aggregateMentions } from './aggregate-mentions.ts';
import { matchPapers, type MatchPaperOptions } from './match-papers.ts';
import { buildVocabulary, type BuildVocabularyOptions, type Vocabulary } from './vocabulary.ts';

export interface ExtractConceptsOptions extends BuildVocabularyOptions, MatchPaperOptions {
  /** A vocabulary built earlier (skips step 1). Default: built from the papers. */
  vocabulary?: Vocabulary;
}

export interface ExtractConceptsResult {
  concepts: Concept[];
  mentions: Mention[];
  issues: Issue[];
}

export function extractConcepts(papers: readonly Paper[], options: ExtractConceptsOptions = {}): ExtractConceptsResult {
  const issues: Issue[] = [];
  for (const paper of papers) {
    if (paper.abstract.trim() === '') {
      const source = paper.sources[0];
      issues.push(
        issue('missing-abstract', 'info', `${paper.id}: no abstract; concepts come from the title only`, {
          ...(source ? { file: source.file, line: source.line } : {}),
          paperId: paper.id,
        }),
      );
    }
  }
  // 1. Vocabulary.
  const vocabulary = options.vocabulary ?? buildVocabulary(papers, options);
  // 2. Per-paper matching.
  const matchOptions: MatchPaperOptions = {};
  if (options.maxConceptsPerPaper !== undefined) matchOptions.maxConceptsPerPaper = options.maxConceptsPerPaper;
  if (options.chineseLabels !== undefined) matchOptions.chineseLabels = options.chineseLabels;
  if (options.nestedHeads !== undefined) matchOptions.nestedHeads = options.nestedHeads;
  const matches = matchPapers(papers, vocabulary, matchOptions);
  // 3. Aggregation.
  const { concepts, mentions } = aggregateMentions(papers, matches, vocabulary);
  return { concepts, mentions, issues };
}

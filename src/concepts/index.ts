/**
 * Concept extraction, in three steps that can run apart (issue 8 runs step 2 in worker threads):
 * buildVocabulary (corpus) → matchPapers (per paper) → aggregateMentions (corpus); extractConcepts runs all three.
 */
export { extractConcepts, type ExtractConceptsOptions, type ExtractConceptsResult } from './extract-concepts.ts';
export { buildVocabulary, countDocumentFrequencies, samplePapers, type BuildVocabularyOptions, type DocumentFrequencies, type Vocabulary, type VocabularyTerm } from './vocabulary.ts';
export { matchPaper, matchPapers, type MatchPaperOptions, type PaperMatch } from './match-papers.ts';
export { aggregateMentions, type AggregateMentionsResult } from './aggregate-mentions.ts';
export { parseLexicon, defaultLexicon, mergeLexicons, type LexiconEntry, type ParseLexiconResult } from './lexicon.ts';
export { parseThesaurus, resolveThesaurus, type ThesaurusEntry, type ParseThesaurusResult } from './thesaurus.ts';
export { findAcronymDefinitions, type AcronymDefinition } from './acronyms.ts';
export { findChineseLabels, type ChineseLabel } from './find-chinese-labels.ts';

/**
 * Reads the files behind --lexicon and --thesaurus into extractConcepts options. Problems inside the files are
 * issues (reported with the run); a missing or unreadable file is an error.
 */
import { resolve } from 'node:path';
import { parseLexicon, parseThesaurus, type ExtractConceptsOptions } from '../concepts/index.ts';
import { readTextFile } from '../io/text-files.ts';
import type { Issue } from '../core/issues.ts';

export interface ConceptFileOptions {
  lexicon?: string;
  thesaurus?: string;
}

export async function readConceptOptions(options: ConceptFileOptions, cwd: string): Promise<{ concepts: ExtractConceptsOptions; issues: Issue[] }> {
  const concepts: ExtractConceptsOptions = {};
  const issues: Issue[] = [];
  if (options.lexicon !== undefined) {
    const parsed = parseLexicon(await readTextFile(resolve(cwd, options.lexicon)), options.lexicon);
    concepts.extraLexicon = parsed.entries;
    issues.push(...parsed.issues);
  }
  if (options.thesaurus !== undefined) {
    const parsed = parseThesaurus(await readTextFile(resolve(cwd, options.thesaurus)), options.thesaurus);
    concepts.thesaurus = parsed.entries;
    issues.push(...parsed.issues);
  }
  return { concepts, issues };
}

/**
 * Porter stemming (Porter 1980, "An algorithm for suffix stripping"), through natural's implementation,
 * memoised per word: the stemmer itself runs at about 50k words/s, a Map lookup at millions.
 */
import { createRequire } from 'node:module';

interface PorterStemmer {
  stem(word: string): string;
}

// natural's package entry loads dotenv (which prints to stdout); load the one submodule we need.
const require = createRequire(import.meta.url);
const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as PorterStemmer;

const cache = new Map<string, string>();

/** Porter stem of one lowercase word. */
export function stem(word: string): string {
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = porter.stem(word);
    if (cache.size > 500_000) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

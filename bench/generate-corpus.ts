/**
 * Synthetic corpora for the benchmark: N papers in the arXiv metadata snapshot format (one JSON object per line:
 * id, submitter, authors, title, comments, journal-ref, doi, report-no, categories, license, abstract, versions,
 * update_date, authors_parsed), generated deterministically from a seed. No network.
 *
 * The text comes from a word model learned from the shipped paper list (data/rl-entropy-papers.md, parsed by
 * parsePaperList): a first-order Markov chain over the words and punctuation of its abstracts (and one over its
 * titles), so lengths, function words, acronyms and multi-word terms look like the real thing. Real corpora have
 * far more terms than 50 abstracts show, so a pool of synthetic terms ("Gradient Entropy Consistency (GEC)") is
 * built from the model's content words, grouped into topics; each paper draws a topic (Zipf) and introduces two
 * to four of its terms with their acronyms, then reuses them, which gives concept extraction a vocabulary of
 * realistic size and a long tail. Months follow the growth of arXiv (more papers every year, 2010-01 … 2025-08);
 * papers are written in id order, as in the snapshot; abstracts and titles keep the snapshot's hard wraps.
 *
 * Paper i is generated from its own seeded generator (seed, i), so any prefix, chunk or worker split of the
 * corpus gives the same bytes.
 *
 *   tsx bench/generate-corpus.ts <out.jsonl[.gz]> <N> [--seed 42]
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { createRandom, DEFAULT_SEED, type RandomSource } from '../src/core/random.ts';
import { parsePaperList } from '../src/ingest/parse-paper-list.ts';
import { createWorkerPool, defaultWorkerCount } from '../src/io/worker-pool.ts';

export interface CorpusModel {
  /** Word list: words, acronyms and punctuation seen in the abstracts. */
  words: string[];
  /** For word i, its successors (with repetition: drawing uniformly follows the observed frequencies). */
  next: Int32Array[];
  /** Words that start a sentence. */
  starts: Int32Array;
  /** Same for titles. */
  titleWords: string[];
  titleNext: Int32Array[];
  titleStarts: Int32Array;
  /** Abstract lengths in words, observed. */
  abstractLengths: Int32Array;
  /** Capitalised content words used to build synthetic terms. */
  termWords: string[];
}

export interface GenerateCorpusOptions {
  seed?: number;
  /** Number of topics. Default: 400. */
  topics?: number;
  /** Synthetic terms per topic. Default: 12. */
  termsPerTopic?: number;
  /** Share of lines written broken (not JSON), to exercise error paths. Default: 0. */
  badLineRate?: number;
}

export const GENERATE_CORPUS_DEFAULTS = Object.freeze({ seed: DEFAULT_SEED, topics: 400, termsPerTopic: 12, badLineRate: 0 });

const FIRST_YEAR = 2010;
const LAST_MONTH = { year: 2025, month: 8 };
const YEARLY_GROWTH = 1.2;
const SENTENCE_END = new Set(['.', '?', '!']);
const NO_SPACE_BEFORE = new Set(['.', ',', ';', ':', ')', '?', '!', "'s"]);
const NO_SPACE_AFTER = new Set(['(']);
const CATEGORIES = ['cs.LG', 'cs.AI', 'cs.CL', 'stat.ML', 'cs.CV', 'cs.RO', 'math.OC', 'cs.NE', 'cs.IT', 'eess.SY', 'physics.comp-ph', 'q-bio.NC'];
const PRIMARY_WEIGHTS = [0.55, 0.12, 0.1, 0.07, 0.05, 0.03, 0.03, 0.01, 0.01, 0.01, 0.01, 0.01];
const SYLLABLES = ['an', 'ber', 'chen', 'da', 'el', 'fa', 'gu', 'har', 'ik', 'jo', 'ka', 'li', 'mor', 'na', 'ol', 'pe', 'qi', 'ro', 'sa', 'ta', 'ul', 'van', 'wei', 'xu', 'ya', 'zh'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TOKEN = /\\[a-z]+\{|[A-Za-z0-9][A-Za-z0-9'’\-.]*[A-Za-z0-9]|[A-Za-z0-9]|[^\sA-Za-z0-9]/g;

/** Learns the word model from paper-list Markdown texts. */
export function learnCorpusModel(texts: readonly string[]): CorpusModel {
  const papers = texts.flatMap((text) => parsePaperList(text).papers);
  const abstracts = papers.map((paper) => clean(paper.abstract)).filter((text) => text !== '');
  const titles = papers.map((paper) => clean(paper.title)).filter((text) => text !== '');
  if (abstracts.length === 0) throw new Error('bench/generate-corpus: no abstracts to learn from');
  const chain = learnChain(abstracts);
  const titleChain = learnChain(titles.map((title) => `${title} .`));
  const termWords = [...new Set(chain.words.filter((word) => /^[a-z]{5,}$/.test(word) && !STOP.has(word)))].sort();
  return {
    ...chain,
    titleWords: titleChain.words,
    titleNext: titleChain.next,
    titleStarts: titleChain.starts,
    abstractLengths: Int32Array.from(abstracts.map((text) => tokenize(text).length)),
    termWords,
  };
}

/** Reads the shipped paper list and learns from it. */
export async function readCorpusModel(root: string = resolve(dirname(fileURLToPath(import.meta.url)), '..')): Promise<CorpusModel> {
  return learnCorpusModel([await readFile(resolve(root, 'data/rl-entropy-papers.md'), 'utf8')]);
}

interface Term {
  long: string;
  acronym: string;
}

/** A corpus generator: `line(i)` is the JSON line of paper i of n. */
export function createCorpusGenerator(model: CorpusModel, n: number, options: GenerateCorpusOptions = {}): { line: (index: number) => string } {
  const settings = { ...GENERATE_CORPUS_DEFAULTS, ...options };
  const setup = createRandom(settings.seed ^ 0x5eed);
  // Acronyms that are also words ("IN", "OUR") would be read as words; avoid them, and repeats.
  const taken = new Set(model.words.map((word) => word.toLowerCase()));
  const topics: Term[][] = [];
  for (let t = 0; t < settings.topics; t++) {
    const terms: Term[] = [];
    for (let k = 0; k < settings.termsPerTopic; k++) {
      let term = makeTerm(model.termWords, setup);
      for (let attempt = 0; attempt < 20 && taken.has(term.acronym.toLowerCase().replace(/[^a-z0-9]/g, '')); attempt++) term = makeTerm(model.termWords, setup);
      taken.add(term.acronym.toLowerCase().replace(/[^a-z0-9]/g, ''));
      terms.push(term);
    }
    topics.push(terms);
  }
  const topicCdf = zipfCdf(settings.topics, 1.0);
  const months = monthTable(n);
  return {
    line(index: number): string {
      const random = createRandom(mix(settings.seed, index));
      const month = months.monthOf(index);
      const record = makeRecord(model, topics, topicCdf, month, months.sequence(index), random);
      if (settings.badLineRate > 0 && random() < settings.badLineRate) return JSON.stringify(record).slice(0, 40);
      return JSON.stringify(record);
    },
  };
}

/**
 * Writes n papers to a file (gzip when the name ends in .gz), atomically (temp file then rename). Large corpora are
 * generated in worker threads (`workers`, default all cores; 0 = this thread), in ranges written in order, so the
 * bytes are the same whatever the number of workers.
 */
export async function writeCorpus(path: string, n: number, options: GenerateCorpusOptions = {}, model?: CorpusModel, workers?: number): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  const file = createWriteStream(temporary);
  const gzip = path.endsWith('.gz') ? createGzip({ level: 4 }) : null;
  const out = gzip ?? file;
  if (gzip) gzip.pipe(file);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await new Promise<void>((done) => out.once('drain', () => done()));
  };
  const RANGE = 2000;
  try {
    const threads = workers ?? (n >= 50_000 ? defaultWorkerCount() : 0);
    if (threads === 0) {
      const generator = createCorpusGenerator(model ?? (await readCorpusModel()), n, options);
      for (let from = 0; from < n; from += RANGE) {
        const lines: string[] = [];
        for (let i = from; i < Math.min(n, from + RANGE); i++) lines.push(generator.line(i));
        await write(`${lines.join('\n')}\n`);
      }
    } else {
      const pool = await createWorkerPool<{ from: number; to: number }, string>(new URL('./generate-task.ts', import.meta.url), { n, options }, { workers: threads });
      try {
        const ranges = function* (): Generator<{ from: number; to: number }> {
          for (let from = 0; from < n; from += RANGE) yield { from, to: Math.min(n, from + RANGE) };
        };
        for await (const text of pool.map(ranges())) await write(text);
      } finally {
        await pool.close();
      }
    }
    out.end();
    await finished(file);
    await rename(temporary, path);
  } catch (error) {
    file.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}

function makeRecord(model: CorpusModel, topics: Term[][], topicCdf: Float64Array, month: { year: number; month: number }, sequence: number, random: RandomSource): Record<string, unknown> {
  const topic = topics[draw(topicCdf, random())] ?? [];
  const secondary = topics[draw(topicCdf, random())] ?? [];
  const terms = pickTerms(topic, secondary, 2 + Math.floor(random() * 3), random);
  const yymm = `${String(month.year % 100).padStart(2, '0')}${String(month.month).padStart(2, '0')}`;
  const id = `${yymm}.${String(sequence).padStart(5, '0')}`;
  const title = makeTitle(model, terms, random);
  const targetWords = (model.abstractLengths[Math.floor(random() * model.abstractLengths.length)] ?? 170) + Math.floor((random() - 0.5) * 60);
  const abstract = makeAbstract(model, terms, Math.max(40, targetWords), random);
  const categories = makeCategories(random);
  const authors = makeAuthors(random);
  const day = 1 + Math.floor(random() * 28);
  const versions = [{ version: 'v1', created: rfcDate(month.year, month.month, day, random) }];
  let last = { year: month.year, month: month.month, day };
  const extra = random() < 0.3 ? 1 + Math.floor(random() * 3) : 0;
  for (let v = 2; v <= extra + 1; v++) {
    const later = addMonths(last.year, last.month, Math.floor(random() * 6));
    last = { ...later, day: 1 + Math.floor(random() * 28) };
    versions.push({ version: `v${v}`, created: rfcDate(last.year, last.month, last.day, random) });
  }
  return {
    id,
    submitter: authors[0]?.join(' ') ?? '',
    authors: authors.map((name) => name.join(' ')).join(', '),
    title: wrap(title, 70, ' '),
    comments: random() < 0.5 ? `${5 + Math.floor(random() * 30)} pages, ${1 + Math.floor(random() * 12)} figures` : null,
    'journal-ref': null,
    doi: null,
    'report-no': null,
    categories: categories.join(' '),
    license: random() < 0.6 ? 'http://creativecommons.org/licenses/by/4.0/' : null,
    abstract: `  ${wrap(abstract, 76, '\n')}\n`,
    versions,
    update_date: `${last.year}-${String(last.month).padStart(2, '0')}-${String(last.day).padStart(2, '0')}`,
    authors_parsed: authors.map(([initials, surname]) => [surname, initials, '']),
  };
}

function makeTitle(model: CorpusModel, terms: readonly Term[], random: RandomSource): string {
  const words = walk(model.titleWords, model.titleNext, model.titleStarts, 4 + Math.floor(random() * 10), random, true);
  const head = terms[0];
  const body = join(words.filter((word) => !SENTENCE_END.has(word)));
  if (head === undefined) return body;
  const style = random();
  if (style < 0.35) return `${head.acronym}: ${capitalise(body)}`;
  if (style < 0.6) return `${capitalise(body)} via ${head.long}`;
  return capitalise(body);
}

function makeAbstract(model: CorpusModel, terms: readonly Term[], targetWords: number, random: RandomSource): string {
  const sentences: string[] = [];
  let count = 0;
  const introduceAt = 1 + Math.floor(random() * 2);
  let introduced = 0;
  while (count < targetWords) {
    if (sentences.length >= introduceAt && introduced < terms.length) {
      const term = terms[introduced] ?? terms[0];
      if (term) {
        const opener = INTRODUCTIONS[Math.floor(random() * INTRODUCTIONS.length)] ?? 'We propose';
        const tail = walk(model.words, model.next, model.starts, 8 + Math.floor(random() * 12), random, true);
        const sentence = `${opener} ${term.long} (${term.acronym}), ${join(tail)}`;
        sentences.push(sentence);
        count += sentence.split(' ').length;
        introduced++;
        continue;
      }
    }
    const words = walk(model.words, model.next, model.starts, 10 + Math.floor(random() * 25), random, true);
    if (introduced > 0 && random() < 0.5) {
      const term = terms[Math.floor(random() * introduced)];
      if (term) words.splice(Math.min(words.length - 1, 1 + Math.floor(random() * 5)), 0, term.acronym);
    }
    sentences.push(join(words));
    count += words.length;
  }
  return sentences.join(' ');
}

const INTRODUCTIONS = ['We propose', 'In this paper, we introduce', 'We present', 'To address this, we develop', 'We study', 'This work proposes', 'Building on this, we design'];

/** A random walk on the chain from a sentence start, ending at a sentence end (when `end`) or at `maxWords`. */
function walk(words: readonly string[], next: readonly Int32Array[], starts: Int32Array, maxWords: number, random: RandomSource, end: boolean): string[] {
  const out: string[] = [];
  let current = starts[Math.floor(random() * starts.length)] ?? 0;
  for (let step = 0; step < maxWords * 2; step++) {
    const word = words[current] ?? '.';
    out.push(word);
    if (SENTENCE_END.has(word)) break;
    const successors = next[current];
    if (successors === undefined || successors.length === 0 || (out.length >= maxWords && !end)) break;
    current = successors[Math.floor(random() * successors.length)] ?? 0;
    if (out.length >= maxWords * 2 - 1) break;
  }
  if (end && !SENTENCE_END.has(out[out.length - 1] ?? '')) out.push('.');
  if (!end) while (out.length > 0 && SENTENCE_END.has(out[out.length - 1] ?? '')) out.pop();
  return out;
}

function makeTerm(termWords: readonly string[], random: RandomSource): Term {
  const length = random() < 0.6 ? 2 : 3;
  const parts: string[] = [];
  for (let i = 0; i < length; i++) parts.push(termWords[Math.floor(random() * termWords.length)] ?? 'policy');
  if (random() < 0.4) parts.push(['Optimization', 'Learning', 'Regularization', 'Sampling', 'Estimation'][Math.floor(random() * 5)] ?? 'Learning');
  const long = parts.map(capitalise).join(' ');
  let acronym = parts.map((part) => part[0]?.toUpperCase() ?? '').join('');
  if (random() < 0.3) acronym += ['-R1', '++', '-S', '2'][Math.floor(random() * 4)] ?? '';
  return { long, acronym };
}

function pickTerms(topic: readonly Term[], secondary: readonly Term[], count: number, random: RandomSource): Term[] {
  const picked: Term[] = [];
  for (let i = 0; i < count; i++) {
    const pool = i === count - 1 && random() < 0.4 ? secondary : topic;
    // Zipf within a topic: its first terms are its main ones.
    const position = Math.min(pool.length - 1, Math.floor(pool.length * random() * random()));
    const term = pool[position];
    if (term && !picked.includes(term)) picked.push(term);
  }
  return picked;
}

function makeCategories(random: RandomSource): string[] {
  let r = random();
  let primary = CATEGORIES[0] ?? 'cs.LG';
  for (let i = 0; i < CATEGORIES.length; i++) {
    r -= PRIMARY_WEIGHTS[i] ?? 0;
    if (r < 0) {
      primary = CATEGORIES[i] ?? primary;
      break;
    }
  }
  const out = [primary];
  const extra = Math.floor(random() * 3);
  for (let i = 0; i < extra; i++) {
    const category = CATEGORIES[Math.floor(random() * 6)] ?? 'cs.AI';
    if (!out.includes(category)) out.push(category);
  }
  return out;
}

function makeAuthors(random: RandomSource): [string, string][] {
  const count = 1 + Math.floor(random() * random() * 9);
  const authors: [string, string][] = [];
  for (let i = 0; i < count; i++) {
    const initials = `${String.fromCharCode(65 + Math.floor(random() * 26))}.`;
    const syllables = 2 + Math.floor(random() * 2);
    let surname = '';
    for (let s = 0; s < syllables; s++) surname += SYLLABLES[Math.floor(random() * SYLLABLES.length)] ?? 'an';
    authors.push([initials, capitalise(surname)]);
  }
  return authors;
}

/** Months 2010-01 … 2025-08 weighted by yearly growth; paper i's month and its sequence number within the month. */
function monthTable(n: number): { monthOf: (index: number) => { year: number; month: number }; sequence: (index: number) => number } {
  const months: { year: number; month: number }[] = [];
  for (let year = FIRST_YEAR; year <= LAST_MONTH.year; year++) {
    for (let month = 1; month <= 12; month++) {
      if (year === LAST_MONTH.year && month > LAST_MONTH.month) break;
      months.push({ year, month });
    }
  }
  const weights = months.map(({ year }) => Math.pow(YEARLY_GROWTH, year - FIRST_YEAR));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  // First paper index of each month: papers are in month order, as in the snapshot.
  const firstIndex = new Float64Array(months.length + 1);
  let cumulative = 0;
  for (let m = 0; m < months.length; m++) {
    firstIndex[m] = Math.round((cumulative / total) * n);
    cumulative += weights[m] ?? 0;
  }
  firstIndex[months.length] = n;
  const monthIndex = (index: number): number => {
    let low = 0;
    let high = months.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((firstIndex[middle] ?? 0) <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  return {
    monthOf: (index) => months[monthIndex(index)] ?? { year: FIRST_YEAR, month: 1 },
    sequence: (index) => index - (firstIndex[monthIndex(index)] ?? 0) + 1,
  };
}

function learnChain(texts: readonly string[]): { words: string[]; next: Int32Array[]; starts: Int32Array } {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const successors: number[][] = [];
  const starts: number[] = [];
  const intern = (word: string): number => {
    let id = ids.get(word);
    if (id === undefined) {
      id = words.length;
      ids.set(word, id);
      words.push(word);
      successors.push([]);
    }
    return id;
  };
  for (const text of texts) {
    const tokens = tokenize(text);
    let previous = -1;
    for (const token of tokens) {
      const id = intern(token);
      if (previous === -1 || SENTENCE_END.has(words[previous] ?? '')) starts.push(id);
      if (previous !== -1) successors[previous]?.push(id);
      previous = id;
    }
  }
  return { words, next: successors.map((list) => Int32Array.from(list)), starts: Int32Array.from(starts) };
}

function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function clean(text: string): string {
  return text
    .replace(/\\[a-zA-Z]+\{([^}]*)\}/g, '$1')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function join(words: readonly string[]): string {
  let out = '';
  let previous = '';
  for (const word of words) {
    if (out !== '' && !NO_SPACE_BEFORE.has(word) && !NO_SPACE_AFTER.has(previous)) out += ' ';
    out += word;
    previous = word;
  }
  return out;
}

function wrap(text: string, width: number, separator: string): string {
  if (separator === ' ') return text;
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

function capitalise(word: string): string {
  return word === '' ? word : (word[0]?.toUpperCase() ?? '') + word.slice(1);
}

function zipfCdf(n: number, exponent: number): Float64Array {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / Math.pow(i + 1, exponent);
    cdf[i] = sum;
  }
  for (let i = 0; i < n; i++) cdf[i] = (cdf[i] ?? 0) / sum;
  return cdf;
}

function draw(cdf: Float64Array, r: number): number {
  let low = 0;
  let high = cdf.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((cdf[middle] ?? 1) < r) low = middle + 1;
    else high = middle;
  }
  return low;
}

function mix(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

function rfcDate(year: number, month: number, day: number, random: RandomSource): string {
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? 'Mon';
  const time = [Math.floor(random() * 24), Math.floor(random() * 60), Math.floor(random() * 60)].map((part) => String(part).padStart(2, '0')).join(':');
  return `${weekday}, ${day} ${MONTH_NAMES[month - 1] ?? 'Jan'} ${year} ${time} GMT`;
}

function addMonths(year: number, month: number, add: number): { year: number; month: number } {
  const total = year * 12 + (month - 1) + add;
  return { year: Math.floor(total / 12), month: (total % 12) + 1 };
}

const STOP = new Set(['these', 'their', 'there', 'which', 'while', 'where', 'about', 'after', 'other', 'through', 'without', 'within', 'between', 'across', 'however', 'thereby', 'often', 'under', 'among', 'being', 'could', 'would', 'should', 'since', 'until', 'those', 'thus', 'further', 'whether', 'because', 'although', 'before', 'during']);

const isEntryPoint = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  const [out, count, ...rest] = process.argv.slice(2);
  const seedAt = rest.indexOf('--seed');
  const seed = seedAt === -1 ? DEFAULT_SEED : Number(rest[seedAt + 1]);
  if (out === undefined || count === undefined || !Number.isInteger(Number(count)) || !Number.isInteger(seed)) {
    process.stderr.write('usage: tsx bench/generate-corpus.ts <out.jsonl[.gz]> <N> [--seed 42]\n');
    process.exitCode = 2;
  } else {
    const started = performance.now();
    await writeCorpus(out, Number(count), { seed });
    process.stderr.write(`wrote ${count} papers to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
}

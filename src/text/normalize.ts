/**
 * Normal forms of words and phrases, used as lookup keys so that variants of one term meet:
 * case ("Entropy Collapse"), plural ("LLMs", "policies"), hyphen/space ("entropy-collapse"), and British
 * spelling ("regularisation", "behaviour", "modelling"). Keys are compared, never shown.
 *
 * Singular forms follow the usual English inflection rules (-ies → -y, -ches/-shes/-xes/-sses → drop -es,
 * -s → drop) with the common exceptions; spelling follows the -ise/-isation → -ize/-ization convention of
 * American usage plus a short list of -our/-re/-lled words. Every word's key is memoised.
 */
import { tokenize } from './tokenize.ts';

const SPELLING: Readonly<Record<string, string>> = {
  behaviour: 'behavior', behaviours: 'behaviors', behavioural: 'behavioral', colour: 'color', favour: 'favor', favourable: 'favorable',
  labour: 'labor', neighbour: 'neighbor', neighbours: 'neighbors', neighbourhood: 'neighborhood', honour: 'honor', humour: 'humor',
  modelling: 'modeling', modelled: 'modeled', labelled: 'labeled', labelling: 'labeling', travelled: 'traveled', signalling: 'signaling',
  cancelled: 'canceled', centre: 'center', centres: 'centers', metre: 'meter', fibre: 'fiber', analyse: 'analyze', analysed: 'analyzed',
  analyses: 'analyses', analysing: 'analyzing', catalogue: 'catalog', defence: 'defense', licence: 'license', programme: 'program',
  grey: 'gray', paralyse: 'paralyze', optimisation: 'optimization', generalisation: 'generalization', tumour: 'tumor', tumours: 'tumors',
  oesophageal: 'esophageal', haemorrhage: 'hemorrhage', anaemia: 'anemia', paediatric: 'pediatric', foetal: 'fetal', oedema: 'edema',
};

/** -ise words that are not British spellings of -ize words. */
const ISE_EXCEPTIONS = new Set(
  ('advertise advise arise chastise circumcise comprise compromise concise demise despise devise disguise enterprise excise exercise ' +
    'expertise franchise improvise incise merchandise noise otherwise paradise poise praise precise premise promise raise reprise revise ' +
    'rise supervise surmise surprise televise treatise wise clockwise likewise stepwise pairwise pointwise elementwise noise denoise ' +
    'layerwise tokenwise channelwise pixelwise rowwise piecewise coordinatewise franchise bruise cruise guise anise valise').split(' '),
);

const SINGULAR_EXCEPTIONS = new Set(
  ('series species news physics mathematics statistics dynamics economics ethics robotics genomics proteomics analytics semantics linguistics ' +
    'kinetics optics graphics diagnostics heuristics logistics metrics aids always perhaps whereas thus bias gas lens canvas atlas alias ' +
    'chaos ethos pathos cosmos kudos corpus virus status bonus focus consensus nexus campus census stimulus radius apparatus hypothesis ' +
    'analysis synthesis diagnosis prognosis basis thesis emphasis axis crisis this its has was is yes plus minus versus previous various ' +
    'numerous continuous ambiguous autonomous heterogeneous homogeneous simultaneous spontaneous obvious serious vicious anonymous famous ' +
    'vs gpus tpus cpus ms mas mos ss kinesis mitosis sepsis psoriasis fibrosis stenosis sclerosis tuberculosis osteoporosis ' +
    'pancreas uterus thorax').split(' '),
);

const keyCache = new Map<string, string>();

/** British → American spelling of one lowercase word. */
export function americanSpelling(word: string): string {
  const listed = SPELLING[word];
  if (listed !== undefined && Object.prototype.hasOwnProperty.call(SPELLING, word)) return listed;
  if (word.length > 7) {
    if (word.endsWith('isation')) return `${word.slice(0, -7)}ization`;
    if (word.endsWith('isations')) return `${word.slice(0, -8)}izations`;
    if (word.endsWith('ising')) return ISE_EXCEPTIONS.has(`${word.slice(0, -3)}e`) ? word : `${word.slice(0, -5)}izing`;
    if (word.endsWith('ised')) return ISE_EXCEPTIONS.has(word.slice(0, -1)) ? word : `${word.slice(0, -4)}ized`;
    if (word.endsWith('iser')) return ISE_EXCEPTIONS.has(word.slice(0, -1)) ? word : `${word.slice(0, -4)}izer`;
    if (word.endsWith('isers')) return ISE_EXCEPTIONS.has(word.slice(0, -2)) ? word : `${word.slice(0, -5)}izers`;
  }
  if (word.length > 6) {
    if (word.endsWith('ise')) return ISE_EXCEPTIONS.has(word) ? word : `${word.slice(0, -3)}ize`;
    if (word.endsWith('ises')) return ISE_EXCEPTIONS.has(word.slice(0, -1)) ? word : `${word.slice(0, -4)}izes`;
  }
  return word;
}

/** Singular of one lowercase word (rules plus exceptions); words with digits and short words are kept. */
export function singular(word: string): string {
  const n = word.length;
  if (n < 4 || word.charCodeAt(n - 1) !== 0x73 || SINGULAR_EXCEPTIONS.has(word)) return word;
  const prev = word.charCodeAt(n - 2);
  if (prev === 0x73 || prev === 0x75 || prev === 0x69) return word; // -ss, -us, -is
  if (word.endsWith('ies') && n > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses') || word.endsWith('xes') || word.endsWith('zes') || word.endsWith('shes')) return word.slice(0, -2);
  if (word.endsWith('ches') && !word.endsWith('aches')) return word.slice(0, -2);
  if (word.endsWith('aches') && (word.endsWith('approaches') || word.endsWith('reaches') || word.endsWith('coaches'))) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** The lookup key of one word: lowercase, American spelling, singular. Memoised. */
export function wordKey(word: string): string {
  let key = keyCache.get(word);
  if (key === undefined) {
    const lower = word.toLowerCase();
    // A plural acronym: "LLMs", "VLMs", "MLLMs" → "llm".
    if (word.length >= 3 && word.endsWith('s') && isUpperRun(word, word.length - 1)) key = lower.slice(0, -1);
    else key = singular(americanSpelling(lower));
    if (keyCache.size > 500_000) keyCache.clear();
    keyCache.set(word, key);
  }
  return key;
}

function isUpperRun(word: string, end: number): boolean {
  let uppers = 0;
  for (let i = 0; i < end; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) uppers++;
    else if (!(c >= 0x30 && c <= 0x39)) return false;
  }
  return uppers >= 2;
}

/** The lookup key of a phrase: its words' keys joined by one space (hyphens and punctuation ignored). */
export function phraseKey(words: readonly string[]): string {
  return words.map(wordKey).join(' ');
}

/** The lookup key of a free-text term ("Entropy-Collapse" → "entropy collapse"). */
export function termKey(text: string): string {
  return phraseKey(tokenize(text).map((token) => token.text));
}

/**
 * English function words (articles, pronouns, prepositions, conjunctions, auxiliaries, common adverbs) —
 * a phrase never starts or ends with one. Based on the SMART stop list (Salton 1971) trimmed of content words
 * that matter in this field ("value", "order", "second" are kept out of it on purpose).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ('a about above across after again against all almost along already also although always am among an and another any anyone anything ' +
    'are around as at be became because become becomes been before being below between both but by can cannot could did do does doing done ' +
    'down during each either else enough etc even ever every few for from further furthermore had has have having he hence her here hers ' +
    'herein him his how however i if in into is it its itself just least less let like likely may me might more moreover most mostly much ' +
    'must my neither no nor not now of off often on once one only onto or other others otherwise our ours out over own per perhaps quite ' +
    'rather really same several shall she should since so some such than that the their theirs them then there thereby therefore these ' +
    'they this those though through throughout thus to together too toward towards under unless until up upon us very via was we well were ' +
    'what whatever when where whereas whether which while who whom whose why will with within without would yet you your yours ' +
    'namely i.e e.g ie eg vs versus respectively simultaneously additionally specifically notably particularly especially significantly ' +
    'consistently substantially effectively efficiently remarkably considerably largely widely highly greatly relatively typically usually ' +
    'generally recently currently previously finally first firstly second secondly third thirdly lastly still yet instead meanwhile ' +
    'existing proposed called termed named dubbed using based given across including include includes included').split(' '),
);

export function isStopword(lowerWord: string): boolean {
  return STOPWORDS.has(lowerWord);
}

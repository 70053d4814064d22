/**
 * Which characters a repair may produce: the blocks that real text in paper lists uses (Latin, Greek and
 * Cyrillic letters, punctuation, symbols, arrows, mathematics, CJK and its punctuation, kana, Hangul,
 * full-width forms, emoji). Controls, combining marks, private use, invisible formatting characters and the
 * scripts our lists never contain are refused, so a byte pattern that happens to be valid UTF-8 but decodes to,
 * say, a C1 control or an Arabic letter is not taken as mojibake. Block ranges from the Unicode Standard's
 * Blocks.txt.
 */

const RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00a0, 0x024f], // Latin-1 Supplement, Latin Extended-A and -B
  [0x0370, 0x03ff], // Greek
  [0x0400, 0x04ff], // Cyrillic
  [0x1e00, 0x1eff], // Latin Extended Additional
  [0x2010, 0x2027], // dashes, quotes, bullets, ellipsis
  [0x2030, 0x205e], // per mille, primes, guillemets, …
  [0x2070, 0x209f], // superscripts and subscripts
  [0x20a0, 0x20cf], // currency
  [0x2100, 0x218f], // letterlike symbols, number forms
  [0x2190, 0x23ff], // arrows, mathematical operators, technical
  [0x2460, 0x24ff], // enclosed alphanumerics
  [0x2500, 0x27ff], // box drawing, shapes, symbols, dingbats
  [0x2900, 0x2bff], // arrows and mathematical symbols
  [0x2e80, 0x2fdf], // CJK radicals
  [0x3000, 0x303f], // CJK symbols and punctuation
  [0x3040, 0x312f], // kana, bopomofo
  [0x3200, 0x33ff], // enclosed CJK, compatibility
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe00, 0xfe0f], // variation selectors (emoji presentation)
  [0xfe10, 0xfe1f], // vertical forms
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff01, 0xffee], // half- and full-width forms
  [0x1d400, 0x1d7ff], // mathematical alphanumerics
  [0x1f000, 0x1faff], // emoji, pictographs, symbols
  [0x20000, 0x2fa1f], // CJK Extensions B–F, compatibility supplement
];

export function isPlausibleCodePoint(codePoint: number): boolean {
  let low = 0;
  let high = RANGES.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = RANGES[middle];
    if (!range) return false;
    if (codePoint < range[0]) high = middle - 1;
    else if (codePoint > range[1]) low = middle + 1;
    else return true;
  }
  return false;
}

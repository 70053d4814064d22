/**
 * Hides markup from the tokenizer without moving any offset: LaTeX commands (`\textbf{`, `\mathcal`), braces and
 * math dollars become spaces of the same length; HTML/XML tags (`<i>`, `</sub>`) and entities (`&amp;`) become a
 * `|` (a phrase break) padded with spaces, so no term runs across them. Evidence offsets computed on the masked
 * text point into the original one. Text without markup is returned as is (no copy).
 */

const LATEX = /\\[a-zA-Z]+\*?|\\[^a-zA-Z\s]|[{}$]/g;
const MARKUP_START = /[\\{}$<&]/;
const HTML = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,200})?\/?>|&(?:amp|lt|gt|quot|nbsp|#\d+);/g;

/** True when the text holds a character that may start markup (`maskMarkup` changes nothing otherwise). */
export function hasMarkup(text: string): boolean {
  return MARKUP_START.test(text);
}

export function maskMarkup(text: string): string {
  if (!hasMarkup(text)) return text;
  return text.replace(LATEX, (match) => ' '.repeat(match.length)).replace(HTML, (match) => `|${' '.repeat(match.length - 1)}`);
}

/**
 * Hides markup from the tokenizer without moving any offset: LaTeX commands (`\textbf{`, `\mathcal`), braces,
 * math dollars and HTML/XML tags (`<i>`, `</sub>`) are replaced by spaces of the same length, so evidence offsets
 * computed on the masked text point into the original one. Text without markup is returned as is (no copy).
 */

const MARKUP = /\\[a-zA-Z]+\*?|\\[^a-zA-Z\s]|[{}$]|<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,200})?\/?>|&(?:amp|lt|gt|quot|nbsp|#\d+);/g;

export function maskMarkup(text: string): string {
  if (!/[\\{}$<&]/.test(text)) return text;
  return text.replace(MARKUP, (match) => ' '.repeat(match.length));
}

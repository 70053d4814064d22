/**
 * Text from inputs made inert in GitHub-flavoured Markdown, on one line: the punctuation that could start emphasis, code, a link or a table cell is backslash-escaped,
 * `<`, `>` and `&` become entities (so `<script>` shows as text), pipes cannot break a table, newlines become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (character) => `\\${character}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A URL usable as a Markdown link target: http(s) only, with parentheses and spaces percent-encoded. */
export function markdownUrl(url: string): string {
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s"'<>]+$/i.test(trimmed)) return '';
  return trimmed.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

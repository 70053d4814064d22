/**
 * Escaping for everything that comes from inputs: text into HTML elements and attributes, links restricted to
 * http(s) so a `javascript:` URL in a list never becomes clickable, and JSON made safe to embed in a <script>.
 */
const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** The URL if it is an absolute http(s) URL, else '' (the caller then shows no link). */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  return /^https?:\/\/[^\s"'<>]+$/i.test(trimmed) ? trimmed : '';
}

/** JSON that cannot close the <script> element it sits in nor break a JavaScript string. */
export function toScriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

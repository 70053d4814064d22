/**
 * Text cleaning shared by every exporter: characters that XML 1.0 forbids (C0 controls other than tab, line feed and
 * carriage return; U+FFFE, U+FFFF; unpaired surrogates — W3C XML 1.0, 5th ed., §2.2 "Char") are removed from every
 * label and value, in every format, so all exports of one graph carry the same text; each removal is reported as a
 * `control-characters` issue naming the export, the node or edge and the field.
 */
import { issue, type Issue } from '../core/issues.ts';

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface TextSanitizer {
  /** The text without forbidden characters; a removal is recorded against `where` ("label of node concept:x"). */
  clean(text: string, where: () => string): string;
  readonly issues: Issue[];
}

export function createTextSanitizer(exportName: string): TextSanitizer {
  const issues: Issue[] = [];
  return {
    issues,
    clean(text, where) {
      FORBIDDEN.lastIndex = 0;
      if (!FORBIDDEN.test(text)) return text;
      const removed: string[] = [];
      const cleaned = text.replace(FORBIDDEN, (character) => {
        removed.push(`U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
        return '';
      });
      issues.push(issue('control-characters', 'warning', `${exportName}: removed ${removed.length} character${removed.length === 1 ? '' : 's'} that XML forbids (${[...new Set(removed)].join(', ')}) from the ${where()}`));
      return cleaned;
    },
  };
}

/** Escapes text for a double-quoted XML attribute; tab, line feed and carriage return become character references so attribute-value normalisation keeps them. */
export function escapeXmlAttribute(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (character) => ATTRIBUTE_ESCAPES[character] ?? character);
}

/** Escapes text for XML character content; a carriage return becomes `&#13;` so line-end normalisation keeps it. */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>\r]/g, (character) => ATTRIBUTE_ESCAPES[character] ?? character);
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = Object.freeze({
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
});

/** A number as exports write it: integers as they are, others to `digits` significant digits, never `-0`; non-finite numbers give ''. */
export function formatNumber(value: number, digits = 8): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) return Object.is(value, -0) ? '0' : String(value);
  const rounded = Number(value.toPrecision(digits));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/**
 * The damage the repair undoes, made on purpose: encode text as UTF-8, show each byte through a single-byte
 * code page, drop the bytes the code page leaves undefined and every soft hyphen (U+00AD). This is the damage
 * model of ../shared/corpus/README.md (Windows-1254 by default); tests and the encoding bench use it to damage
 * clean text and measure how much of it `repairEncoding` restores.
 */
import { codePage, type CodePageName } from './code-pages.ts';

export interface EncodeMojibakeOptions {
  /** Code page the UTF-8 bytes are misread through. Default `windows-1254`. */
  codePage?: CodePageName;
  /** Drop undefined bytes and soft hyphens (true, the damage model) or keep them as C1 controls (false). Default true. */
  dropUndefined?: boolean;
}

const SOFT_HYPHEN = 0xad;
const encoder = new TextEncoder();

export function encodeMojibake(text: string, options: EncodeMojibakeOptions = {}): string {
  const page = codePage(options.codePage ?? 'windows-1254');
  const dropUndefined = options.dropUndefined ?? true;
  const bytes = encoder.encode(text);
  const out: string[] = [];
  for (const byte of bytes) {
    const char = page.toChar[byte] ?? -1;
    if (char === -1 || char === SOFT_HYPHEN) {
      if (!dropUndefined) out.push(String.fromCharCode(byte));
      continue;
    }
    out.push(String.fromCharCode(char));
  }
  return out.join('');
}

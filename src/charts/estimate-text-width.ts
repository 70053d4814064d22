/**
 * Text width without a font at hand, from character classes calibrated on Helvetica/Arial and Noto Sans CJK:
 * CJK and full-width characters take a full em, capitals about 0.68 em, narrow letters and punctuation 0.3 em,
 * other characters 0.56 em; bold text is 6 % wider. Used for label placement and, in place of Vega's flat
 * 0.8 em per character, for chart layout when rendering without a browser.
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const wide = (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef);
    width += wide ? 1 : /[A-Z]/.test(character) ? 0.68 : /[iljtf.,'|!:;·() ]/.test(character) ? 0.3 : 0.56;
  }
  return width * fontSize * (bold ? 1.06 : 1);
}

/**
 * Chinese word segmentation with the platform's `Intl.Segmenter` (ICU's dictionary-based word breaker),
 * so no dictionary ships with papergraph. Returns word-like segments with their offsets.
 */

export interface Segment {
  text: string;
  start: number;
  end: number;
}

let segmenter: Intl.Segmenter | null = null;

export function segmentChinese(text: string): Segment[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const segments: Segment[] = [];
  for (const part of segmenter.segment(text)) {
    if (!part.isWordLike) continue;
    segments.push({ text: part.segment, start: part.index, end: part.index + part.segment.length });
  }
  return segments;
}

/** True when the string holds at least one CJK ideograph. */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

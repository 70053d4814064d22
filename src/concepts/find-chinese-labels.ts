/**
 * Chinese labels of English terms in Chinese notes: a Chinese term followed by its English form in brackets,
 * "群相对策略优化（GRPO）", "熵坍缩（entropy collapse）", full-width or ASCII brackets. The Chinese term is the
 * run of Han characters right before the bracket, cut with `Intl.Segmenter` so that leading verbs and function
 * words ("提出了", "通过", "的") are left out.
 */
import { segmentChinese } from '../text/segment-chinese.ts';

export interface ChineseLabel {
  chinese: string;
  english: string;
  /** Offsets of the whole "中文（English）" match in the text. */
  start: number;
  end: number;
}

const PATTERN = /([\p{Script=Han}A-Za-z0-9\-]*\p{Script=Han})\s*[（(]\s*([A-Za-z][A-Za-z0-9 .\-/+&']{0,80}?)\s*[)）]/gu;

/** Words that open a clause rather than name a thing; the label starts after the last of them. */
const LEADING = new Set([
  '的', '了', '和', '与', '及', '或', '在', '对', '将', '把', '被', '由', '从', '以', '用', '为', '是', '并', '而', '但', '即', '如', '通过', '使用', '采用',
  '利用', '基于', '提出', '提出了', '引入', '引入了', '设计', '设计了', '构建', '一种', '一个', '这种', '该', '此', '其', '本文', '我们', '作者', '论文', '研究',
  '解决', '缓解', '导致', '出现', '存在', '称为', '叫做', '名为', '包括', '如何', '避免', '实现', '结合', '发现', '现有', '传统', '新的', '关键',
  '方法', '问题', '中', '上', '下', '时', '后', '前', '也', '都', '会', '能', '可', '可以', '不', '没有', '这', '那', '一', '等',
]);

export function findChineseLabels(text: string): ChineseLabel[] {
  const labels: ChineseLabel[] = [];
  for (const match of text.matchAll(PATTERN)) {
    const raw = match[1] ?? '';
    const english = (match[2] ?? '').trim();
    if (english.length < 2 || raw === '') continue;
    const chinese = trimLabel(raw);
    if (chinese === '' || [...chinese].length < 2 || [...chinese].length > 16) continue;
    const start = (match.index ?? 0) + raw.length - chinese.length;
    labels.push({ chinese, english, start, end: (match.index ?? 0) + match[0].length });
  }
  return labels;
}

function trimLabel(raw: string): string {
  const segments = segmentChinese(raw);
  let from = 0;
  for (let i = 0; i < segments.length; i++) {
    if (LEADING.has(segments[i]!.text)) from = i + 1;
  }
  // Keep at most the last 4 segments: labels are short noun phrases.
  from = Math.max(from, segments.length - 4);
  const first = segments[from];
  if (first === undefined) return '';
  return raw.slice(first.start).trim();
}

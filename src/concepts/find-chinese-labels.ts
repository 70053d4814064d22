/**
 * Chinese labels of English terms in Chinese notes: a Chinese term followed by its English form in brackets,
 * "群相对策略优化（GRPO）", "熵坍缩（entropy collapse）", full-width or ASCII brackets. The Chinese term is the
 * run of Han characters right before the bracket, cut with `Intl.Segmenter` so that leading verbs, function words
 * and generic modifiers ("提出了", "通过", "新兴") are left out, and a short modifier before "的" too.
 */
import { segmentChinese } from '../text/segment-chinese.ts';

export interface ChineseLabel {
  chinese: string;
  english: string;
  /** Offsets of the whole "中文（English）" match in the text. */
  start: number;
  end: number;
}

const ENGLISH = /^\s*([A-Za-z][A-Za-z0-9 .\-/+&']{0,80}?)\s*$/;
const HAN = /\p{Script=Han}/u;

/** Words that open a clause rather than name a thing; the label starts after the last of them. */
const LEADING = new Set([
  '了', '和', '与', '及', '或', '在', '对', '将', '把', '被', '由', '从', '以', '用', '为', '是', '并', '而', '但', '即', '如', '通过', '使用', '采用',
  '利用', '基于', '提出', '提出了', '引入', '引入了', '设计', '设计了', '构建', '一种', '一个', '这种', '该', '此', '其', '本文', '我们', '作者', '论文', '研究',
  '解决', '缓解', '导致', '出现', '存在', '称为', '叫做', '名为', '包括', '如何', '避免', '实现', '结合', '发现', '现有', '传统', '新的', '关键',
  '方法', '问题', '中', '上', '下', '时', '后', '前', '也', '都', '会', '能', '可', '可以', '不', '没有', '这', '那', '一', '等',
  '新兴', '常见', '主流', '经典', '典型', '先进', '多种', '各种', '不同', '标准', '简单', '有效', '强大',
  // Clause openers, connectives and verbs that segmentation leaves glued to a term ("尽管强化学习", "随着大型语言模型",
  // "推动大语言模型").
  '尽管', '虽然', '随着', '近年', '近年来', '最近', '当前', '目前', '作为', '成为', '已', '已经', '来', '着', '于', '得益', '依赖', '通常',
  '尤其', '尤其是', '特别是', '诸如', '比如', '例如', '其中', '但在', '对于', '借助', '凭借', '让', '使', '使得', '提升', '推动', '激发',
  '训练', '执行', '进行', '面临', '获取', '整合', '替代', '部署', '查询', '衡量', '首先', '首先是', '一步', '这类', '这些', '主要',
]);

export function findChineseLabels(text: string): ChineseLabel[] {
  const labels: ChineseLabel[] = [];
  // Scan bracket by bracket (no backtracking regular expression over long notes).
  for (let open = nextOpen(text, 0); open !== -1; open = nextOpen(text, open + 1)) {
    // The Han run right before the bracket (spaces allowed between).
    let end = open;
    while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
    let start = end;
    while (start > 0 && end - start < 24 && isHanAt(text, start - 1)) start--;
    if (start === end) continue;
    const close = nextClose(text, open + 1);
    if (close === -1 || close - open > 84) continue;
    const english = ENGLISH.exec(text.slice(open + 1, close))?.[1]?.trim() ?? '';
    if (english.length < 2) continue;
    const raw = text.slice(start, end);
    // A run cut by the length limit may start inside a word: its first segment is dropped.
    const chinese = trimLabel(raw, start > 0 && isHanAt(text, start - 1));
    if (chinese === '' || [...chinese].length < 2 || [...chinese].length > 16) continue;
    labels.push({ chinese, english, start: end - chinese.length, end: close + 1 });
  }
  return labels;
}

function nextOpen(text: string, from: number): number {
  const full = text.indexOf('（', from);
  const ascii = text.indexOf('(', from);
  return full === -1 ? ascii : ascii === -1 ? full : Math.min(full, ascii);
}

function nextClose(text: string, from: number): number {
  for (let i = from; i < text.length && i < from + 90; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x29 || c === 0xff09) return i;
    if (c === 0x28 || c === 0xff08 || c === 0x0a) return -1;
  }
  return -1;
}

function isHanAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  if (code < 0x3400) return false;
  return HAN.test(text.charAt(index));
}

/** Labels already cut from a Han run (the same runs recur across notes); bounded, cleared when full. */
const trimmed = new Map<string, string>();
const MAX_TRIMMED = 50_000;

function trimLabel(raw: string, cut: boolean): string {
  const key = cut ? `\u0001${raw}` : raw;
  let label = trimmed.get(key);
  if (label === undefined) {
    if (trimmed.size >= MAX_TRIMMED) trimmed.clear();
    trimmed.set(key, (label = cutLabel(raw, cut)));
  }
  return label;
}

function cutLabel(raw: string, cut: boolean): string {
  const segments = segmentChinese(raw);
  let from = cut ? 1 : 0;
  for (let i = from; i < segments.length; i++) {
    const text = segments[i]!.text;
    // "的" links a modifier to its head: cut there only when the modifier is a short word ("模型的熵坍缩" → "熵坍缩"),
    // not when it is part of the name ("基于人类反馈的强化学习"); a label never starts with it.
    if (i === segments.length - 1) break; // the head itself is never cut ("对抗训练")
    if (LEADING.has(text) || (text === '的' && (i === from || segments[i]!.start - (segments[from]?.start ?? 0) <= 2))) from = i + 1;
  }
  // Labels are short noun phrases: at most the last 10 characters of what remains, starting on a word.
  const end = raw.trimEnd().length;
  while (from < segments.length && end - segments[from]!.start > 10) from++;
  const first = segments[from];
  if (first === undefined) return '';
  return raw.slice(first.start).trim();
}


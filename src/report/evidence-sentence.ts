/**
 * The sentence around a piece of evidence, to show a reader where a concept appears: cut at the nearest sentence
 * ends (. ! ? and their CJK forms, or a line break) on each side, and at most `maxChars` long, with an ellipsis
 * where it was shortened. Returned in three parts so the match can be highlighted after escaping.
 */
import type { Evidence, Paper } from '../core/types.ts';
import { paperFieldText } from './paper-field-text.ts';

export interface EvidenceSentence {
  before: string;
  match: string;
  after: string;
}

const SENTENCE_END = /[.!?。！？\n]/;

export function evidenceSentence(paper: Paper, evidence: Evidence, maxChars = 280): EvidenceSentence | null {
  const text = paperFieldText(paper, evidence.field);
  if (evidence.start < 0 || evidence.end > text.length || evidence.start >= evidence.end) return null;
  let start = evidence.start;
  while (start > 0) {
    const previous = text[start - 1] ?? '';
    // A period ends a sentence only before a space or line end ("2.5" and "e.g." mid-word do not).
    if (previous === '\n' || (SENTENCE_END.test(previous) && (previous !== '.' || /\s/.test(text[start] ?? ' ')))) break;
    start -= 1;
  }
  let end = evidence.end;
  while (end < text.length) {
    const character = text[end] ?? '';
    if (character === '\n') break;
    end += 1;
    if (SENTENCE_END.test(character) && (character !== '.' || /\s/.test(text[end] ?? ' '))) break;
  }
  let before = text.slice(start, evidence.start).replace(/^\s+/, '');
  const match = text.slice(evidence.start, evidence.end);
  let after = text.slice(evidence.end, end).replace(/\s+$/, '');
  const budget = Math.max(0, maxChars - match.length);
  if (before.length + after.length > budget) {
    const half = Math.floor(budget / 2);
    const keepBefore = Math.min(before.length, Math.max(half, budget - after.length));
    const keepAfter = Math.min(after.length, budget - keepBefore);
    if (keepBefore < before.length) before = `…${before.slice(before.length - keepBefore)}`;
    if (keepAfter < after.length) after = `${after.slice(0, keepAfter)}…`;
  }
  return { before, match, after };
}

/**
 * The Chinese title a paper list's notes give a paper: the text after `论文解读 |` in the "🌟 论文解读 | …"
 * heading, or '' when the notes have none.
 */
import type { Paper } from '../core/types.ts';

export function noteTitleZh(paper: Paper): string {
  for (const note of paper.notes) {
    const at = note.heading.indexOf('论文解读');
    if (at === -1) continue;
    const rest = note.heading.slice(at + '论文解读'.length);
    const bar = rest.search(/[|｜]/);
    const title = (bar === -1 ? rest : rest.slice(bar + 1)).trim();
    if (title !== '') return title;
  }
  return '';
}

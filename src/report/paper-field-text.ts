/**
 * The text an Evidence offset points into. The notes field is the notes sections joined exactly as
 * text/notes-text.ts joins them (`heading\ntext`, sections separated by a blank line); keep the two in step.
 */
import type { Paper, TextField } from '../core/types.ts';

export function paperFieldText(paper: Paper, field: TextField): string {
  if (field === 'title') return paper.title;
  if (field === 'abstract') return paper.abstract;
  return paper.notes.map((note) => `${note.heading}\n${note.text}`).join('\n\n');
}

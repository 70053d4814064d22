/**
 * The one string a paper's notes are read as: every section's heading and text, joined.
 *
 * Evidence offsets for the `notes` field point into this string, so every stage that shows notes evidence must
 * build it the same way — with this function.
 */
import type { Paper } from '../core/types.ts';

export function notesText(paper: Pick<Paper, 'notes'>): string {
  return paper.notes.map((note) => `${note.heading}\n${note.text}`).join('\n\n');
}

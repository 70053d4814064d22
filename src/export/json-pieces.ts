/**
 * Pretty-printed JSON arrays in pieces: the same text as JSON.stringify(items, null, 2) placed at `depth` levels of
 * indentation, made one item at a time (string values hold no raw line breaks, so indenting an item's lines is
 * safe). For documents of a million papers, which as one string would pass V8's limit of about 512M characters.
 */
import { PIECE_LENGTH } from './piece-length.ts';

export function* jsonArrayPieces(items: readonly unknown[], depth = 0, pieceLength = PIECE_LENGTH): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  const inner = `\n${'  '.repeat(depth + 1)}`;
  let piece = '[';
  for (const [index, item] of items.entries()) {
    piece += `${index === 0 ? '' : ','}${inner}${indent(JSON.stringify(item, null, 2), depth + 1)}`;
    if (piece.length >= pieceLength) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}\n${'  '.repeat(depth)}]`;
}

/** JSON.stringify(value, null, 2) placed at `depth` levels of indentation. */
export function indentedJson(value: unknown, depth: number): string {
  return indent(JSON.stringify(value, null, 2), depth);
}

function indent(text: string, depth: number): string {
  return depth === 0 ? text : text.replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

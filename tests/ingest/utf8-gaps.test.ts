import { describe, expect, it } from 'vitest';
import { codePage } from '../../src/ingest/code-pages.ts';
import { decodeSequence, parseUtf8WithGaps } from '../../src/ingest/utf8-gaps.ts';

const dropped = codePage('windows-1254').droppedBytes;
const readings = (bytes: number[]): string[][] | null => {
  const parse = parseUtf8WithGaps(bytes, { droppedBytes: dropped });
  if (parse === null) return null;
  return Array.from({ length: parse.length }, (_, index) =>
    parse.candidates.slice(parse.offsets[index], parse.offsets[index + 1]).map((codePoint) => String.fromCodePoint(codePoint)));
};

describe('parseUtf8WithGaps', () => {
  it('reads complete sequences as one candidate each', () => {
    expect(readings([0xe8, 0xae, 0xba, 0xe6, 0x96, 0x87])).toEqual([['论'], ['文']]);
  });

  it('lists every character a sequence short of one byte could be, in either slot', () => {
    const [chars] = readings([0xe4, 0xb8]) ?? [];
    expect(chars).toEqual(expect.arrayContaining(['中', '与', '不']));
    expect(chars).toContain(String.fromCodePoint(0x4078)); // E4 81 B8: the present byte in the last slot
  });

  it('fills a lead byte that lost both continuation bytes', () => {
    const [chars] = readings([0xe5]) ?? [];
    expect(chars).toContain('偏');
    expect(chars).toHaveLength(64);
  });

  it('refuses what no insertion can make valid', () => {
    expect(readings([0xb0, 0xb1])).toBeNull(); // starts with a continuation byte
    expect(readings([0xc3, 0xa9, 0xa9])).toBeNull(); // one continuation byte too many
    expect(readings([0xf6, 0xdf])).toBeNull(); // F6 never starts a character
    expect(readings([0xf0])).toBeNull(); // three missing bytes
  });

  it('rejects overlongs, surrogates and code points past U+10FFFF', () => {
    expect(decodeSequence(0xe0, [0x80, 0x80])).toBe(-1);
    expect(decodeSequence(0xed, [0xa0, 0x80])).toBe(-1);
    expect(decodeSequence(0xf4, [0x90, 0x80, 0x80])).toBe(-1);
    expect(decodeSequence(0xf0, [0x9f, 0x8c, 0x9f])).toBe(0x1f31f);
  });
});

/**
 * How long the string pieces of a streamed export grow before they are handed to io: about 32K characters.
 *
 * Pieces are built by appending row after row. Past some 100 KB a piece costs several times as much per character
 * to build and flatten (measured on Node 20 with 3.6M GEXF edge lines: pieces of 500 lines, 85 KB, ran at 900 MB/s,
 * pieces of 2000 lines at 190 MB/s; mentions.csv of 10k papers took 0.86 s to generate in 1M-character pieces and
 * 0.14–0.22 s in pieces of 500 rows). The likely cause is V8's large-object space, which takes strings above 128 KB.
 */
export const PIECE_LENGTH = 1 << 15;

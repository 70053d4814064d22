/**
 * The single-byte code pages through which UTF-8 bytes are most often misread: Windows-1254 (Turkish),
 * Windows-1252 (Western) and ISO-8859-1 (Latin-1).
 *
 * Tables follow the Unicode Consortium's mapping files (MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT and
 * CP1254.TXT; MAPPINGS/ISO8859/8859-1.TXT). Bytes 0x00–0x7F are ASCII in all three; 0xA0–0xFF are Latin-1
 * except six Turkish letters in 1254; 0x80–0x9F differ. A byte the code page leaves undefined has no
 * character: a decoder that drops it loses that byte, and those bytes (plus 0xAD, whose soft hyphen is
 * often stripped) are the only ones a damaged text can be missing.
 */

export const CODE_PAGES = ['windows-1254', 'windows-1252', 'latin1'] as const;
export type CodePageName = (typeof CODE_PAGES)[number];

export interface CodePage {
  name: CodePageName;
  /** Character for each byte 0x00–0xFF, or -1 when the code page leaves the byte undefined. */
  toChar: Int32Array;
  /** Byte for each character the code page can show (code point -> byte). */
  toByte: ReadonlyMap<number, number>;
  /** Bytes a damaged decoding may have lost: the undefined ones and 0xAD (soft hyphen, often stripped). */
  droppedBytes: readonly number[];
}

const UNDEFINED = -1;
const SOFT_HYPHEN_BYTE = 0xad;

/** 0x80–0x9F in Windows-1252; -1 marks the five undefined bytes. */
const WINDOWS_1252_HIGH = [
  0x20ac, UNDEFINED, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, UNDEFINED, 0x017d, UNDEFINED,
  UNDEFINED, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, UNDEFINED, 0x017e, 0x0178,
] as const;

/** Windows-1254 differs from 1252 in these bytes (Turkish letters replace Icelandic ones; Ž ž are undefined). */
const WINDOWS_1254_CHANGES: ReadonlyArray<readonly [number, number]> = [
  [0x8e, UNDEFINED], [0x9e, UNDEFINED],
  [0xd0, 0x011e], [0xdd, 0x0130], [0xde, 0x015e], [0xf0, 0x011f], [0xfd, 0x0131], [0xfe, 0x015f],
];

function latin1Table(): Int32Array {
  const table = new Int32Array(256);
  for (let byte = 0; byte < 256; byte++) table[byte] = byte;
  return table;
}

function windows1252Table(): Int32Array {
  const table = latin1Table();
  WINDOWS_1252_HIGH.forEach((char, index) => { table[0x80 + index] = char; });
  return table;
}

function windows1254Table(): Int32Array {
  const table = windows1252Table();
  for (const [byte, char] of WINDOWS_1254_CHANGES) table[byte] = char;
  return table;
}

function makeCodePage(name: CodePageName, toChar: Int32Array): CodePage {
  const toByte = new Map<number, number>();
  const droppedBytes: number[] = [];
  for (let byte = 0; byte < 256; byte++) {
    const char = toChar[byte] ?? UNDEFINED;
    if (char === UNDEFINED) droppedBytes.push(byte);
    else toByte.set(char, byte);
  }
  droppedBytes.push(SOFT_HYPHEN_BYTE);
  return { name, toChar, toByte, droppedBytes };
}

const TABLES: Record<CodePageName, CodePage> = {
  'windows-1254': makeCodePage('windows-1254', windows1254Table()),
  'windows-1252': makeCodePage('windows-1252', windows1252Table()),
  latin1: makeCodePage('latin1', latin1Table()),
};

export function codePage(name: CodePageName): CodePage {
  return TABLES[name];
}

export function isCodePageName(value: unknown): value is CodePageName {
  return typeof value === 'string' && (CODE_PAGES as readonly string[]).includes(value);
}

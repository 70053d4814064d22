/**
 * arXiv identifiers from links: new style `2508.14040v4` and old style `cs/0501001v2`, from /abs/ or /pdf/ URLs.
 */
export interface ArxivId {
  id: string;
  version: number | null;
}

const ARXIV_URL = /arxiv\.org\/(?:abs|pdf)\/((?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7})|(?:\d{4}\.\d{4,5}))(?:v(\d+))?/i;
const BARE_ID = /^((?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7})|(?:\d{4}\.\d{4,5}))(?:v(\d+))?$/i;

export function parseArxivUrl(url: string): ArxivId | null {
  const match = ARXIV_URL.exec(url);
  return match ? toArxivId(match) : null;
}

export function parseArxivId(text: string): ArxivId | null {
  const match = BARE_ID.exec(text.trim());
  return match ? toArxivId(match) : null;
}

function toArxivId(match: RegExpExecArray): ArxivId {
  const version = match[2] === undefined ? null : Number(match[2]);
  return { id: match[1] ?? '', version };
}

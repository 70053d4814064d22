/**
 * A number formatter memoised for values on a decimal grid. The large tables repeat few distinct numbers: mention
 * scores are rounded to 4 decimals when they are made (concepts/match-papers.ts), theme strengths to 6. Turning a
 * double into text is the costliest step of writing such a row (formatNumber's toPrecision and String), so each
 * grid value is formatted once and its text reused.
 *
 * The text of a value is always what `format` gives for it: a value is looked up only when it is exactly the double
 * of a grid point (n / 10^decimals), and the cached text was made by `format` from that same double. Other values
 * (off the grid, negative, too large) go to `format` directly.
 */
export interface CacheGridNumbersOptions {
  /** Decimals of the grid. Default: 4. */
  decimals?: number;
  /** Grid points kept, from 0 up. Default: 2^20 (with 4 decimals, values below 104.8576). */
  size?: number;
}

export function cacheGridNumbers(format: (value: number) => string, options: CacheGridNumbersOptions = {}): (value: number) => string {
  const scale = 10 ** (options.decimals ?? 4);
  const size = options.size ?? 1 << 20;
  // An array indexed by grid point: about twice as fast as a Map over tens of millions of lookups (8 MB by default).
  let texts: (string | undefined)[] | null = null;
  return (value) => {
    const n = Math.round(value * scale);
    if (!(n >= 0 && n < size && n / scale === value)) return format(value);
    texts ??= new Array<string | undefined>(size).fill(undefined);
    let text = texts[n];
    if (text === undefined) {
      text = format(value);
      texts[n] = text;
    }
    return text;
  };
}

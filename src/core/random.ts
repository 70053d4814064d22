/**
 * Seeded pseudo-random numbers (mulberry32, Tommy Ettinger's 32-bit generator as popularised in d3-random's lcg
 * discussion): small, fast, and good enough for initialisation and sampling. Every random choice in papergraph
 * goes through a generator made here from the `seed` option, so the same seed gives the same output.
 */
export const DEFAULT_SEED = 42;

export type RandomSource = () => number;

export function createRandom(seed: number = DEFAULT_SEED): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `size` distinct indexes of 0..n−1 drawn by a seeded partial Fisher–Yates shuffle, in the order drawn; all of
 * 0..n−1, in order and without drawing, when n ≤ size. Sort the result where ascending order is wanted.
 */
export function sampleIndexes(n: number, size: number, random: RandomSource): Uint32Array {
  if (n <= size) return Uint32Array.from({ length: n }, (_, i) => i);
  const pool = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    const swap = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = swap;
  }
  return pool.slice(0, size);
}

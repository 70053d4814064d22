import { describe, expect, it } from 'vitest';
import { assertHeapRoom, MENTION_HEAP_BYTES } from '../../src/stream/assert-heap-room.ts';

const GB = 2 ** 30;

describe('assertHeapRoom', () => {
  it('lets a corpus through whose mention objects fit in the heap', () => {
    // 100k papers, 3.7M mentions (the 100k bench corpus) with 1.5 GB in use under a 4 GB limit.
    expect(() => assertHeapRoom(100_000, 3_700_000, { limit: 4 * GB, used: 1.5 * GB })).not.toThrow();
  });

  it('refuses, before the heap runs out, a corpus whose mention objects cannot fit, and says how to go on', () => {
    // 1M papers, 36.3M mentions (the 1M bench corpus, which crashed V8 at the default limit) with 2 GB in use.
    const run = (): void => assertHeapRoom(1_000_000, 36_314_907, { limit: 4 * GB, used: 2 * GB });
    expect(run).toThrow(/^papergraph\/stream: 1000000 papers with 36314907 mentions need about 3\.5 GB of JavaScript heap/);
    expect(run).toThrow(/only 2\.0 GB of the 4\.0 GB limit is left/);
    expect(run).toThrow(/NODE_OPTIONS=--max-old-space-size=\d+/);
    expect(run).toThrow(/--category, --from and --to/);
    // The suggested limit leaves room for the mentions twice over.
    let message = '';
    try {
      run();
    } catch (error) {
      message = (error as Error).message;
    }
    const suggested = Number(/max-old-space-size=(\d+)/.exec(message)?.[1]);
    expect(suggested * 2 ** 20).toBeGreaterThanOrEqual(2 * GB + 2 * 36_314_907 * MENTION_HEAP_BYTES);
  });

  it('reads the real heap when none is given', () => {
    expect(() => assertHeapRoom(10, 100)).not.toThrow();
  });
});

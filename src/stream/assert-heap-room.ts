/**
 * The graph, theme and output stages hold every mention as an object (core/types.ts Mention, about
 * `MENTION_HEAP_BYTES` each with its slot in the array). On a large corpus that can exceed the JavaScript heap, and
 * V8 then ends the process with a fatal "heap out of memory" and no hint of what to do. Measured: 1M synthetic arXiv
 * papers give 36M mentions, and `analyze` died that way right after extraction with Node's default ~4 GB heap.
 * This check turns that into a clear error before the objects are made, with the two ways out.
 */
import { getHeapStatistics } from 'node:v8';
import { PapergraphError } from '../core/errors.ts';

/** Heap bytes per Mention object and its array slot (7 fields, a boxed double, 64-bit V8 without pointer compression). */
export const MENTION_HEAP_BYTES = 104;

export interface HeapRoom {
  /** Bytes the heap may grow to (v8 heap_size_limit). */
  limit: number;
  /** Bytes in use now. */
  used: number;
}

export function assertHeapRoom(papers: number, mentions: number, heap: HeapRoom = currentHeap()): void {
  const needed = mentions * MENTION_HEAP_BYTES;
  if (heap.used + needed <= heap.limit * 0.9) return;
  const gb = (bytes: number): string => (bytes / 2 ** 30).toFixed(1);
  // The later stages need about as much again as the mention objects (graphs, themes, output text).
  const suggestedMb = Math.ceil((heap.used + 2 * needed) / 2 ** 20 / 1024) * 1024;
  throw new PapergraphError(
    'stream',
    `${papers} papers with ${mentions} mentions need about ${gb(needed)} GB of JavaScript heap for the graph, theme and output stages, ` +
      `but only ${gb(Math.max(0, heap.limit - heap.used))} GB of the ${gb(heap.limit)} GB limit is left. ` +
      `Give Node more memory (NODE_OPTIONS=--max-old-space-size=${suggestedMb}, if the machine has it) or analyse fewer papers with --category, --from and --to.`,
  );
}

function currentHeap(): HeapRoom {
  const statistics = getHeapStatistics();
  return { limit: statistics.heap_size_limit, used: statistics.used_heap_size };
}

import { describe, expect, it } from 'vitest';
import { createWorkerPool } from '../../src/io/worker-pool.ts';

const TASK = new URL('./fixtures/sum-task.ts', import.meta.url);

function chunks(n: number): { rows: number[][] }[] {
  return Array.from({ length: n }, (_, c) => ({ rows: Array.from({ length: 1 + (c % 7) * 50 }, (_, r) => [c, r, (c * r) % 13]) }));
}

async function runWith(workers: number): Promise<number[][]> {
  const pool = await createWorkerPool<{ rows: number[][] }, { sums: Float64Array }>(TASK, { scale: 2 }, { workers });
  try {
    const out: number[][] = [];
    for await (const result of pool.map(chunks(40))) out.push([...result.sums]);
    return out;
  } finally {
    await pool.close();
  }
}

describe('createWorkerPool', () => {
  it('gives the same results in input order with 0, 1 and 2 workers', async () => {
    const inline = await runWith(0);
    expect(inline).toHaveLength(40);
    expect(inline[3]?.[1]).toBe((3 + 1 + 3) * 2);
    expect(await runWith(1)).toEqual(inline);
    expect(await runWith(2)).toEqual(inline);
  });

  it('rejects a failing task with a papergraph error and keeps working', async () => {
    const pool = await createWorkerPool<{ rows: number[][] }, { sums: Float64Array }>(TASK, { scale: 1 }, { workers: 1 });
    try {
      await expect(pool.run({ rows: [[-999]] })).rejects.toThrow(/papergraph\/io\/worker-pool: task failed/);
      expect([...(await pool.run({ rows: [[1, 2]] })).sums]).toEqual([3]);
    } finally {
      await pool.close();
    }
  });

  it('stops when aborted: pending work is rejected', async () => {
    const controller = new AbortController();
    const pool = await createWorkerPool<{ rows: number[][] }, { sums: Float64Array }>(TASK, { scale: 1 }, { workers: 1, signal: controller.signal });
    const results: number[] = [];
    await expect(
      (async () => {
        for await (const result of pool.map(chunks(50))) {
          results.push(result.sums.length);
          if (results.length === 3) controller.abort();
        }
      })(),
    ).rejects.toThrow(/stopped/);
    expect(results.length).toBeLessThan(50);
    await pool.close();
  });

  it('rejects a bad worker count', async () => {
    await expect(createWorkerPool(TASK, {}, { workers: -1 })).rejects.toThrow(/workers must be/);
  });
});

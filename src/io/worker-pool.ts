/**
 * A pool of worker threads running one task module, with results in input order.
 *
 * A task module exports `createTask(init)` returning `(input) => { result, transfer? }`: the pool starts `workers`
 * threads (default `os.availableParallelism()`), each builds its task once from the same `init` (structured-cloned:
 * plain data such as a vocabulary), then inputs are handed to whichever thread is free. `map` keeps at most
 * `2 × workers` inputs in flight and yields results in the order of the inputs, so whatever the number of threads
 * the output is the same. With `workers: 0` the task runs on the calling thread (same code, no threads): for tiny
 * inputs and for comparison in tests.
 *
 * Threads run TypeScript through a small JavaScript entry (worker-entry.mjs) that registers tsx in the thread, so
 * the pool works the same under `tsx`, vitest and plain node. `close()` terminates the threads (also used on
 * Ctrl-C); inputs still pending are rejected.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { PapergraphError } from '../core/errors.ts';

export interface TaskOutput<O> {
  result: O;
  /** Buffers moved to the receiving thread instead of copied. */
  transfer?: ArrayBuffer[];
}
export type Task<I, O> = (input: I) => TaskOutput<O>;

export interface WorkerPoolOptions {
  /** Threads; 0 runs the task on the calling thread. Default: os.availableParallelism(). */
  workers?: number;
  /** Inputs in flight per thread in `map`. Default: 2. */
  queuePerWorker?: number;
  /** Terminates the pool when aborted. */
  signal?: AbortSignal;
}

export interface WorkerPool<I, O> {
  readonly workers: number;
  run(input: I, transfer?: ArrayBuffer[]): Promise<O>;
  /** Runs every input, yielding the results in input order. `transfer(input)` lists buffers to move with it. */
  map(inputs: AsyncIterable<I> | Iterable<I>, transfer?: (input: I) => ArrayBuffer[]): AsyncGenerator<O>;
  close(): Promise<void>;
}

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

export async function createWorkerPool<I, O>(taskModule: URL, init: unknown, options: WorkerPoolOptions = {}): Promise<WorkerPool<I, O>> {
  const count = options.workers ?? defaultWorkerCount();
  if (!Number.isInteger(count) || count < 0) throw new PapergraphError('io/worker-pool', `workers must be a whole number ≥ 0, got ${count}`);
  const inFlight = Math.max(1, count) * Math.max(1, options.queuePerWorker ?? 2);
  const base = count === 0 ? await inlinePool<I, O>(taskModule, init) : await threadPool<I, O>(taskModule, init, count);
  const onAbort = (): void => void base.close();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  return {
    workers: count,
    run: base.run,
    async *map(inputs, transfer) {
      const pending: Promise<O>[] = [];
      try {
        for await (const input of inputs) {
          if (options.signal?.aborted) throw aborted();
          const promise = base.run(input, transfer ? transfer(input) : []);
          promise.catch(() => undefined);
          pending.push(promise);
          if (pending.length >= inFlight) yield await (pending.shift() as Promise<O>);
        }
        while (pending.length > 0) yield await (pending.shift() as Promise<O>);
      } finally {
        for (const promise of pending) promise.catch(() => undefined);
      }
    },
    async close() {
      options.signal?.removeEventListener('abort', onAbort);
      await base.close();
    },
  };
}

interface BasePool<I, O> {
  run(input: I, transfer?: ArrayBuffer[]): Promise<O>;
  close(): Promise<void>;
}

async function inlinePool<I, O>(taskModule: URL, init: unknown): Promise<BasePool<I, O>> {
  const module = (await import(taskModule.href)) as { createTask: (init: unknown) => Task<I, O> | Promise<Task<I, O>> };
  // Same data path as threads: the init is cloned, so the task cannot share state with the caller.
  const task = await module.createTask(structuredClone(init));
  let closed = false;
  return {
    async run(input) {
      if (closed) throw aborted();
      return task(input).result;
    },
    async close() {
      closed = true;
    },
  };
}

interface Waiting<O> {
  resolve: (value: O) => void;
  reject: (error: Error) => void;
}

async function threadPool<I, O>(taskModule: URL, init: unknown, count: number): Promise<BasePool<I, O>> {
  const threads: { worker: Worker; busy: number }[] = [];
  const waiting = new Map<number, Waiting<O> & { thread: number }>();
  const queue: { id: number; input: I; transfer: ArrayBuffer[] }[] = [];
  let nextId = 0;
  let closed = false;
  let failure: Error | null = null;

  const fail = (error: Error): void => {
    failure ??= error;
    for (const entry of waiting.values()) entry.reject(error);
    waiting.clear();
  };
  const dispatch = (): void => {
    while (queue.length > 0) {
      let best = -1;
      for (let t = 0; t < threads.length; t++) if ((threads[t]?.busy ?? 1) === 0 && best === -1) best = t;
      if (best === -1) return;
      const job = queue.shift();
      const thread = threads[best];
      if (job === undefined || thread === undefined) return;
      thread.busy++;
      const entry = waiting.get(job.id);
      if (entry) entry.thread = best;
      thread.worker.postMessage({ id: job.id, input: job.input }, job.transfer);
    }
  };

  const ready: Promise<void>[] = [];
  for (let t = 0; t < count; t++) {
    const worker = new Worker(ENTRY, { workerData: { taskModule: taskModule.href, init }, execArgv: [] });
    const thread = { worker, busy: 0 };
    threads.push(thread);
    ready.push(
      new Promise<void>((resolve, reject) => {
        worker.once('message', (message: { ready?: boolean }) => (message.ready ? resolve() : reject(new Error('worker did not start'))));
        worker.once('error', reject);
      }),
    );
    worker.on('message', (message: { id?: number; result?: O; error?: string }) => {
      if (message.id === undefined) return;
      const entry = waiting.get(message.id);
      waiting.delete(message.id);
      thread.busy--;
      if (entry) {
        if (message.error !== undefined) entry.reject(new PapergraphError('io/worker-pool', `task failed in a worker: ${message.error}`));
        else entry.resolve(message.result as O);
      }
      dispatch();
    });
    worker.on('error', (error) => fail(new PapergraphError('io/worker-pool', `worker crashed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => {
      if (!closed && code !== 0) fail(new PapergraphError('io/worker-pool', `worker exited with code ${code}`));
    });
  }
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    fail(aborted());
    queue.length = 0;
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  };
  try {
    await Promise.all(ready);
  } catch (error) {
    await close();
    throw new PapergraphError('io/worker-pool', `could not start the workers for ${taskModule.href}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return {
    run(input, transfer = []) {
      if (closed) return Promise.reject(aborted());
      if (failure) return Promise.reject(failure);
      return new Promise<O>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject, thread: -1 });
        queue.push({ id, input, transfer });
        dispatch();
      });
    },
    close,
  };
}

function aborted(): PapergraphError {
  return new PapergraphError('io/worker-pool', 'stopped: the worker pool was closed');
}

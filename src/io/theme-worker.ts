/**
 * Theme clustering runs on worker threads (io/worker-pool.ts): the task each thread runs, and the runner that
 * detectThemesAsync (cluster/detect-themes.ts) is given by the streaming pipeline. Each thread receives its batch's
 * shared data once — the themes graph as a PortableGraph and the LSA rows — and then executes whole runs (a
 * consensus Louvain or Leiden detection, or a k-means clustering; cluster/theme-runs.ts), returning their typed
 * arrays by transfer; the threads stop when their batch is done. Runs are handed to whichever thread is free and
 * their results come back in the order of the runs, so the themes are the same with any number of threads.
 *
 * Starting a thread costs about a second (tsx and the cluster modules load in it), so batches on fewer than
 * `minRows` rows run on the calling thread.
 */
import type { DenseRows } from '../cluster/truncated-svd.ts';
import { fromPortableGraph, toPortableGraph, type PortableGraph } from '../cluster/portable-graph.ts';
import {
  executeThemeRun,
  themeRunTransfer,
  type ThemeRun,
  type ThemeRunData,
  type ThemeRunner,
  type ThemeRunResult,
} from '../cluster/theme-runs.ts';
import { createWorkerPool, defaultWorkerCount, type Task, type WorkerPool } from './worker-pool.ts';

export interface ThemeTaskInit {
  graph: PortableGraph;
  rows: DenseRows;
}

export function createTask(init: ThemeTaskInit): Task<ThemeRun, ThemeRunResult> {
  const data: ThemeRunData = { graph: fromPortableGraph(init.graph), rows: init.rows };
  return (run) => {
    const result = executeThemeRun(run, data);
    return { result, transfer: themeRunTransfer(result) };
  };
}

export interface ThreadThemeRunnerOptions {
  /** Threads, at most (never more than a batch has runs). Default: os.availableParallelism(). */
  workers?: number;
  /** Batches whose data has fewer rows run on the calling thread. Default: 2000. */
  minRows?: number;
  signal?: AbortSignal;
}

export interface ThreadThemeRunner {
  run: ThemeRunner;
  /** Stops the threads of a batch still running (when the themes failed or were interrupted); a batch that ends stops its own. */
  close(): Promise<void>;
}

const THEME_TASK = new URL('./theme-worker.ts', import.meta.url);

/** A runner that starts its threads for each batch of runs and stops them when the batch is done. */
export function createThreadThemeRunner(options: ThreadThemeRunnerOptions = {}): ThreadThemeRunner {
  const workers = options.workers ?? defaultWorkerCount();
  const minRows = options.minRows ?? 2000;
  let pool: WorkerPool<ThemeRun, ThemeRunResult> | null = null;
  const close = async (): Promise<void> => {
    const open = pool;
    pool = null;
    await open?.close();
  };
  const run: ThemeRunner = async (data, runs) => {
    if (workers === 0 || runs.length < 2 || data.rows.rowCount < minRows) return runs.map((run) => executeThemeRun(run, data));
    await close();
    const init: ThemeTaskInit = { graph: toPortableGraph(data.graph), rows: data.rows };
    const open = await createWorkerPool<ThemeRun, ThemeRunResult>(THEME_TASK, init, { workers: Math.min(workers, runs.length), ...(options.signal ? { signal: options.signal } : {}) });
    pool = open;
    // The threads go once their batch is done: what they hold (the graph, and garbage of up to a few hundred MB
    // each after consensus runs) would otherwise stay while the calling thread works on the results, which at 1M
    // papers is where the run's memory peaked. The next batch starts them again (about a second).
    try {
      return await Promise.all(runs.map((task) => open.run(task)));
    } finally {
      await close();
    }
  };
  return { run, close };
}

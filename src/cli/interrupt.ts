/**
 * Ctrl-C during a long run, without half-written outputs.
 *
 * While armed (stages that wait on I/O or workers: reading, extraction, writing the output folder), the first
 * SIGINT aborts the run's AbortSignal — workers are terminated, the staging folder of io/write-files.ts is removed,
 * nothing is moved into the output folder — and says so on stderr; a second one exits at once. While disarmed
 * (stages computing on the main thread, which could not run a handler before they end), SIGINT keeps its default
 * effect: the process ends at once, its worker threads with it, and the output folder is untouched because outputs
 * are only written, through a staging folder, after every stage.
 */
import type { CliContext } from './context.ts';

export interface Interrupt {
  signal: AbortSignal;
  /** Handle SIGINT by aborting `signal`. */
  arm(): void;
  /** Leave SIGINT to its default (end the process). */
  disarm(): void;
  /** Disarm for good. */
  release(): void;
}

export function onInterrupt(context: Pick<CliContext, 'stderr'>): Interrupt {
  const controller = new AbortController();
  let armed = false;
  const handler = (): void => {
    if (controller.signal.aborted) process.exit(130);
    context.stderr('\ninterrupted: stopping (workers ended, the output folder is left as it was); Ctrl-C again to quit at once\n');
    controller.abort();
  };
  const arm = (): void => {
    if (!armed) process.on('SIGINT', handler);
    armed = true;
  };
  const disarm = (): void => {
    if (armed) process.off('SIGINT', handler);
    armed = false;
  };
  return { signal: controller.signal, arm, disarm, release: disarm };
}

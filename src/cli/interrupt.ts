/**
 * Ctrl-C during a long run: the first SIGINT aborts the run's AbortSignal (workers are terminated, nothing is moved
 * into the output folder) and says so on stderr; a second one exits at once. `release()` removes the handler.
 */
import type { CliContext } from './context.ts';

export interface Interrupt {
  signal: AbortSignal;
  release(): void;
}

export function onInterrupt(context: Pick<CliContext, 'stderr'>): Interrupt {
  const controller = new AbortController();
  const handler = (): void => {
    if (controller.signal.aborted) process.exit(130);
    context.stderr('\ninterrupted: stopping (workers ended, the output folder is left as it was); Ctrl-C again to quit at once\n');
    controller.abort();
  };
  process.on('SIGINT', handler);
  return { signal: controller.signal, release: () => void process.off('SIGINT', handler) };
}

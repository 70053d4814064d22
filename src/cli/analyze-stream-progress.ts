/**
 * analyzeStream with progress on stderr (cli/progress.ts): each stage gets a line or a bar; `quiet` prints nothing.
 * Ctrl-C is armed (cli/interrupt.ts) during the stages that wait on I/O and workers.
 */
import type { AnalysisResult } from '../core/result.ts';
import { analyzeStream, type AnalyzeStreamOptions } from '../stream/analyze-stream.ts';
import type { StreamInput } from '../stream/extract-stream.ts';
import type { CliContext } from './context.ts';
import type { Interrupt } from './interrupt.ts';
import { createProgress } from './progress.ts';

export async function analyzeStreamWithProgress(
  inputs: readonly StreamInput[],
  options: Omit<AnalyzeStreamOptions, 'onStage' | 'onProgress' | 'signal'>,
  context: Pick<CliContext, 'stderr' | 'stderrIsTTY'>,
  quiet: boolean,
  interrupt: Interrupt | null,
): Promise<AnalysisResult> {
  const progress = createProgress(context, { quiet });
  try {
    return await analyzeStream(inputs, {
      ...options,
      ...(interrupt ? { signal: interrupt.signal } : {}),
      onStage: (stage) => {
        // Ctrl-C is handled in the stages that wait on I/O and workers; elsewhere it ends the process at once.
        if (stage === 'sample' || stage === 'extract') interrupt?.arm();
        else interrupt?.disarm();
        progress.update(stage, { done: 0, fraction: null });
      },
      onProgress: (stage, done, fraction) => progress.update(stage, { done, fraction }),
    });
  } finally {
    progress.end();
  }
}

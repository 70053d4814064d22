/**
 * analyzeStream with progress on stderr (cli/progress.ts): each stage gets a line or a bar; `quiet` prints nothing.
 */
import type { AnalysisResult } from '../core/result.ts';
import { analyzeStream, type AnalyzeStreamOptions } from '../stream/analyze-stream.ts';
import type { StreamInput } from '../stream/extract-stream.ts';
import type { CliContext } from './context.ts';
import { createProgress } from './progress.ts';

export async function analyzeStreamWithProgress(
  inputs: readonly StreamInput[],
  options: Omit<AnalyzeStreamOptions, 'onStage' | 'onProgress' | 'signal'>,
  context: Pick<CliContext, 'stderr' | 'stderrIsTTY'>,
  quiet: boolean,
  signal: AbortSignal | undefined,
): Promise<AnalysisResult> {
  const progress = createProgress(context, { quiet });
  try {
    return await analyzeStream(inputs, {
      ...options,
      ...(signal ? { signal } : {}),
      onStage: (stage) => progress.update(stage, { done: 0, fraction: null }),
      onProgress: (stage, done, fraction) => progress.update(stage, { done, fraction }),
    });
  } finally {
    progress.end();
  }
}

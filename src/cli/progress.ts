/**
 * Progress of long stages on stderr: a bar redrawn in place when stderr is a terminal, plain lines every few
 * seconds otherwise (logs, CI), nothing with `quiet`. Rates and ETA come from the items done so far in the stage
 * (papers/s); the total may be unknown (a stream) or an estimate in another unit (bytes read of a file), in which
 * case the fraction is given separately from the count.
 *
 * The pipeline reports through a plain callback (`onProgress(stage, done, fraction)`), so it never touches the
 * console or the clock itself.
 */
import type { CliContext } from './context.ts';

export interface ProgressOptions {
  /** Print nothing. Default: false. */
  quiet?: boolean;
  /** Between plain lines when stderr is not a terminal. Default: 2000. */
  intervalMs?: number;
  /** Between redraws of the bar. Default: 100. */
  redrawMs?: number;
  /** Width of the bar in characters. Default: 24. */
  barWidth?: number;
  /** Unit of the counts. Default: 'papers'. */
  unit?: string;
  /** Clock in ms (tests pass their own). Default: performance.now. */
  now?: () => number;
}

export interface ProgressUpdate {
  /** Items done in this stage. */
  done: number;
  /** 0..1 when known (from a total or from bytes read), else null. */
  fraction: number | null;
}

export interface Progress {
  /** Reports the state of a stage; a new stage name ends the previous one. */
  update(stage: string, update: ProgressUpdate): void;
  /** Ends the current stage with a summary line. */
  end(): void;
}

export const PROGRESS_DEFAULTS = Object.freeze({ quiet: false, intervalMs: 2000, redrawMs: 100, barWidth: 24, unit: 'papers' });

export function createProgress(context: Pick<CliContext, 'stderr' | 'stderrIsTTY'>, options: ProgressOptions = {}): Progress {
  const settings = { ...PROGRESS_DEFAULTS, ...options };
  const now = options.now ?? (() => performance.now());
  if (settings.quiet) return { update() {}, end() {} };
  let stage = '';
  let started = 0;
  let lastDraw = -Infinity;
  let last: ProgressUpdate = { done: 0, fraction: null };

  const describe = (time: number, final: boolean): string => {
    const seconds = Math.max(1e-9, (time - started) / 1000);
    const rate = last.done / seconds;
    const parts = [`${stage}: ${formatCount(last.done)} ${settings.unit}`];
    if (final) return last.done === 0 ? `${stage}: ${formatSeconds(seconds)}` : `${parts[0]} in ${formatSeconds(seconds)} (${formatCount(Math.round(rate))} ${settings.unit}/s)`;
    if (last.fraction !== null) parts.push(`${Math.floor(last.fraction * 100)}%`);
    parts.push(`${formatCount(Math.round(rate))} ${settings.unit}/s`);
    if (last.fraction !== null && last.fraction > 0.01 && last.fraction < 1) parts.push(`ETA ${formatSeconds((seconds * (1 - last.fraction)) / last.fraction)}`);
    return parts.join(', ');
  };
  const bar = (fraction: number | null): string => {
    if (fraction === null) return '';
    const filled = Math.round(Math.min(1, Math.max(0, fraction)) * settings.barWidth);
    return `[${'#'.repeat(filled)}${'.'.repeat(settings.barWidth - filled)}] `;
  };
  const finish = (): void => {
    if (stage === '') return;
    const line = describe(now(), true);
    context.stderr(context.stderrIsTTY ? `\r\x1b[K${line}\n` : `${line}\n`);
    stage = '';
  };
  return {
    update(name, update) {
      const time = now();
      if (name !== stage) {
        finish();
        stage = name;
        started = time;
        lastDraw = time;
        last = update;
        return;
      }
      last = update;
      if (context.stderrIsTTY) {
        if (time - lastDraw < settings.redrawMs) return;
        lastDraw = time;
        context.stderr(`\r\x1b[K${bar(update.fraction)}${describe(time, false)}`);
      } else {
        if (time - lastDraw < settings.intervalMs) return;
        lastDraw = time;
        context.stderr(`${describe(time, false)}\n`);
      }
    },
    end: finish,
  };
}

function formatCount(value: number): string {
  if (value >= 1e6) return `${(value / 1e6).toFixed(value >= 1e7 ? 0 : 1)}M`;
  if (value >= 1e4) return `${(value / 1e3).toFixed(value >= 1e5 ? 0 : 1)}k`;
  return String(value);
}

function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 120) return `${Math.round(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

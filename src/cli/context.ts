/**
 * What a CLI command may touch besides the file system: where to print, where relative paths start, whether
 * stderr is a terminal. Tests pass their own context to run the CLI in-process and capture its output.
 */
export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  stderrIsTTY: boolean;
}

export function processContext(): CliContext {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}

/** Thrown by a command to end with a message and an exit code, without a stack trace. */
export class CliExit extends Error {
  readonly exitCode: number;
  constructor(exitCode: number, message = '') {
    super(message);
    this.name = 'CliExit';
    this.exitCode = exitCode;
  }
}

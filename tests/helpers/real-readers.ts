/**
 * Runs the real programs that read our exports (xmllint, /usr/bin/python3 with networkx) on files in a temp dir.
 * `.ci/run` installs them with apt-get (libxml2-utils, python3-networkx); a missing program fails the test with the
 * package to install rather than skipping it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: readonly string[], packageName: string): RunResult {
  const result = spawnSync(command, [...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${command} is not installed: apt-get install -y ${packageName}`);
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes files (relative paths, `/` allowed) into a fresh temp dir, runs `body` with the dir, then removes it. */
export function withTempFiles<T>(files: Record<string, string>, body: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'papergraph-export-'));
  try {
    for (const [name, data] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), data);
    }
    return body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function xmllintSchema(schema: string, file: string): RunResult {
  return run('xmllint', ['--noout', '--schema', schema, file], 'libxml2-utils');
}

/** Runs a Python program with networkx; its stdout must be one JSON document. */
export function python(program: string, args: readonly string[]): unknown {
  const result = run('/usr/bin/python3', ['-c', program, ...args], 'python3-networkx');
  if (result.status !== 0) throw new Error(`python failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout);
}

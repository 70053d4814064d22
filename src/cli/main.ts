/**
 * papergraph's command line: argv -> command -> pipeline -> io.
 *
 * `runCli(argv, context)` runs in-process and returns the exit code, so tests drive it directly;
 * when this file is the entry point it runs with the real process and exits with that code.
 */
import { Command, CommanderError } from 'commander';
import { PapergraphError } from '../core/errors.ts';
import { CliExit, processContext, type CliContext } from './context.ts';
import { registerCommands } from './commands/index.ts';

export async function runCli(argv: readonly string[], context: CliContext = processContext()): Promise<number> {
  const program = new Command('papergraph')
    .description('Turn research paper lists into a knowledge graph of concepts and themes.')
    .exitOverride()
    .configureOutput({ writeOut: context.stdout, writeErr: context.stderr })
    .showHelpAfterError('(run papergraph --help for usage)');
  registerCommands(program, context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliExit) {
      if (error.message) context.stderr(`${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof PapergraphError) {
      context.stderr(`error: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntryPoint) {
  runCli(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      process.stderr.write(`papergraph: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}

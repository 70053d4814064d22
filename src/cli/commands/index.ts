/**
 * Every subcommand registers itself here; one file per command in this folder.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { registerAnalyzeCommand } from './analyze.ts';
import { registerConceptsCommand } from './concepts.ts';
import { registerExportCommand } from './export.ts';
import { registerFixEncodingCommand } from './fix-encoding.ts';

export function registerCommands(program: Command, context: CliContext): void {
  registerAnalyzeCommand(program, context);
  registerConceptsCommand(program, context);
  registerExportCommand(program, context);
  registerFixEncodingCommand(program, context);
}

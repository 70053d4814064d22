/**
 * The clean paper lists of ../shared/corpus held out from the character model, so `eval:encoding` measures
 * repair on notes the model never saw. Each of these lists shares no arXiv paper with any other list in the
 * corpus (checked when they were chosen), so none of their notes reach the model through a duplicate paper.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HELD_OUT_LISTS = [
  'rare-disease--52635eb5.md',
  'bib--survey-from-rl-syn-data.md',
  'vision-language-model-game--9a54f469.md',
  'vlm-grpo--1eae6020.md',
  'moe-llm--8d33c93b.md',
] as const;

/** ../shared/corpus/paper-lists, relative to the repository (override with PAPERGRAPH_CORPUS). */
export function corpusListsDir(): string {
  const override = process.env['PAPERGRAPH_CORPUS'];
  if (override) return override;
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus', 'paper-lists');
}

// Worker task of bench/generate-corpus.ts: builds the corpus generator once, then writes ranges of lines.
import type { Task } from '../src/io/worker-pool.ts';
import { createCorpusGenerator, readCorpusModel, type GenerateCorpusOptions } from './generate-corpus.ts';

export async function createTask(init: { n: number; options: GenerateCorpusOptions }): Promise<Task<{ from: number; to: number }, string>> {
  const generator = createCorpusGenerator(await readCorpusModel(), init.n, init.options);
  return ({ from, to }) => {
    const lines: string[] = [];
    for (let i = from; i < to; i++) lines.push(generator.line(i));
    return { result: `${lines.join('\n')}\n` };
  };
}

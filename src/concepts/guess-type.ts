/**
 * A concept type for a term found without a lexicon entry, from its head word and how the text introduces it.
 * Heads are the last word of the phrase (English noun phrases are head-final): "entropy collapse" is a
 * phenomenon, "reward shaping" a method, "instruction following" a task. A term the paper introduces as its
 * own ("we propose X", "X: …" at the start of the title) is typed `own-method`.
 */
import type { ConceptType } from '../core/types.ts';

const HEAD_TYPES: ReadonlyArray<readonly [ConceptType, string]> = [
  ['phenomenon', 'collapse degradation hacking forgetting overthinking underthinking hallucination bias drift instability shift overfitting overoptimization over-optimization sycophancy exploitation plateau vanishing explosion mismatch conflict trade-off tradeoff dilemma brittleness degeneracy sparsity imbalance inconsistency deception misalignment saturation phenomenon effect memorization leakage contamination redundancy uncertainty diversity'],
  ['method', 'optimization optimisation regularization regularisation shaping sampling estimation estimator algorithm loss objective penalty bonus clipping clip normalization normalisation masking distillation decoding search pruning quantization augmentation filtering weighting scheduling schedule initialization mechanism attention encoder decoder network gradient descent update method technique strategy policy critic actor mirror aggregation retrieval prompting tuning adaptation alignment verification rollout exploration curriculum ensemble regularizer controller planning planner'],
  ['paradigm', 'learning training fine-tuning finetuning pretraining pre-training post-training posttraining paradigm supervision rl'],
  ['benchmark', 'benchmark bench dataset suite corpus arena leaderboard testbed'],
  ['task', 'reasoning generation answering following understanding summarization translation classification detection segmentation recognition diagnosis navigation manipulation control use coding agent agents game games dialogue chat retrieval forecasting prediction synthesis'],
  ['model', 'model models llm llms vlm mllm lrm transformer transformers'],
];

const HEAD_TO_TYPE = new Map<string, ConceptType>();
for (const [type, words] of HEAD_TYPES) for (const word of words.split(' ')) if (!HEAD_TO_TYPE.has(word)) HEAD_TO_TYPE.set(word, type);

export interface GuessTypeContext {
  /** The paper introduces it as its own (proposes it, or names it at the start of the title). */
  introduced?: boolean;
}

/** The type of a term by its words (lowercase keys), `other` when nothing tells. */
export function guessType(keys: readonly string[], context: GuessTypeContext = {}): ConceptType {
  if (context.introduced === true) return 'own-method';
  for (let i = keys.length - 1; i >= Math.max(0, keys.length - 2); i--) {
    const type = HEAD_TO_TYPE.get(keys[i] ?? '');
    if (type !== undefined) return type;
  }
  return 'other';
}
